// @ts-check
// The tensor stepper's look, inside its shadow root: node chips that wrap (never a sideways scroll), heat-map
// cells in the shared value and gradient colours (strength from --m, set per cell; negative entries striped),
// pixel grids for images, the lit cells of a routing animation, and the cards that fold into shape chips on a
// narrow screen. Colours only through the tokens (tokens.css), so light and dark follow the page.

import { STEPPER_CSS } from '../base/stepper-element.js';

export const TENSOR_CSS = `${STEPPER_CSS}
.strip { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; margin: 0.2rem 0 0.4rem; padding: 0; }
.node { display: inline-flex; border-radius: 999px; border: 1px dashed var(--bp-border); color: var(--bp-muted); }
.node-button { font: inherit; color: inherit; background: none; border: 0; border-radius: 999px; cursor: pointer;
  display: inline-flex; align-items: baseline; gap: 0.35rem; padding: 0.15rem 0.5rem; min-height: 2rem; }
.node.known { border-style: solid; border-color: var(--bp-value); color: var(--bp-fg); }
.node.has-grad { box-shadow: inset 0 -3px 0 var(--bp-grad); }
.node.current { background: var(--bp-current-soft); border-color: var(--bp-current); border-width: 2px; }
.node-button[aria-expanded="true"] { outline: 2px solid var(--bp-accent); outline-offset: 1px; }
.node-view { margin-top: 0.4rem; }
.quiz-on .node:not(.known) .chip { visibility: hidden; }
.chip { font-size: 0.82em; color: var(--bp-muted); white-space: nowrap; }
.legend { margin: 0.3rem 0 0; font-size: 0.9em; }
.panel { border-top: 1px solid var(--bp-border); margin-top: 0.6rem; padding-top: 0.6rem; }
.phase { font-weight: 700; margin: 0 0 0.3rem; }
.message { margin: 0.4rem 0 0; }
.small { font-size: 0.88em; }
/* Each part lays out on its own: a step replaces the stage, and the rest of the widget need not be laid out again. */
.strip, .panel, .stage-slot, .card, .rules { contain: layout paint; }
.cards { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: flex-start; margin-top: 0.5rem; }
.card { border: 1px solid var(--bp-border); border-radius: 8px; padding: 0.3rem 0.5rem; max-width: 100%; min-width: 0; }
.card.result { border-color: var(--bp-current); border-width: 2px; }
.card summary { cursor: pointer; display: flex; flex-wrap: wrap; gap: 0.2rem 0.45rem; align-items: baseline;
  min-height: 1.8rem; }
.card-role { font-size: 0.8em; }
.card-name.bp-grad { font-style: italic; }
.card-body { margin-top: 0.3rem; max-width: 100%; overflow: hidden; }
/* A map with numbers sizes its columns to them; a bare map (and a pixel grid) takes at most its cell size per
   column and shrinks to the card's width, so a 64-column matrix still fits a phone. */
.heat { display: inline-grid; gap: 2px; max-width: 100%; }
.heat-row { display: grid; grid-template-columns: repeat(var(--cols), minmax(0, 1fr)); gap: var(--gap, 2px); }
.heat.numbers .heat-row { grid-template-columns: repeat(var(--cols), minmax(2.9rem, auto)); }
.heat:not(.numbers), .pixels { display: grid; width: calc(var(--cols) * var(--cell)); max-width: 100%; }
.heat.small { --cell: 0.95rem; }
.heat.smaller { --cell: 0.55rem; --gap: 1px; }
.heat.tiny { --cell: 0.3rem; --gap: 0; }
.cell { min-height: var(--cell, 0.9rem); border-radius: 2px; font-size: 0.78rem; line-height: 1.7;
  text-align: center; font-variant-numeric: tabular-nums; color: var(--bp-fg); }
.heat.numbers .cell { padding: 0 0.2rem; min-height: 1.5rem; }
.heat:not(.numbers) .cell { aspect-ratio: 1; min-height: 0; min-width: 0; }
.value .cell { background-color: color-mix(in srgb, var(--bp-value) calc(var(--m) * var(--strength)), var(--bp-card)); }
.grad .cell { background-color: color-mix(in srgb, var(--bp-grad) calc(var(--m) * var(--strength)), var(--bp-card)); font-style: italic; }
/* Written numbers keep their contrast (a paler scale) and carry their own sign; bare cells show the sign by stripes. */
.heat, .pixels { --strength: 85%; }
.heat.numbers { --strength: 45%; }
.heat:not(.numbers) .cell.neg, .pixels .cell.neg {
  background-image: repeating-linear-gradient(135deg, transparent 0 3px, var(--bp-card) 3px 4.5px); }
.heat.numbers .cell { text-shadow: 0 0 3px var(--bp-card), 0 0 3px var(--bp-card); }
.pressable .cell { cursor: pointer; }
.pressable .cell:hover, .cell:focus-visible { outline: 2px solid var(--bp-current); outline-offset: 0; }
.cell.lit { outline: 3px solid var(--bp-current); outline-offset: -1px; }
.pixel-set { display: grid; gap: 0.3rem; }
.pixel-row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.plane { margin: 0; }
.plane figcaption { font-size: 0.75em; }
.pixels { gap: 1px; --cell: 0.85rem; --gap: 1px; }
.pixels .cell { aspect-ratio: 1; min-height: 0; min-width: 0; }
.rules { margin-top: 0.5rem; }
.rule-tex { margin: 0.4rem 0; line-height: 2.8; }
.rule .katex-display { margin: 0.3rem 0; text-align: left; }
.rule .katex-display > .katex { text-align: left; }
.where { font-size: 0.9em; }
.substituted summary { cursor: pointer; margin: 0.2rem 0; }
.substituted { overflow-x: auto; overflow-y: hidden; }
.narrow .substituted { display: none; }  /* the cards carry the numbers; a 4×4 bmatrix would not fit */
.routing-note { margin: 0.5rem 0 0; }
.entry { margin-top: 0.6rem; padding: 0.5rem 0.7rem; border: 1px solid var(--bp-grad); border-radius: 8px; background: var(--bp-grad-soft); }
.entry-title { font-weight: 700; margin: 0; }
.entry-sum { margin: 0.5rem 0; line-height: 2.6; }  /* inline KaTeX: it breaks after = and + on a phone */
.quiz { display: grid; gap: 0.5rem; margin-top: 0.6rem; padding: 0.6rem 0.8rem; border: 1px dashed var(--bp-accent); border-radius: 8px; }
.question { display: flex; flex-wrap: wrap; gap: 0.3rem 0.5rem; align-items: center; }
.question input { width: 8rem; }
.quiz-actions { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.score { font-weight: 700; margin-top: 0.6rem; }
@media (prefers-reduced-motion: no-preference) { .cell.lit { transition: outline-color 0.2s; } }
`;
