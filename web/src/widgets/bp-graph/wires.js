// @ts-check
// The fourth stage: the path of every wire, in the abstract frame (u along the ranks, v across). A wire leaves
// its source on the output side and enters its consumer on the input side, slots spread around the circle in
// order; it is a smooth S-curve, flat at both ends. A wire that skips ranks gets no dummy nodes: where its curve
// would cross a box of a rank it passes, it is bent through the nearest free space of that rank instead.

/** @typedef {{u: number, v: number}} UV */
/**
 * @typedef {{rank: number, u: number, v: number, hu: number, hv: number, lo: number, hi: number, round: boolean}} Box
 *   a placed instance: centre, half sizes of its shape, its reach across (with name and sum), circle or box
 */

const CLEARANCE = 9;        // the least room between a bent wire and a box it passes
const SLOT_SPREAD = 0.55;   // radians between the entry points of neighbouring slots on a circle
const SAMPLES = 10;         // points per curve piece, for labels and collisions

/** Where slot `slot` of `count` enters `box` (on its input side). @param {Box} box @param {number} slot @param {number} count @returns {UV} */
function entry(box, slot, count) {
  if (!box.round || count === 1) return { u: box.u - box.hu, v: box.v };
  const spread = Math.min(SLOT_SPREAD * (count - 1), 1.4);
  const angle = -spread / 2 + (spread * slot) / (count - 1);
  return { u: box.u - box.hu * Math.cos(angle), v: box.v + box.hv * Math.sin(angle) };
}

/** The cubic pieces through `points`, each flat at both ends. @param {UV[]} points @returns {UV[][]} */
function pieces(points) {
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const du = (b.u - a.u) / 2;
    out.push([a, { u: a.u + du, v: a.v }, { u: b.u - du, v: b.v }, b]);
  }
  return out;
}

/** Points along cubic pieces. @param {UV[][]} curve @returns {UV[]} */
export function sample(curve) {
  const points = [curve[0][0]];
  for (const [a, b, c, d] of curve) {
    for (let s = 1; s <= SAMPLES; s++) {
      const t = s / SAMPLES;
      const m = 1 - t;
      points.push({
        u: m * m * m * a.u + 3 * m * m * t * b.u + 3 * m * t * t * c.u + t * t * t * d.u,
        v: m * m * m * a.v + 3 * m * m * t * b.v + 3 * m * t * t * c.v + t * t * t * d.v,
      });
    }
  }
  return points;
}

/** The v of a sampled path at u (by linear interpolation). @param {UV[]} points @param {number} u */
function vAt(points, u) {
  for (let k = 1; k < points.length; k++) {
    if (points[k].u >= u) {
      const a = points[k - 1];
      const b = points[k];
      return b.u === a.u ? b.v : a.v + ((u - a.u) / (b.u - a.u)) * (b.v - a.v);
    }
  }
  return points[points.length - 1].v;
}

/** The free v nearest to `v` in a rank whose boxes are `layer` (in order). @param {Box[]} layer @param {number} v */
function freeNear(layer, v) {
  const candidates = [layer[0].v - layer[0].lo - 2 * CLEARANCE, layer[layer.length - 1].v + layer[layer.length - 1].hi + 2 * CLEARANCE];
  for (let k = 0; k + 1 < layer.length; k++) {
    const from = layer[k].v + layer[k].hi;
    const to = layer[k + 1].v - layer[k + 1].lo;
    if (to - from >= 2 * CLEARANCE) candidates.push((from + to) / 2);
  }
  return candidates.reduce((best, c) => (Math.abs(c - v) < Math.abs(best - v) ? c : best));
}

/**
 * The route of a wire from box `from` to slot `slot` of `count` of box `to`: through its bends if it has them,
 * else bent around the boxes of the ranks between.
 * @param {Box} from @param {Box} to @param {number} slot @param {number} count @param {Box[]} bends
 * @param {Box[][]} boxesByRank @param {number[]} rankAt centre u of each rank
 * @returns {{curve: UV[][], points: UV[]}}
 */
export function route(from, to, slot, count, bends, boxesByRank, rankAt) {
  const start = { u: from.u + from.hu, v: from.v };
  const end = entry(to, slot, count);
  const through = [start, ...bends.map((bend) => ({ u: bend.u, v: bend.v })), end];
  let curve = pieces(through);
  let points = sample(curve);
  if (bends.length) return { curve, points };
  for (let r = from.rank + 1; r < to.rank; r++) {
    const layer = boxesByRank[r];
    if (!layer.length) continue;
    const v = vAt(points, rankAt[r]);
    if (!layer.some((box) => v > box.v - box.lo - CLEARANCE && v < box.v + box.hi + CLEARANCE)) continue;
    through.splice(through.length - 1, 0, { u: rankAt[r], v: freeNear(layer, v) });
    curve = pieces(through);
    points = sample(curve);
  }
  return { curve, points };
}

/** The wire after the output: from its output side to a point `length` further on. @param {Box} box @param {number} length */
export function routeOut(box, length) {
  const curve = pieces([{ u: box.u + box.hu, v: box.v }, { u: box.u + box.hu + length, v: box.v }]);
  return { curve, points: sample(curve) };
}
