// @ts-check
// Turns the widgets' declarations into the package's tooling metadata: custom-elements.json (schema 2.1: tags,
// attributes with type, default and description, events) and backprop-tutor.d.ts (one class per element with its
// attributes as typed, documented members for editor hover, event maps, HTMLElementTagNameMap entries). Pure
// functions of the declarations: nothing here reads a widget's code, so nothing is written twice.

/** @typedef {import('../../widgets/base/declaration.js').WidgetDeclaration} WidgetDeclaration */
/** @typedef {import('../../widgets/base/declaration.js').AttributeDeclaration} AttributeDeclaration */

/** bp-graph -> BpGraph. @param {string} tag */
export const className = (tag) => tag.split('-').map((part) => part[0].toUpperCase() + part.slice(1)).join('');

/** An attribute's TypeScript type as an attribute value (HTML text, so lists stay strings). @param {AttributeDeclaration} a */
export function attributeType(a) {
  if (a.type === 'boolean') return 'boolean';
  if (a.type === 'number' || a.type === 'integer') return 'number | string';
  if (a.type === 'enum') return (a.values ?? []).map((value) => JSON.stringify(value)).join(' | ') || 'string';
  return 'string';
}

/** The description of one attribute: its doc plus its bounds and format. @param {AttributeDeclaration} a */
function describe(a) {
  const notes = [a.type === 'integer' ? 'an integer' : '', a.min !== undefined ? `min ${a.min}` : '',
    a.max !== undefined ? `max ${a.max}` : '', a.type === 'values' ? 'a list like "x=-2, y=5"' : '',
    a.type === 'numbers' ? 'a list like "0.05, 0.1"' : '', a.type === 'json' ? 'JSON text' : ''].filter(Boolean);
  return notes.length ? `${a.doc} (${notes.join(', ')})` : a.doc;
}

/** custom-elements.json. @param {WidgetDeclaration[]} declarations @param {string} modulePath */
export function customElementsManifest(declarations, modulePath) {
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: modulePath,
      declarations: declarations.map((d) => ({
        kind: 'class', name: className(d.tag), tagName: d.tag, customElement: true, description: d.summary,
        superclass: { name: 'HTMLElement', package: 'global:' },
        attributes: d.attributes.map((a) => ({ name: a.name, type: { text: attributeType(a) }, description: describe(a),
          ...(a.default ? { default: JSON.stringify(a.default) } : {}) })),
        events: (d.events ?? []).map((e) => ({ name: e.name, type: { text: `CustomEvent<${detailType(e.detail)}>` }, description: e.doc })),
      })),
      exports: declarations.map((d) => ({ kind: 'custom-element-definition', name: d.tag, declaration: { name: className(d.tag), module: modulePath } })),
    }],
  };
}

/** "{step, steps}" -> "{ step: unknown; steps: unknown }" (the declaration names fields, not their types). @param {string} detail */
const detailType = (detail) => `{ ${detail.replace(/[{}]/g, '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => `${f}: unknown`).join('; ')} }`;

/** A JSDoc block, safe against a doc that contains the comment terminator. @param {string[]} lines @param {string} indent */
const jsdoc = (lines, indent) => `${indent}/**\n${lines.map((l) => `${indent} * ${l.replace(/\*\//g, '*\\/')}`).join('\n')}\n${indent} */`;

/** backprop-tutor.d.ts. @param {WidgetDeclaration[]} declarations @param {string} version */
export function typeDeclarations(declarations, version) {
  const classes = declarations.map((d) => {
    const name = className(d.tag);
    const members = d.attributes.map((a) => `${jsdoc([describe(a), ...(a.default ? [`@default ${JSON.stringify(a.default)}`] : [])], '  ')}\n  ${JSON.stringify(a.name)}?: ${attributeType(a)};`);
    const events = (d.events ?? []).map((e) => `${jsdoc([e.doc], '  ')}\n  ${JSON.stringify(e.name)}: CustomEvent<${detailType(e.detail)}>;`);
    return [
      `${jsdoc([`The attributes of \`<${d.tag}>\`, as written in HTML.`], '')}\nexport interface ${name}Attributes {\n${members.join('\n')}\n}`,
      `${jsdoc([`Events of \`<${d.tag}>\` (they bubble and cross shadow roots).`], '')}\nexport interface ${name}EventMap extends HTMLElementEventMap {\n${events.join('\n')}\n}`,
      `${jsdoc([`\`<${d.tag}>\`: ${d.summary}`, '', `@example <${d.tag} ${d.example}></${d.tag}>`], '')}
export declare class ${name} extends HTMLElement {
  /** The widget's declaration: its tag, attributes and events. */
  static readonly declaration: WidgetDeclaration;
  /** True once the widget has scrolled into view and started. */
  readonly started: boolean;
  addEventListener<K extends keyof ${name}EventMap>(type: K, listener: (this: ${name}, event: ${name}EventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  getAttribute(name: keyof ${name}Attributes | (string & {})): string | null;
  setAttribute(name: keyof ${name}Attributes | (string & {}), value: string): void;
}`];
  }).flat();
  return `// backprop-tutor ${version}: types generated from the widgets' declarations (do not edit).
// Importing the package defines every element below; the attributes are HTML text (see custom-elements.json).

/** One attribute of a widget, as declared. */
export interface AttributeDeclaration {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'numbers' | 'values' | 'json';
  default?: string;
  values?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
  doc: string;
}

/** A widget's declaration: the one table its element, docs, manifest and these types come from. */
export interface WidgetDeclaration {
  tag: string;
  summary: string;
  engine: 'formula' | 'network' | 'trainer' | 'none';
  attributes: readonly AttributeDeclaration[];
  events?: readonly { name: string; detail: string; doc: string }[];
  example: string;
  inline?: boolean;
}

/** The package's version. */
export declare const VERSION: ${JSON.stringify(version)};
/** Every widget's declaration (loads every widget). */
export declare function widgetDeclarations(): Promise<WidgetDeclaration[]>;
/** Builds the widget the address asks for (the iframe form) inside \`container\`; null after showing why not. */
export declare function mountFromQuery(container: HTMLElement, search: string): Promise<HTMLElement | null>;
/** In the iframe form: posts {type: "backprop-tutor:resize", height} to the parent on height changes. */
export declare function reportHeight(): void;
/** Bytes in use on the wasm heap, for leak checks. */
export declare function heapBytesInUse(): Promise<number>;

${classes.join('\n\n')}

declare global {
  interface HTMLElementTagNameMap {
${declarations.map((d) => `    ${JSON.stringify(d.tag)}: ${className(d.tag)};`).join('\n')}
  }
}
`;
}
