// @ts-check
// A matrix drawn as a heat map: one cell per entry in the colour of its quantity (value or gradient), stronger
// for a larger |entry| relative to the matrix's largest, negative entries striped, the numbers written in when the
// matrix is small. A matrix whose rows are images (grid [C, H, W]) is drawn as one H×W pixel grid per row and
// channel. Gradient entries can be made focusable and pressable (arrow keys move between them).
import { formatNumber } from '../lesson-kit/format.js';
import { el } from '../lesson-kit/kit.js';

/** A matrix small enough to write its numbers in. */
const NUMBERS_MAX_CELLS = 32;
const NUMBERS_MAX_COLS = 6;

/**
 * @typedef {object} HeatOptions
 * @property {string} label                             the accessible name of the whole map
 * @property {(row: number, col: number, value: string) => string} cellLabel  value as the cell shows it
 * @property {((row: number, col: number) => void) | undefined} [onEntry]  makes the entries pressable
 * @property {(key: string, params?: Record<string, string|number>) => string} say
 */

/** @param {import('../../engine/network.js').StepMatrix} m @param {HeatOptions} options */
export function heatmap(m, options) {
  const top = Math.max(...m.rows.flat().map(Math.abs), 0);
  /** The entry's strength as a CSS custom property (set through the CSSOM, which a strict CSP allows). */
  const cell = (/** @type {number} */ value, /** @type {string} */ text, /** @type {number} */ row, /** @type {number} */ col) => {
    // The accessible name holds the written number exactly as shown (WCAG 2.5.3, label in name).
    const node = el('div', { class: value < 0 ? 'cell neg' : 'cell', role: 'gridcell',
      'aria-label': options.cellLabel(row, col, text || formatNumber(value)), 'data-row': row, 'data-col': col }, text ? [text] : []);
    node.style.setProperty('--m', String(top > 0 ? Math.abs(value) / top : 0));
    return node;
  };
  const kind = m.kind === 'grad' ? 'grad' : 'value';
  if (m.grid) return pixelGrids(m, kind, cell, options);
  const [rows, cols] = m.shape;
  const numbers = rows * cols <= NUMBERS_MAX_CELLS && cols <= NUMBERS_MAX_COLS;
  const size = numbers ? 'numbers' : cols <= 16 ? 'small' : cols <= 32 ? 'smaller' : 'tiny';
  const map = el('div', { class: `heat ${kind} ${size}`, role: 'grid', 'aria-label': options.label },
    m.rows.map((values, r) => el('div', { class: 'heat-row', role: 'row' },
      values.map((value, c) => cell(value, numbers ? formatNumber(value, 3) : '', r, c)))));
  map.style.setProperty('--cols', String(cols));
  if (options.onEntry) pressable(map, options.onEntry);
  return map;
}

/**
 * Each row of `m` as C pixel grids of H×W, captioned by example (or output channel) and channel.
 * @param {import('../../engine/network.js').StepMatrix} m @param {string} kind
 * @param {(value: number, text: string, row: number, col: number) => HTMLElement} cell @param {HeatOptions} options
 */
function pixelGrids(m, kind, cell, options) {
  const [channels, height, width] = /** @type {number[]} */ (m.grid);
  const kernel = m.name.replace(/^d/, '').startsWith('K');
  const groups = m.rows.map((values, r) => el('div', { class: 'pixel-row' }, Array.from({ length: channels }, (_, c) => {
    const plane = values.slice(c * height * width, (c + 1) * height * width);
    const grid = el('div', { class: `pixels ${kind}`, role: 'grid', 'aria-label': `${options.label}: ${caption(r, c)}` },
      Array.from({ length: height }, (_, i) => el('div', { class: 'heat-row', role: 'row' },
        plane.slice(i * width, (i + 1) * width).map((value, j) => cell(value, '', r, c * height * width + i * width + j)))));
    grid.style.setProperty('--cols', String(width));
    return el('figure', { class: 'plane' }, [grid, el('figcaption', { class: 'muted' }, [caption(r, c)])]);
  })));
  return el('div', { class: 'pixel-set' }, groups);

  /** @param {number} r @param {number} c */
  function caption(r, c) {
    const first = options.say(kernel ? 'tensor.out' : 'tensor.example', kernel ? { c: r + 1 } : { n: r + 1 });
    return channels > 1 || kernel ? `${first} · ${options.say('tensor.channel', { c: c + 1 })}` : first;
  }
}

/** One tab stop for the whole map; arrows move between entries, Enter, Space or a tap presses one.
 * @param {HTMLElement} map @param {(row: number, col: number) => void} onEntry */
function pressable(map, onEntry) {
  const cells = /** @type {HTMLElement[]} */ ([...map.querySelectorAll('.cell')]);
  const cols = Number(map.style.getPropertyValue('--cols'));
  cells.forEach((c, i) => { c.tabIndex = i === 0 ? 0 : -1; });
  map.classList.add('pressable');
  const press = (/** @type {HTMLElement} */ c) => onEntry(Number(c.dataset.row), Number(c.dataset.col));
  map.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const c = /** @type {HTMLElement | null} */ (target.closest('.cell'));
    if (c) press(c);
  });
  map.addEventListener('keydown', (event) => {
    const current = cells.indexOf(/** @type {HTMLElement} */ (event.target));
    if (current < 0) return;
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols };
    const move = moves[/** @type {keyof typeof moves} */ (event.key)];
    if (event.key === 'Enter' || event.key === ' ') {
      press(cells[current]);
    } else if (move !== undefined) {
      const next = cells[current + move];
      if (next) {
        cells[current].tabIndex = -1;
        next.tabIndex = 0;
        next.focus();
      }
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();  // the arrows belong to the map here, not to the stepper
  });
}
