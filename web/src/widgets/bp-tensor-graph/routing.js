// @ts-check
// Pooling and convolution steps, drawn as what moves where: a caption, the convolution's extra grids (the padded
// input; backward, the kernel turned 180° and the spread, padded upstream gradient), and an animation that walks
// the output cells one by one, lighting each with the input cells it comes from (max pooling: its argmax, sent
// back on the backward pass; convolution: the kernel's window). Indices come from the engine's trace.
import { el } from '../lesson-kit/kit.js';
import { matrixCard } from './card.js';

/** @typedef {import('../../engine/network.js').Step} Step */
/** @typedef {import('../../engine/network.js').StepMatrix} StepMatrix */
/** @typedef {[string, number, number][]} Frame  cells lit together: [matrix name, row, column] */
/** @typedef {{grid: number[], rows: number[][]}} ConvGrid */
/** @typedef {{in: number[], out: number[], kernel: number[], stride: number, padding: number, padded_input?: ConvGrid,
 *   flipped_kernel?: ConvGrid, full_upstream?: ConvGrid}} ConvDetails */

const FRAME_MS = 650;

/** @param {string} name @param {string} latex @param {ConvGrid} g @param {'value'|'grad'} kind @returns {StepMatrix} */
const asMatrix = (name, latex, g, kind) => ({ name, latex, kind, shape: [g.rows.length, g.rows[0]?.length ?? 0], grid: g.grid, rows: g.rows });

/** The caption and extra grids of a pooling or convolution step, or null for other ops.
 * @param {Step} step @param {(key: string, params?: Record<string, string|number>) => string} say */
export function routingView(step, say) {
  const backward = step.phase === 'backward';
  if (step.op === 'max_pool2d') return el('p', { class: 'routing-note' }, [say('tensor.routingMax')]);
  if (step.op === 'avg_pool2d') return el('p', { class: 'routing-note' }, [say('tensor.routingAvg')]);
  if (step.op !== 'conv2d' || !step.conv) return null;
  const conv = /** @type {ConvDetails} */ (step.conv);
  const input = step.inputs[0];
  // The first layer's input gets no gradient: then only dK is explained, and dX's grids are not drawn.
  const toInput = step.rules.some((rule) => rule.target === `d${input.name}`);
  const note = !backward ? 'tensor.convForward' : toInput ? 'tensor.convBackward' : 'tensor.convBackwardKernel';
  const cards = [];
  if (!backward && conv.padding > 0 && conv.padded_input) {
    cards.push(matrixCard(asMatrix('pad', `\\operatorname{pad}(${input.latex})`, conv.padded_input, 'value'),
      { say, role: say('tensor.paddedInput'), open: true }));
  }
  if (backward && toInput && conv.flipped_kernel && conv.full_upstream) {
    // Named K…: its rows are output channels, as a kernel's are.
    cards.push(matrixCard(asMatrix('Krot', `\\operatorname{rot}_{180}(${step.inputs[1].latex})`, conv.flipped_kernel, 'value'),
      { say, role: say('tensor.flipped'), open: true }));
    cards.push(matrixCard(asMatrix('full', `\\operatorname{pad}(d${step.latex})`, conv.full_upstream, 'grad'),
      { say, role: say('tensor.fullUpstream'), open: true }));
  }
  return el('div', { class: 'routing' }, [el('p', { class: 'routing-note' }, [say(note)]),
    el('div', { class: 'cards' }, cards)]);
}

/** The animation's frames for the first example of a pooling or convolution step (empty for other ops). @param {Step} step @returns {Frame[]} */
export function routingFrames(step) {
  const backward = step.phase === 'backward';
  const input = step.inputs[0].name;
  if (step.op === 'max_pool2d' && step.routing) {
    const out = backward ? `d${step.node}` : step.node, into = backward ? `d${input}` : input;
    return step.routing[0].map((from, o) => /** @type {Frame} */ ([[out, 0, o], [into, 0, from]]));
  }
  if (step.op !== 'conv2d' || backward || !step.conv) return [];
  // Forward: output cell (i, j) of channel 0 reads the kernel-sized window at (i·stride, j·stride) of the padded input.
  const conv = /** @type {ConvDetails} */ (step.conv);
  const source = conv.padding > 0 && conv.padded_input ? 'pad' : input;
  const [channels, height, width] = conv.padding > 0 && conv.padded_input ? conv.padded_input.grid : conv.in;
  const [, outH, outW] = conv.out;
  const [kh, kw] = conv.kernel;
  /** @type {Frame[]} */
  const frames = [];
  for (let i = 0; i < outH; i++) {
    for (let j = 0; j < outW; j++) {
      /** @type {Frame} */
      const frame = [[step.node, 0, i * outW + j]];
      for (let c = 0; c < channels; c++) {
        for (let u = 0; u < kh; u++) {
          for (let v = 0; v < kw; v++) frame.push([source, 0, (c * height + i * conv.stride + u) * width + j * conv.stride + v]);
        }
      }
      frames.push(frame);
    }
  }
  return frames;
}

/** Lights `frames` in turn inside `root` until the returned stop() (one still frame under reduced motion).
 * @param {HTMLElement} root @param {Frame[]} frames @param {boolean} still */
export function animate(root, frames, still) {
  if (frames.length === 0) return () => {};
  let k = 0;
  const show = () => {
    root.querySelectorAll('.cell.lit').forEach((c) => c.classList.remove('lit'));
    for (const [name, row, col] of frames[k]) {
      root.querySelector(`[data-matrix="${name}"] .cell[data-row="${row}"][data-col="${col}"]`)?.classList.add('lit');
    }
    k = (k + 1) % frames.length;
  };
  show();
  if (still) return () => {};
  const timer = setInterval(show, FRAME_MS);
  return () => clearInterval(timer);
}
