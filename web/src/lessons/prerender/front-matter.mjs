// @ts-check
// Lesson front matter: the block between the first two `---` lines. A deliberately small YAML subset:
// `key: value` lines, and a key with an empty value followed by indented `name: value` lines (a map of text).
// Values stay text except `order` and `minutes` (whole numbers). No lists, quotes or multi-line values.

/**
 * @typedef {{title: string, order: number, seed: string, minutes: number, formulas: Record<string, string>,
 *   values: Record<string, string>, [key: string]: any}} FrontMatter
 */

/**
 * @param {string} source @param {string} file @param {string[]} [required] the keys that must be there (a lesson's
 * by default; the glossary needs only a title) @returns {{data: FrontMatter, body: string}}
 */
export function parseFrontMatter(source, file, required = ['title', 'order', 'seed', 'minutes']) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) throw new Error(`${file}: missing front matter (--- ... ---)`);
  /** @type {Record<string, any>} */
  const data = { formulas: {}, values: {} };
  /** @type {Record<string, string> | null} */
  let map = null;
  match[1].split(/\r?\n/).forEach((line, index) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const pair = /^(\s*)([\w-]+):\s*(.*)$/.exec(line);
    if (!pair) throw new Error(`${file}:${index + 2}: expected "key: value", got "${line}"`);
    const [, indent, key, value] = pair;
    if (indent) {
      if (!map) throw new Error(`${file}:${index + 2}: indented line outside a map`);
      map[key] = value.trim();
    } else if (value.trim() === '') {
      map = data[key] ??= {};
    } else {
      map = null;
      data[key] = value.trim();
    }
  });
  for (const key of required) {
    if (!(key in data)) throw new Error(`${file}: front matter needs "${key}"`);
  }
  data.order = Number.parseInt(data.order, 10);
  data.minutes = Number.parseInt(data.minutes, 10);
  return { data: /** @type {FrontMatter} */ (data), body: source.slice(match[0].length) };
}
