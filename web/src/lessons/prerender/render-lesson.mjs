// @ts-check
// One lesson file -> its steps as HTML: front matter read, @name macros expanded inside widget tags, Markdown and
// TeX rendered (markdown-it + KaTeX), the text split into steps at each `## ` heading, and every <bp-num> filled
// with the engine's number (the browser recomputes it live). Node-only; knows nothing about page layout.
import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { markdownMath, renderTex } from './markdown-math.mjs';
import { parseFrontMatter } from './front-matter.mjs';
import { parseValueList } from '../../state/value-list.js';
import { formatNumber, pick } from '../../widgets/lesson-kit/format.js';
import { pickEntry, specOfNet } from '../../widgets/lesson-kit/tensor-pick.js';
import { t } from '../../i18n/i18n.js';
import '../../i18n/lessons.js';

/**
 * @typedef {{title: string, html: string, pins: number, pinFigure: string}} Step  pins: the step whose figure stays
 *   on screen (0: none), pinFigure: that figure's tag (its last one)
 */
/** @typedef {{slug: string, lang: string, file: string, data: import('./front-matter.mjs').FrontMatter, steps: Step[]}} Lesson */
/** @typedef {Awaited<ReturnType<typeof import('./node-engine.mjs').loadNodeEngine>>} Engine */

const md = new MarkdownIt({ html: true, typographer: false }).use(markdownMath);
// A line break inside Chinese text is not a space: join the lines when both sides are CJK characters or punctuation.
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** @type {import('markdown-it').RendererRule} */
const softbreak = (tokens, idx) => {
  const before = tokens[idx - 1]?.content.at(-1) ?? '';
  const after = tokens[idx + 1]?.content.at(0) ?? '';
  return CJK.test(before) && CJK.test(after) ? '' : '\n';
};
md.renderer.rules.softbreak = softbreak;

/** `name="value"` (or `name='value'`, for JSON) pairs of a tag. @param {string} text */
export function parseAttributes(text) {
  /** @type {Record<string, string>} */
  const attributes = {};
  for (const [, name, double, single] of text.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)')/g)) attributes[name] = double ?? single;
  return attributes;
}

/** The number a <bp-num net='…'> shows: an entry of the tensor stepper's trace. @param {Record<string, string>} a @param {Engine} engine */
export function tensorNumber(a, engine) {
  return pickEntry(engine.network.tensorStep(/** @type {any} */ (specOfNet(JSON.parse(a.net), engine.network))), a.show);
}

/** Replaces @name inside the attributes of widget tags with the front matter's formulas/values. */
export function expandMacros(/** @type {string} */ body, /** @type {import('./front-matter.mjs').FrontMatter} */ data, /** @type {string} */ file) {
  return body.replace(/<bp-[a-z-]+\b[^>]*>/g, (tag) => tag.replace(/@(\w+)/g, (whole, name) => {
    const found = data.formulas[name] ?? data.values[name];
    if (found === undefined) throw new Error(`${file}: ${whole} is not in the front matter's formulas or values`);
    return found;
  }));
}

/**
 * Fills <bp-num> with the engine's number and <bp-graph> with a folded no-script trace (hidden by the element's
 * shadow root once it runs). @param {string} html @param {Engine} engine @param {string} file @param {string} lang
 */
function prefill(html, engine, file, lang) {
  const report = (/** @type {Record<string, string>} */ a) => {
    try {
      return engine.grad(a.expr, parseValueList(a.values ?? ''));
    } catch (error) {
      throw new Error(`${file}: ${a.expr} at ${a.values}: ${/** @type {Error} */ (error).message}`);
    }
  };
  return html
    .replace(/<bp-num\b([^>]*)><\/bp-num>/g, (whole, attrs) => {
      const a = parseAttributes(attrs);
      let value;
      try {
        value = a.net ? tensorNumber(a, engine) : pick(report(a), a.show);
      } catch (error) {
        throw new Error(`${file}: <bp-num${attrs}>: ${/** @type {Error} */ (error).message}`);
      }
      return `<bp-num${attrs}>${formatNumber(value, a.digits ? Number(a.digits) : 4)}</bp-num>`;
    })
    .replace(/<bp-graph\b([^>]*)><\/bp-graph>/g, (whole, attrs) => {
      const r = report(parseAttributes(attrs));
      const lines = [...r.forward.map((step) => step.latex),
        ...r.backward.flatMap((step) => step.inputs.map((edge) => edge.total_latex ?? edge.latex))];
      const items = [...new Set(lines)].map((tex) => `<li>${renderTex(tex, false)}</li>`).join('');
      const summary = t('lessons.graphSteps', { n: lines.length }, lang);
      return `<bp-graph${attrs}><details class="bp-fallback"><summary>${summary}</summary><ol>${items}</ol></details></bp-graph>`;
    })
    // A <bp-graph> alone in a paragraph leaves it: HTML closes a <p> at the <details> inside, which would push the
    // folded trace out of the element (and out of its shadow root's reach).
    .replace(/<p>(<bp-graph\b[\s\S]*?<\/bp-graph>)<\/p>/g, '$1');
}

/** An opening tag of one of `tags` (`<bp-graph ` but not `<bp-graph-x`). @param {readonly string[]} tags @param {string} [flags] */
export const openingTag = (tags, flags) => new RegExp(`<(${tags.join('|')})(?=[\\s/>])`, flags);
const PIN = /<!--\s*pin(?:\s+(\d+))?\s*-->/;

/**
 * Splits rendered HTML at each <h2>; the text before the first heading is an error (every step has a title).
 * A step holding `<!-- pin -->` keeps the figure of the nearest earlier step that has one on screen beside its
 * text (`<!-- pin N -->`: step N's figure); the step records that number and the figure's tag, the runner shows it.
 * The figures are the widgets that declare `figure` (the ones a later text-only step talks about: "the graph above").
 * @param {string} html @param {string} file @param {readonly string[]} figureTags
 */
function splitSteps(html, file, figureTags) {
  const figure = openingTag(figureTags, 'g');
  const lastFigure = (/** @type {string} */ part) => [...part.matchAll(figure)].at(-1)?.[1] ?? '';
  const parts = html.split(/(?=<h2[ >])/);
  if (!parts[0].startsWith('<h2')) throw new Error(`${file}: text before the first "## " step heading`);
  return parts.map((part, index) => {
    const title = /<h2[^>]*>([\s\S]*?)<\/h2>/.exec(part)?.[1] ?? '';
    const pin = PIN.exec(part);
    let pins = 0;
    if (pin) {
      pins = pin[1] ? Number(pin[1]) : 1 + parts.slice(0, index).findLastIndex((earlier) => lastFigure(earlier));
      if (!(pins >= 1 && pins <= index) || !lastFigure(parts[pins - 1])) {
        throw new Error(`${file}: step ${index + 1} ("${title}") pins ${pin[1] ? `step ${pin[1]}` : 'an earlier figure'}, but no earlier step ${pin[1] ?? ''} holds a figure`);
      }
    }
    return { title: title.replace(/<[^>]+>/g, ''), html: part.replace(PIN, ''), pins, pinFigure: pins ? lastFigure(parts[pins - 1]) : '' };
  });
}

/**
 * @param {string} file path of tutorials/LANG/NN-slug.md @param {Engine} engine
 * @param {readonly string[]} figureTags the widgets a step can pin @returns {Lesson}
 */
export function renderLesson(file, engine, figureTags) {
  const { data, body } = parseFrontMatter(fs.readFileSync(file, 'utf8'), file);
  const lang = path.basename(path.dirname(file));
  const steps = splitSteps(prefill(md.render(expandMacros(body, data, file)), engine, file, lang), file, figureTags);
  if (steps.length < 2) throw new Error(`${file}: a lesson needs at least two steps`);
  if (!steps.at(-1)?.html.includes('<bp-check')) throw new Error(`${file}: the last step must hold a <bp-check>`);
  return { slug: path.basename(file, '.md'), lang, file, data, steps };
}

/** A file name that is a lesson (NN-slug.md); anything else in a language folder (glossary.md) is not. */
export const LESSON_FILE = /^\d\d-[a-z0-9-]+\.md$/;

/**
 * The glossary (tutorials/LANG/glossary.md): front matter with a title, then one Markdown page (no steps, no
 * widgets but <bp-num>), rendered like a lesson's text. @param {string} file @param {Engine} engine
 */
export function renderGlossary(file, engine) {
  const { data, body } = parseFrontMatter(fs.readFileSync(file, 'utf8'), file, ['title']);
  const lang = path.basename(path.dirname(file));
  return { slug: 'glossary', lang, file, data, html: prefill(md.render(expandMacros(body, data, file)), engine, file, lang) };
}

/**
 * Every lesson of every language: {en: Lesson[], 'zh-CN': Lesson[]}, each sorted by order, same slugs in both.
 * @param {string} tutorialsDir @param {Engine} engine @param {readonly string[]} figureTags the widgets a step can pin
 */
export function renderAllLessons(tutorialsDir, engine, figureTags) {
  /** @type {Record<string, Lesson[]>} */
  const byLang = {};
  for (const lang of ['en', 'zh-CN']) {
    const dir = path.join(tutorialsDir, lang);
    byLang[lang] = fs.readdirSync(dir).filter((name) => LESSON_FILE.test(name)).sort()
      .map((name) => renderLesson(path.join(dir, name), engine, figureTags))
      .sort((a, b) => a.data.order - b.data.order);
  }
  const slugs = (/** @type {string} */ lang) => byLang[lang].map((lesson) => lesson.slug).join(',');
  if (slugs('en') !== slugs('zh-CN')) throw new Error(`tutorials: en has [${slugs('en')}] but zh-CN has [${slugs('zh-CN')}]`);
  // Lesson numbers may leave gaps (a lesson still being written), but never repeat.
  const orders = byLang.en.map((lesson) => lesson.data.order);
  if (new Set(orders).size !== orders.length) throw new Error(`tutorials: two lessons share an order (${orders.join(', ')})`);
  return byLang;
}
