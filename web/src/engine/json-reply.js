// @ts-check
// The engine's JSON replies, read back: JSON has no NaN or infinity, so the engine writes them as the strings
// "NaN", "Infinity" and "-Infinity", and a failure as {"error": {"message", "position"}}. Parsing only.

const NON_FINITE = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** A number the engine wrote as a string, back as a number; anything else unchanged. @param {unknown} value */
export const nonFinite = (value) =>
  typeof value === 'string' && value in NON_FINITE ? NON_FINITE[/** @type {keyof NON_FINITE} */ (value)] : value;

/**
 * Parses a reply whose every string "NaN"/"Infinity"/"-Infinity" is a number (trainer and network reports hold
 * no free text there), and throws `makeError(message)` for an {"error"} reply.
 * @param {string} text @param {(message: string) => Error} makeError
 */
export function parseReply(text, makeError) {
  const reply = JSON.parse(text, (key, value) => nonFinite(value));
  if (reply.error) throw makeError(reply.error.message);
  return reply;
}
