// A markdown-it plugin for Eleventy and other markdown-it sites: a block `::: bp-graph expr="(x+y)*z" values="x=-2"`
// closed by a line `:::` becomes <bp-graph expr="(x+y)*z" values="x=-2"></bp-graph>. Only the package's widget tags
// and their declared attributes pass; every value is HTML-escaped (it stays text). Lines between the fences are
// ignored. Usage: markdownIt().use(backpropTutor). Pure: it defines nothing and loads no widget.
import { WIDGET_ATTRIBUTES } from './widget-attributes.js';

const OPEN = /^:::\s*(bp-[a-z0-9-]+)((?:\s+[a-z][a-z0-9-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*$/;
const ATTRIBUTE = /([a-z][a-z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;

/**
 * The parts of markdown-it this plugin uses (markdown-it ships no types of its own).
 * @typedef {{src: string, bMarks: number[], eMarks: number[], tShift: number[], line: number,
 *   push(type: string, tag: string, nesting: number): {content: string, map: number[]}}} BlockState
 * @typedef {{block: {ruler: {before(name: string, rule: string,
 *   fn: (state: BlockState, startLine: number, endLine: number, silent: boolean) => boolean, options?: {alt: string[]}): void}},
 *   utils: {escapeHtml(text: string): string}}} MarkdownIt
 */

/** @param {MarkdownIt} md */
export default function backpropTutor(md) {
  md.block.ruler.before('fence', 'bp_widget', (state, startLine, endLine, silent) => {
    const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
    const match = OPEN.exec(line);
    if (!match || !Object.hasOwn(WIDGET_ATTRIBUTES, match[1])) return false;
    if (silent) return true;
    let next = startLine + 1;
    while (next < endLine && state.src.slice(state.bMarks[next] + state.tShift[next], state.eMarks[next]).trim() !== ':::') next += 1;
    const allowed = WIDGET_ATTRIBUTES[match[1]];
    const attributes = [...match[2].matchAll(ATTRIBUTE)].filter(([, name]) => allowed.includes(name))
      .map(([, name, double, single]) => ` ${name}="${md.utils.escapeHtml(double ?? single ?? '')}"`);
    const token = state.push('html_block', '', 0);
    token.content = `<${match[1]}${attributes.join('')}></${match[1]}>\n`;
    token.map = [startLine, next + 1];
    state.line = Math.min(next + 1, endLine);
    return true;
  }, { alt: ['paragraph'] });
}
