// @ts-check
// The shape of a widget's declaration: every attribute (name, type, default, one-line doc) and event in one
// static table on the element's class. The element reads its attributes through it, and the registry, the iframe
// form and the embed docs page are generated from it, so nothing about a widget's interface is written twice.
// Types only: no behaviour lives here.

/**
 * How an attribute's text is read. `string` as is; `number`/`integer` finite (within min/max); `boolean` present
 * unless "false"; `enum` one of `values`; `numbers` a list like "0.05, 0.10"; `values` a name list like
 * "x=-2, y=5"; `json` JSON text.
 * @typedef {'string'|'number'|'integer'|'boolean'|'enum'|'numbers'|'values'|'json'} AttributeType
 */

/**
 * @typedef {object} AttributeDeclaration
 * @property {string} name
 * @property {AttributeType} type
 * @property {string} [default] the default, written as the attribute's text ("" or absent: none)
 * @property {readonly string[]} [values] the allowed values of an `enum`
 * @property {number} [min] @property {number} [max] bounds of a `number`/`integer`
 * @property {number} [maxLength] the longest text accepted (default: the engine's formula limit)
 * @property {string} doc one line for the docs page, the manifest and editor hover
 */

/**
 * @typedef {object} EventDeclaration
 * @property {string} name @property {string} detail the detail's fields, e.g. "{step, steps}" @property {string} doc
 */

/**
 * @typedef {object} WidgetDeclaration
 * @property {string} tag the element name, e.g. "bp-graph"
 * @property {string} summary one sentence: what a reader sees and does
 * @property {'formula'|'network'|'trainer'|'none'} engine which engine API the widget needs (the bundle prefetches it)
 * @property {readonly AttributeDeclaration[]} attributes
 * @property {readonly EventDeclaration[]} [events]
 * @property {string} example attributes of a working example, as they would be written in HTML
 * @property {boolean} [inline] shown inline in running text (e.g. <bp-num>) rather than as a block
 * @property {boolean} [figure] a picture a lesson can pin: a later text-only step (`<!-- pin -->`) shows it beside
 *   its text (e.g. <bp-graph>; not <bp-num> or <bp-check>)
 * @property {boolean} [ownChunk] the embed bundle gives its code a chunk of its own (a large widget, e.g. <bp-graph>);
 *   the other widgets share one chunk, with the modules only they import
 */

export {};
