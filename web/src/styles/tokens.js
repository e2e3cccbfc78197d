// @ts-check
// The colour tokens of tokens.css as numbers, for drawings that paint pixels (canvases) rather than style elements.
// A token may be a light-dark() pair, so it is resolved where it is used: probe elements under `host` take the
// tokens as their colours and the browser reports the resolved rgb(), all in one style pass. Reading only: the
// tokens stay in tokens.css; a theme change means reading a new palette.

/** How many classes the palette has (--bp-class-0 … --bp-class-9). */
export const CLASSES = 10;

/** @typedef {{classes: number[][], neg: number[], mid: number[], pos: number[], fg: number[], bg: number[]}} Palette */

/** The tokens `names` as [r, g, b] each, resolved under `host` (which must be in the document). @param {Element} host @param {string[]} names */
export function resolveTokens(host, names) {
  const probes = names.map((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;  // CSSOM, not a style attribute: allowed under a strict CSP
    return probe;
  });
  (host.shadowRoot ?? host).append(...probes);
  const colours = probes.map((probe) => (getComputedStyle(probe).color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number));
  for (const probe of probes) probe.remove();
  return colours;
}

/** The drawing colours under `host`: one per class, the sign scale, and text and card for strokes. @param {Element} host @returns {Palette} */
export function readPalette(host) {
  const classes = Array.from({ length: CLASSES }, (_, c) => `--bp-class-${c}`);
  const colours = resolveTokens(host, [...classes, '--bp-sign-neg', '--bp-sign-mid', '--bp-sign-pos', '--bp-fg', '--bp-card']);
  const [neg, mid, pos, fg, bg] = colours.slice(CLASSES);
  return { classes: colours.slice(0, CLASSES), neg, mid, pos, fg, bg };
}
