// @ts-check
// One matrix as a card of the tensor stepper: its name (KaTeX, in its quantity's colour), its shape chip and its
// heat map, in a <details> so that a narrow screen can keep it closed as a shape chip until tapped.
import { el, texNode } from '../lesson-kit/kit.js';
import { heatmap } from './heatmap.js';

/** @typedef {import('../../engine/network.js').StepMatrix} StepMatrix */
/** @typedef {(key: string, params?: Record<string, string|number>) => string} Say */

/** "4×3" or "2×1×4×4": rows first, then the image's channels, height and width. @param {StepMatrix} m @param {Say} say */
export function shapeLabel(m, say) {
  const [rows, cols] = m.shape;
  if (!m.grid) return say('tensor.shape', { rows, cols });
  const [channels, height, width] = m.grid;
  return say('tensor.gridShape', { rows, channels, height, width });
}

/**
 * One matrix as a card: its name (KaTeX, in its quantity's colour), its shape chip and its heat map.
 * @param {StepMatrix} m @param {{say: Say, role: string, open: boolean, onEntry?: (row: number, col: number) => void}} options
 */
export function matrixCard(m, options) {
  const { say } = options;
  const name = texNode(m.latex, false);
  const summary = el('summary', {}, [
    el('span', { class: `card-name ${m.kind === 'grad' ? 'bp-grad' : 'bp-value'}` }, [name]),
    el('span', { class: 'chip num' }, [shapeLabel(m, say)]),
    el('span', { class: 'card-role muted' }, [options.role]),
  ]);
  const map = heatmap(m, {
    say,
    label: `${m.name} ${shapeLabel(m, say)}`,
    cellLabel: (row, col, value) => say('tensor.cell', { name: m.name, row: row + 1, col: col + 1, value }),
    onEntry: options.onEntry,
  });
  const card = el('details', { class: `card ${m.kind}`, 'data-matrix': m.name }, [summary, el('div', { class: 'card-body' }, [map])]);
  card.open = options.open;
  return card;
}

