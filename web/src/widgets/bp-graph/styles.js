// @ts-check
// The stepper's look, inside its shadow root: the shared colour tokens (values blue and upright, gradients orange
// and italic), the current node outlined, light and dark from the page's colour scheme, and a box that works from a
// 360 px phone to a wide desktop (the drawing is sized by graph-view.js, never wider than its box). The drawing's
// rules are also written, with resolved colours, into an exported SVG file.
import { FONT } from './text-metrics.js';
import { VIEWPORT_CSS } from './viewport.js';
import { STEPPER_CSS } from '../base/stepper-element.js';

/** The drawing's colours by role, as the shared tokens (tokens.css): the live widget follows the page's theme. */
export const TOKEN_COLOURS = {
  value: 'var(--bp-value)', grad: 'var(--bp-grad)', line: 'var(--bp-muted)', node: 'var(--bp-card)', nodeStroke: 'var(--bp-fg)',
  text: 'var(--bp-fg)', current: 'var(--bp-current)', currentFill: 'var(--bp-current-soft)', pending: 'var(--bp-muted)',
  border: 'var(--bp-border)',
};

/**
 * The drawing's rules for a set of colours: the tokens in the live widget, resolved colours in a standalone file.
 * Values are upright and solid, gradients italic: a second cue besides the hue.
 * @param {typeof TOKEN_COLOURS} c
 */
export const drawingCss = (c) => `
svg.graph { font-family: ${FONT.family}; font-size: ${FONT.symbol}px; }
.wire-line { fill: none; stroke: ${c.line}; stroke-width: 1.6; }
.arrowhead { fill: ${c.line}; }
.wire-value, .wire-grad { font-size: ${FONT.label}px; font-weight: 600; font-variant-numeric: tabular-nums;
  paint-order: stroke; stroke: ${c.node}; stroke-width: 4px; stroke-linejoin: round; }
.wire-value { fill: ${c.value}; }
.wire-grad { fill: ${c.grad}; font-style: italic; }
.node .shape { fill: ${c.node}; stroke: ${c.nodeStroke}; stroke-width: 1.6; }
.node .stack { fill: ${c.node}; stroke: ${c.nodeStroke}; stroke-width: 1.2; }
.node .symbol { fill: ${c.text}; text-anchor: middle; font-weight: 600; }
.node .name { fill: ${c.text}; font-size: ${FONT.name}px; paint-order: stroke; stroke: ${c.node}; stroke-width: 3px; }
.node .sub { font-size: ${FONT.sub}px; }
.node .fanout-total { fill: ${c.grad}; font-size: ${FONT.total}px; font-style: italic; font-weight: 600;
  paint-order: stroke; stroke: ${c.node}; stroke-width: 4px; stroke-linejoin: round; }
.node.pending .shape { stroke-dasharray: 4 3; stroke: ${c.pending}; }
.node.current .shape { stroke: ${c.current}; stroke-width: 3.5; fill: ${c.currentFill}; }
.node.asked .shape { stroke: ${c.current}; stroke-width: 2.5; stroke-dasharray: 5 3; }
.wire.current .wire-line { stroke: ${c.current}; stroke-width: 2.6; }
`;

export const GRAPH_CSS = `${STEPPER_CSS}
.drawing { min-width: 0; }
.graph-view > svg.graph { display: block; margin: 0 auto; }
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
@media (max-width: 520px) {
  /* On a phone every pixel of width is readable text: the drawing takes the box's side padding too. */
  .drawing { margin-inline: calc(4px - 1rem); }
  .question { grid-template-columns: minmax(0, 1fr); }
}
${drawingCss(TOKEN_COLOURS)}
${VIEWPORT_CSS}
`;
