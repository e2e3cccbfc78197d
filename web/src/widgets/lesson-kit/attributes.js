// @ts-check
// Reading widget attributes that hold numbers or JSON: they are data from the host page (or a URL), so a bad one
// becomes a readable Error naming the attribute, never an exception from deep inside a widget. Parsing only: the
// numbers go to the engine unchanged.
import { say } from './kit.js';
import '../../i18n/embed.js';

/**
 * "0.05, 0.10" -> [0.05, 0.1]. @param {string} text @param {string} field the attribute's name, for messages
 * @param {Element} element the widget (for its language)
 */
export function numberList(text, field, element) {
  return String(text).split(/[,;\s]+/).filter(Boolean).map((part) => {
    const value = Number(part);
    if (!Number.isFinite(value)) throw new Error(say(element, 'embed.badNumber', { field, text: part }));
    return value;
  });
}

/** @param {string} text @param {string} field @param {Element} element */
export function jsonAttribute(text, field, element) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(say(element, 'embed.badJson', { field, message: /** @type {Error} */ (error).message }));
  }
}
