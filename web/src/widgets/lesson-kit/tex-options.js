// @ts-check
// KaTeX's options for the engine's TeX, shared by the widgets (in the browser) and the lesson build (in node). The
// engine marks each value and gradient term with \htmlClass{bp-value|bp-grad}{...} so that the equation uses the
// figure's colours; KaTeX needs to be trusted with that one command, and only that one (no \href, no \url).
export const TEX_OPTIONS = Object.freeze({
  trust: (/** @type {{command: string}} */ context) => context.command === '\\htmlClass',
  // \htmlClass is a KaTeX extension to LaTeX, which strict mode would warn about; everything else stays checked.
  strict: (/** @type {string} */ code) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
});
