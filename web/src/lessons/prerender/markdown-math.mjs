// @ts-check
// A markdown-it plugin for TeX: `$...$` inline and `$$ ... $$` display blocks, rendered to HTML by KaTeX at build
// time, so a lesson's formulas read before any script runs. Bad TeX fails the build (throwOnError) rather than
// shipping red error text. Not a general TeX extension: no \( \) delimiters, no macros.
import katex from 'katex';
import { TEX_OPTIONS } from '../../widgets/lesson-kit/tex-options.js';

/** @param {string} tex @param {boolean} display */
export function renderTex(tex, display) {
  return katex.renderToString(tex, { ...TEX_OPTIONS, displayMode: display, throwOnError: true, output: 'htmlAndMathml' });
}

/** Inline `$tex$`: no space just inside the dollars (so "$5 and $6" stays text). @param {import('markdown-it').StateInline} state @param {boolean} silent */
function mathInline(state, silent) {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */ || src.charCodeAt(start + 1) === 0x24) return false;
  let end = start + 1;
  while (end < state.posMax) {
    const ch = src.charCodeAt(end);
    if (ch === 0x5c /* \ */) { end += 2; continue; }
    if (ch === 0x24) break;
    end += 1;
  }
  if (end >= state.posMax || end === start + 1) return false;
  const content = src.slice(start + 1, end);
  if (/^\s|\s$/.test(content)) return false;
  if (!silent) state.push('math_inline', 'math', 0).content = content;
  state.pos = end + 1;
  return true;
}

/** Display `$$` ... `$$` (one line or several). @param {import('markdown-it').StateBlock} state @param {number} startLine @param {number} endLine @param {boolean} silent */
function mathBlock(state, startLine, endLine, silent) {
  const lineText = (/** @type {number} */ line) =>
    state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  const first = lineText(startLine);
  if (!first.startsWith('$$')) return false;
  if (silent) return true;
  let body = first.slice(2);
  let line = startLine;
  let closed = body.trimEnd().endsWith('$$');
  if (closed) body = body.trimEnd().slice(0, -2);
  while (!closed && ++line < endLine) {
    const text = lineText(line);
    if (text.trimEnd().endsWith('$$')) { body += '\n' + text.trimEnd().slice(0, -2); closed = true; } else body += '\n' + text;
  }
  if (!closed) throw new Error(`unclosed $$ starting at line ${startLine + 1}`);
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = body.trim();
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

/** @param {import('markdown-it').MarkdownIt} md */
export function markdownMath(md) {
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.block.ruler.after('blockquote', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.math_inline = (tokens, idx) => renderTex(tokens[idx].content, false);
  md.renderer.rules.math_block = (tokens, idx) => `<div class="math-display">${renderTex(tokens[idx].content, true)}</div>\n`;
}
