// @ts-check
// Reads one declared attribute: the attribute's text (or its declared default) turned into the declared type. The
// text is data from a host page or a URL, so anything malformed becomes an Error that names the attribute and
// says what was expected, never an exception from deep inside a widget. Parsing only: numbers go to the engine.
import { parseValueList } from '../../state/value-list.js';

/** The longest attribute text any widget reads: a bound that keeps a page responsive, far above what any widget
 * needs (the engine's own, tighter limits, such as a formula's length, come with their own messages). */
export const MAX_ATTRIBUTE_LENGTH = 1_000_000;

/** A bad attribute, with the attribute's name for messages and tests. */
export class AttributeError extends Error {
  /** @param {string} attribute @param {string} message */
  constructor(attribute, message) {
    super(`${attribute}: ${message}`);
    this.name = 'AttributeError';
    this.attribute = attribute;
  }
}

/**
 * @param {import('./declaration.js').AttributeDeclaration} declared @param {string | null} text the attribute's
 * value, or null when absent @param {(key: string, params?: Record<string, string|number>) => string} say
 * @returns {unknown} string | number | boolean | number[] | Record<string, string> | parsed JSON | null (absent, no default)
 */
export function readAttribute(declared, text, say) {
  const { name, type } = declared;
  if (type === 'boolean') return text !== null && text !== 'false';
  const source = text ?? declared.default ?? null;
  if (source === null) return null;
  const fail = (/** @type {string} */ key, /** @type {Record<string, string|number>} */ params = {}) => {
    throw new AttributeError(name, say(key, params));
  };
  if (source.length > (declared.maxLength ?? MAX_ATTRIBUTE_LENGTH)) fail('widget.attr.tooLong', { max: declared.maxLength ?? MAX_ATTRIBUTE_LENGTH });
  switch (type) {
    case 'string': return source;
    case 'enum': {
      const value = source.trim();
      if (!declared.values?.includes(value)) fail('widget.attr.notOneOf', { text: value, values: (declared.values ?? []).join(', ') });
      return value;
    }
    case 'number':
    case 'integer': {
      const value = Number(source.trim());
      if (source.trim() === '' || !Number.isFinite(value)) fail('widget.attr.notNumber', { text: source });
      if (type === 'integer' && !Number.isInteger(value)) fail('widget.attr.notInteger', { text: source });
      if (declared.min !== undefined && value < declared.min) fail('widget.attr.tooSmall', { text: source, min: declared.min });
      if (declared.max !== undefined && value > declared.max) fail('widget.attr.tooLarge', { text: source, max: declared.max });
      return value;
    }
    case 'numbers':
      return source.split(/[,;\s]+/).filter(Boolean).map((part) => {
        const value = Number(part);
        if (!Number.isFinite(value)) fail('widget.attr.notNumber', { text: part });
        return value;
      });
    case 'values':
      try {
        return parseValueList(source);
      } catch (error) {
        return fail('widget.attr.notValues', { message: /** @type {Error} */ (error).message });
      }
    case 'json':
      try {
        return JSON.parse(source);
      } catch (error) {
        return fail('widget.attr.notJson', { message: /** @type {Error} */ (error).message });
      }
    default:
      throw new Error(`unknown attribute type ${String(type)}`);
  }
}
