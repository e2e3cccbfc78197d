// @ts-check
// The colour tokens of tokens.css as numbers, for drawings that paint pixels (canvases) rather than style elements.
// A token may be a light-dark() pair, so it is resolved where it is used: a probe element inside `within` takes the
// token as its colour and the browser reports the resolved rgb(). Reading only: the tokens stay in tokens.css.

/** The token `name` (e.g. "--bp-class-0") as [r, g, b], resolved inside `within`. @param {Element} within @param {string} name */
export function tokenRgb(within, name) {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;  // CSSOM, not a style attribute: allowed under a strict CSP
  (within.shadowRoot ?? within).append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  const parts = colour.match(/[\d.]+/g)?.slice(0, 3).map(Number);
  return parts && parts.length === 3 ? parts : [128, 128, 128];
}

/** How many classes the palette has (--bp-class-0 … --bp-class-9). */
export const CLASS_COUNT = 10;

/** Every class colour as [r, g, b], class k at index k. @param {Element} within */
export const classPalette = (within) => Array.from({ length: CLASS_COUNT }, (_, k) => tokenRgb(within, `--bp-class-${k}`));
