// @ts-check
// "x=-2, y=5, z=-4" <-> {x: "-2", y: "5", z: "-4"}: the text form of variable values used by widget attributes
// and forms. Values stay text: the engine parses numbers (one grammar for the CLI, the API and the pages).

/**
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseValueList(text) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const part of String(text ?? '').split(/[,;\s]+/)) {
    if (!part) continue;
    const equals = part.indexOf('=');
    if (equals <= 0) throw Object.assign(new Error(`expected name=value, got '${part}'`), { position: null });
    values[part.slice(0, equals)] = part.slice(equals + 1);
  }
  return values;
}

/** @param {Record<string, string|number>} values */
export function formatValueList(values) {
  return Object.entries(values).map(([name, value]) => `${name}=${value}`).join(', ');
}
