// @ts-check
// The learner's progress, kept in localStorage under one key: per lesson slug, the step last shown, the furthest
// step reached, the step count and whether its check-yourself exercises were all answered right. Storage may be
// blocked (private windows): then progress simply is not kept.

const KEY = 'bp-tutor.lessons';

/** @typedef {{step: number, furthest: number, count: number, done: boolean}} LessonProgress */

/** @returns {Record<string, LessonProgress>} */
export function readProgress() {
  try {
    const parsed = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/** Merges `patch` into the lesson's record. @param {string} slug @param {Partial<LessonProgress>} patch */
export function updateLesson(slug, patch) {
  const all = readProgress();
  const saved = /** @type {LessonProgress | undefined} */ (all[slug]);  // absent for a lesson never opened
  const record = { step: 1, furthest: 1, count: 1, done: false, ...saved, ...patch };
  if (patch.step !== undefined && patch.step > record.furthest) record.furthest = patch.step;
  all[slug] = record;
  try { globalThis.localStorage?.setItem(KEY, JSON.stringify(all)); } catch { /* storage blocked */ }
  return record;
}

export function clearProgress() {
  try { globalThis.localStorage?.removeItem(KEY); } catch { /* storage blocked */ }
}
