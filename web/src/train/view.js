// @ts-check
// Constants the training page's worker and renderers share: the square of the plane the 2-D datasets are drawn
// in (they lie in [-1, 1]² plus noise) and the resolution of the decision-boundary grid. Numbers only.

export const VIEW = Object.freeze({ x0: -1.25, x1: 1.25, y0: -1.25, y1: 1.25 });
export const GRID = 64;
