// @ts-check
// The last stage: where each wire's two numbers go. Left to right, the value sits above the wire and the gradient
// below it (or, where wires converge, both stack on the outer side); top to bottom, the two stack (value over
// gradient) beside the wire. Each wire tries spots in the gaps between the ranks it runs through (nearest its
// consumer first) and takes the first that touches no box, no other wire and no label already placed, or else the
// one that overlaps least. A grid makes each test local.

/** @typedef {{x: number, y: number}} XY */
/** @typedef {{x0: number, y0: number, x1: number, y1: number}} Rect */
/** @typedef {{x: number, y: number, anchor: 'start'|'middle'|'end'}} Spot  a text's anchor point (baseline) */
/**
 * @typedef {{points: XY[], valueWidth: number, gradWidth: number, gaps: [number, number][], side: 1|-1}} WireLabels
 *   a wire's sampled path, its labels' widths, the stretches along the ranks where they may go (preferred first),
 *   and, top to bottom, the side to try first (1 right, -1 left)
 */

const ASCENT = 10;      // of a 13 px label, above its baseline
const DESCENT = 3.5;
const HALO = 2;         // the label's halo, around its text
const OFFSET = 3;       // between a wire and its labels
const LINE_GAP = 1;     // between the value and the gradient, stacked
const CROSSING = 600;   // the cost of a wire through a label, as an area of overlap
const CELL = 48;
/** The height of a value-over-gradient pair. */
export const STACK_HEIGHT = 2 * (ASCENT + DESCENT + 2 * HALO) + LINE_GAP;

/** A uniform grid of rectangles and segments, for "what is near here". */
class Grid {
  constructor() {
    /** @type {Map<number, {rect: Rect, segment: number[] | null, owner: number, seen: number}[]>} */
    this.cells = new Map();
    this.query = 0;  // stamps items already counted by the current query (no Set per query: this runs thousands of times)
  }

  /** @param {Rect} rect @param {(key: number) => void} visit */
  static each(rect, visit) {
    const x0 = Math.floor(rect.x0 / CELL);
    const x1 = Math.floor(rect.x1 / CELL);
    const y0 = Math.floor(rect.y0 / CELL);
    const y1 = Math.floor(rect.y1 / CELL);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) visit(x * 100003 + y);
  }

  /** @param {Rect} rect @param {number[] | null} segment @param {number} owner */
  add(rect, segment, owner) {
    const item = { rect, segment, owner, seen: 0 };
    Grid.each(rect, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(item);
      else this.cells.set(key, [item]);
    });
  }

  /** The cost of putting `rect` here for wire `owner`: overlapping area, plus a price per wire crossing it. @param {Rect} rect @param {number} owner */
  cost(rect, owner) {
    const query = ++this.query;
    let cost = 0;
    Grid.each(rect, (key) => {
      const cell = this.cells.get(key);
      if (!cell) return;
      for (const item of cell) {
        if (item.owner === owner || item.seen === query) continue;
        item.seen = query;
        if (item.segment) {
          if (crosses(rect, item.segment)) cost += CROSSING;
        } else {
          const w = Math.min(rect.x1, item.rect.x1) - Math.max(rect.x0, item.rect.x0);
          const h = Math.min(rect.y1, item.rect.y1) - Math.max(rect.y0, item.rect.y0);
          if (w > 0 && h > 0) cost += w * h + 50;
        }
      }
    });
    return cost;
  }
}

/** Whether segment [ax, ay, bx, by] passes through `rect` (Liang–Barsky). @param {Rect} rect @param {number[]} segment */
function crosses(rect, segment) {
  const [ax, ay, bx, by] = segment;
  const dx = bx - ax;
  const dy = by - ay;
  const span = { t0: 0, t1: 1 };
  return clip(-dx, ax - rect.x0, span) && clip(dx, rect.x1 - ax, span) && clip(-dy, ay - rect.y0, span) && clip(dy, rect.y1 - ay, span);
}

/** One Liang–Barsky boundary test: narrows [t0, t1], false once it is empty. @param {number} p @param {number} q @param {{t0: number, t1: number}} span */
function clip(p, q, span) {
  if (p === 0) return q >= 0;
  const t = q / p;
  if (p < 0) span.t0 = Math.max(span.t0, t);
  else span.t1 = Math.min(span.t1, t);
  return span.t0 <= span.t1;
}

/** The least and greatest of coordinate `along`'s partner over a stretch of a sampled path. @param {XY[]} points */
function extremes(points, /** @type {'x'|'y'} */ along, /** @type {number} */ from, /** @type {number} */ to) {
  const across = along === 'x' ? 'y' : 'x';
  let least = Infinity;
  let most = -Infinity;
  const take = (/** @type {number} */ value) => { least = Math.min(least, value); most = Math.max(most, value); };
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    const lo = Math.min(a[along], b[along]);
    const hi = Math.max(a[along], b[along]);
    if (hi < from || lo > to) continue;
    // the piece of this segment inside [from, to]
    for (const at of [Math.max(lo, from), Math.min(hi, to)]) {
      take(hi === lo ? a[across] : a[across] + ((at - a[along]) / (b[along] - a[along])) * (b[across] - a[across]));
    }
  }
  if (least === Infinity) take(points[0][across]);
  return { least, most };
}

/** Spots along a stretch: its middle, then outwards both ways, a third of a label apart. @param {[number, number]} gap @param {number} size */
function spotsIn([from, to], size) {
  const middle = (from + to) / 2;
  const slack = Math.max(0, (to - from - size) / 2);
  const step = Math.max(size / 3, slack / 4, 4);
  const spots = [middle];
  for (let d = step; d <= slack + 0.5; d += step) spots.push(middle - d, middle + d);
  return spots;
}

/**
 * Left to right, stacked value over gradient, above (side -1) or below (side 1) the wire at x = `at`: where two
 * converging wires leave no room between them for one's gradient and the other's value.
 * @param {WireLabels} wire @param {number} at @param {1|-1} side
 */
function stackedHorizontal(wire, at, side) {
  const half = Math.max(wire.valueWidth, wire.gradWidth) / 2 + HALO;
  const { least, most } = extremes(wire.points, 'x', at - half, at + half);
  const top = side < 0 ? least - OFFSET - STACK_HEIGHT : most + OFFSET;
  const valueBase = top + HALO + ASCENT;
  const gradBase = valueBase + DESCENT + 2 * HALO + LINE_GAP + ASCENT;
  const rect = (/** @type {number} */ width, /** @type {number} */ base) =>
    ({ x0: at - width / 2 - HALO, x1: at + width / 2 + HALO, y0: base - ASCENT - HALO, y1: base + DESCENT + HALO });
  return {
    value: /** @type {Spot} */ ({ x: at, y: valueBase, anchor: 'middle' }),
    grad: /** @type {Spot} */ ({ x: at, y: gradBase, anchor: 'middle' }),
    rects: [rect(wire.valueWidth, valueBase), rect(wire.gradWidth, gradBase)],
  };
}

/** Left to right: value above and gradient below the wire at x = `at`. @param {WireLabels} wire @param {number} at */
function besideHorizontal(wire, at) {
  const half = Math.max(wire.valueWidth, wire.gradWidth) / 2 + HALO;
  const { least, most } = extremes(wire.points, 'x', at - half, at + half);
  const valueBase = least - OFFSET - HALO - DESCENT;
  const gradBase = most + OFFSET + HALO + ASCENT;
  return {
    value: /** @type {Spot} */ ({ x: at, y: valueBase, anchor: 'middle' }),
    grad: /** @type {Spot} */ ({ x: at, y: gradBase, anchor: 'middle' }),
    rects: [
      { x0: at - wire.valueWidth / 2 - HALO, x1: at + wire.valueWidth / 2 + HALO, y0: valueBase - ASCENT - HALO, y1: valueBase + DESCENT + HALO },
      { x0: at - wire.gradWidth / 2 - HALO, x1: at + wire.gradWidth / 2 + HALO, y0: gradBase - ASCENT - HALO, y1: gradBase + DESCENT + HALO },
    ],
  };
}


/** Top to bottom: value over gradient, centred on y = `at`, on `side` of the wire. @param {WireLabels} wire @param {number} at @param {1|-1} side */
function besideVertical(wire, at, side) {
  const top = at - STACK_HEIGHT / 2;
  const { least, most } = extremes(wire.points, 'y', top, top + STACK_HEIGHT);
  const x = side > 0 ? most + OFFSET + HALO : least - OFFSET - HALO;
  const anchor = side > 0 ? 'start' : 'end';
  const valueBase = top + HALO + ASCENT;
  const gradBase = valueBase + DESCENT + 2 * HALO + LINE_GAP + ASCENT;
  const rect = (/** @type {number} */ width, /** @type {number} */ base) => (side > 0
    ? { x0: x - HALO, x1: x + width + HALO, y0: base - ASCENT - HALO, y1: base + DESCENT + HALO }
    : { x0: x - width - HALO, x1: x + HALO, y0: base - ASCENT - HALO, y1: base + DESCENT + HALO });
  return {
    value: /** @type {Spot} */ ({ x, y: valueBase, anchor }),
    grad: /** @type {Spot} */ ({ x, y: gradBase, anchor }),
    rects: [rect(wire.valueWidth, valueBase), rect(wire.gradWidth, gradBase)],
  };
}

/** How much of `rect` lies outside `frame`, as an area: a label there makes the whole drawing bigger. @param {Rect} rect @param {Rect} frame */
function outside(rect, frame) {
  const w = rect.x1 - rect.x0;
  const h = rect.y1 - rect.y0;
  const inside = Math.max(0, Math.min(rect.x1, frame.x1) - Math.max(rect.x0, frame.x0)) * Math.max(0, Math.min(rect.y1, frame.y1) - Math.max(rect.y0, frame.y0));
  return w * h - inside;
}

/**
 * Places the labels of every wire. `boxes` are the drawing's boxes (shapes, names, sums) labels must keep off;
 * a label may stick out of the frame around them, but that costs as much as covering a box.
 * @param {WireLabels[]} wires @param {Rect[]} boxes @param {boolean} horizontal left to right
 * @returns {{value: Spot, grad: Spot, rects: Rect[], cost: number, outside: number}[]} `cost` > 0: the best spot still
 *   touches something; `outside` > 0: it sticks out of the frame
 */
export function placeLabels(wires, boxes, horizontal) {
  const grid = new Grid();
  const frame = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const box of boxes) {
    grid.add(box, null, -1);
    frame.x0 = Math.min(frame.x0, box.x0); frame.y0 = Math.min(frame.y0, box.y0);
    frame.x1 = Math.max(frame.x1, box.x1); frame.y1 = Math.max(frame.y1, box.y1);
  }
  wires.forEach((wire, w) => {
    for (let k = 1; k < wire.points.length; k++) {
      const a = wire.points[k - 1];
      const b = wire.points[k];
      grid.add({ x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) }, [a.x, a.y, b.x, b.y], w);
    }
  });
  return wires.map((wire, w) => {
    const size = horizontal ? Math.max(wire.valueWidth, wire.gradWidth) + 2 * HALO : STACK_HEIGHT;
    const candidates = [];
    const other = /** @type {1|-1} */ (-wire.side);
    for (const gap of wire.gaps) {
      const spots = spotsIn(gap, size);
      if (horizontal) {
        // value above and gradient below first (the usual picture), both stacked on one side next
        for (const at of spots) candidates.push(besideHorizontal(wire, at));
        for (const at of spots) candidates.push(stackedHorizontal(wire, at, wire.side), stackedHorizontal(wire, at, other));
      } else {
        for (const at of spots) candidates.push(besideVertical(wire, at, wire.side), besideVertical(wire, at, other));
      }
    }
    let best = candidates[0];
    let least = Infinity;
    let overlap = 0;
    let out = 0;
    for (let c = 0; c < candidates.length; c++) {
      const touching = candidates[c].rects.reduce((sum, rect) => sum + grid.cost(rect, w), 0);
      const beyond = candidates[c].rects.reduce((sum, rect) => sum + outside(rect, frame), 0);
      const cost = touching + beyond;
      if (cost + c * 0.5 < least) {
        least = cost + c * 0.5;
        best = candidates[c];
        overlap = touching;
        out = beyond;
      }
      if (cost === 0) break;  // touches nothing: the first such spot is the preferred one
    }
    for (const rect of best.rects) grid.add(rect, null, w);
    return { ...best, cost: overlap, outside: out };
  });
}
