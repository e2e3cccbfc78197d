// @ts-check
// The stepper's look, inside its shadow root: cs231n colours (values green above the wires, gradients red below),
// the current node outlined, light and dark themes from prefers-color-scheme, and a layout that works from a 360 px
// phone (the drawing scrolls sideways, the buttons wrap) to a wide desktop. Also used, resolved, by the SVG export.

/** Colours of the drawing, per theme (the export writes the light ones into the file). */
export const GRAPH_COLOURS = {
  light: { value: '#1b7f3b', grad: '#c62828', line: '#6b6f76', node: '#ffffff', nodeStroke: '#3c4043', text: '#1d1d1f',
    current: '#2f5bd3', currentFill: '#e8efff', pending: '#9aa0a6' },
  dark: { value: '#81c995', grad: '#ff8a80', line: '#8d939b', node: '#1d1f22', nodeStroke: '#c4c7c5', text: '#e8e6e3',
    current: '#8ab4ff', currentFill: '#22304d', pending: '#6b6f76' },
};

/** The drawing's rules, for a theme: shared by the live widget and the standalone SVG file. @param {typeof GRAPH_COLOURS.light} c */
export const drawingCss = (c) => `
svg.graph { font: 15px system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; }
.wire-line { fill: none; stroke: ${c.line}; stroke-width: 1.6; }
.arrowhead { fill: ${c.line}; }
.wire-value, .wire-grad { paint-order: stroke; stroke: ${c.node}; stroke-width: 4px; stroke-linejoin: round; }
.wire-value { fill: ${c.value}; font-weight: 600; text-anchor: middle; font-variant-numeric: tabular-nums; }
.wire-grad { fill: ${c.grad}; font-weight: 600; text-anchor: middle; font-style: italic; font-variant-numeric: tabular-nums; }
.node .shape { fill: ${c.node}; stroke: ${c.nodeStroke}; stroke-width: 1.6; }
.node .symbol { fill: ${c.text}; text-anchor: middle; font-weight: 600; }
.node .name { fill: ${c.text}; text-anchor: middle; font-size: 13px; }
.node .fanout-total { fill: ${c.grad}; text-anchor: middle; font-size: 12px; font-style: italic; }
.node.pending .shape { stroke-dasharray: 4 3; stroke: ${c.pending}; }
.node.current .shape { stroke: ${c.current}; stroke-width: 3.5; fill: ${c.currentFill}; }
.node.asked .shape { stroke: ${c.current}; stroke-width: 2.5; stroke-dasharray: 5 3; }
.wire.current .wire-line { stroke: ${c.current}; stroke-width: 2.6; }
.wire.current .arrowhead { fill: ${c.current}; }
`;

export const GRAPH_CSS = `
:host { outline: none; }
:host(:focus-visible) .box { outline: 3px solid var(--bp-accent); outline-offset: 2px; }
.toolbar .counter { margin-left: auto; }
.switch { display: inline-flex; gap: 0.45rem; align-items: center; min-height: var(--bp-touch); }
.switch::before { content: ""; width: 2.2rem; height: 1.25rem; border-radius: 1rem; flex: none;
  background: var(--bp-border) radial-gradient(circle at 0.62rem 50%, var(--bp-card) 0.42rem, transparent 0.46rem); }
.switch[aria-checked="true"]::before { background: var(--bp-accent) radial-gradient(circle at 1.58rem 50%, var(--bp-card) 0.42rem, transparent 0.46rem); }
.drawing { overflow-x: auto; overscroll-behavior-x: contain; }
.drawing svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.legend { margin: 0.3rem 0 0; }
.panel { border-top: 1px solid var(--bp-border); margin-top: 0.6rem; padding-top: 0.6rem; min-height: 4.5rem; }
.phase { font-weight: 700; margin: 0 0 0.3rem; }
.equations { overflow-x: auto; }
.equations .katex-display { margin: 0.35rem 0; text-align: left; }
.equations .katex-display > .katex { text-align: left; }
.notes { margin: 0.4rem 0 0; padding-left: 1.2rem; }
.notes li { margin: 0.15rem 0; }
.message { margin: 0.4rem 0 0; }
.quiz { display: grid; gap: 0.6rem; margin-top: 0.6rem; padding: 0.6rem 0.8rem; border: 1px dashed var(--bp-accent); border-radius: 8px; }
.question { display: grid; grid-template-columns: minmax(0, max-content) 8rem; gap: 0.3rem 0.6rem; align-items: center; }
.question .feedback { grid-column: 1 / -1; }
.quiz button { justify-self: start; }
.feedback .katex { font-size: 1.05em; }
.hint { display: inline-flex; flex-wrap: wrap; gap: 0.2rem 0.4rem; align-items: baseline; }
.score { font-weight: 700; margin-top: 0.6rem; }
.box + .box { margin-top: 0.6rem; }
.stale { opacity: 0.5; filter: grayscale(1); }
.stale-note { font-weight: 700; margin: 0 0 0.4rem; }
@media (max-width: 520px) {
  .toolbar .counter { margin-left: 0; width: 100%; }
  .question { grid-template-columns: minmax(0, 1fr); }
}
${drawingCss(GRAPH_COLOURS.light)}
@media (prefers-color-scheme: dark) {
${drawingCss(GRAPH_COLOURS.dark)}
}
`;
