// @ts-check
// The Vite plugin that turns tutorials/ into pages: /lessons/index.html (the list) and /lessons/NN-slug.html (one
// per lesson, both languages inside), as virtual HTML entries rendered when the build starts. The engine numbers in
// them come from the wasm engine loaded under node. Vite then bundles their scripts and styles like any page.
import fs from 'node:fs';
import path from 'node:path';
import { loadNodeEngine } from './node-engine.mjs';
import { readDeclarations } from '../../widgets/read-declarations.mjs';
import { renderAllLessons, renderGlossary, LESSON_FILE } from './render-lesson.mjs';
import { lessonPage, indexPage, glossaryPage } from './pages.mjs';

/** The lesson slugs, from the English folder's file names (enough to name the entries before rendering). @param {string} tutorialsDir */
export function lessonSlugs(tutorialsDir) {
  return fs.readdirSync(path.join(tutorialsDir, 'en')).filter((name) => LESSON_FILE.test(name)).sort()
    .map((name) => name.replace(/\.md$/, ''));
}

/** Rollup input entries for the lesson pages: {'lessons/index': '/abs/web/lessons/index.html', ...}. @param {string} webDir @param {string} tutorialsDir */
export function lessonEntries(webDir, tutorialsDir) {
  const names = ['index', 'glossary', ...lessonSlugs(tutorialsDir)];
  return Object.fromEntries(names.map((name) => [`lessons/${name}`, path.join(webDir, 'lessons', `${name}.html`)]));
}

/**
 * Also fills the site's other pages with the lesson count: `<span data-lesson-count></span>` in any HTML page
 * (the home page's link) gets the number of lessons, so nothing outside tutorials/ counts them by hand.
 * @param {{webDir: string, tutorialsDir: string, wasmDir: string}} options @returns {import('vite').Plugin}
 */
export function lessonsPlugin({ webDir, tutorialsDir, wasmDir }) {
  /** @type {Map<string, string>} absolute virtual path -> page HTML */
  const pages = new Map();
  let count = 0;
  const pagePath = (/** @type {string} */ name) => path.join(webDir, 'lessons', `${name}.html`);
  return {
    name: 'bp-lessons',
    async buildStart() {
      const engine = await loadNodeEngine(wasmDir);
      const widgets = await readDeclarations({ webDir, wasmDir });
      const byLang = renderAllLessons(tutorialsDir, engine, widgets.filter((d) => d.figure).map((d) => d.tag));
      const blockWidgets = widgets.filter((d) => !d.inline).map((d) => d.tag);
      const glossary = Object.fromEntries(Object.keys(byLang).map((lang) =>
        [lang, renderGlossary(path.join(tutorialsDir, lang, 'glossary.md'), engine)]));
      count = byLang.en.length;
      pages.clear();
      pages.set(pagePath('index'), indexPage(byLang));
      pages.set(pagePath('glossary'), glossaryPage(glossary));
      for (const lang of Object.keys(glossary)) this.addWatchFile(glossary[lang].file);
      byLang.en.forEach((lesson, index) => pages.set(pagePath(lesson.slug), lessonPage(byLang, index, blockWidgets)));
      for (const lang of Object.keys(byLang)) {
        for (const lesson of byLang[lang]) this.addWatchFile(lesson.file);
      }
    },
    resolveId(id) {
      return pages.has(id) ? id : null;
    },
    load(id) {
      return pages.get(id) ?? null;
    },
    transformIndexHtml(html) {
      return html.replace(/<span data-lesson-count>[^<]*<\/span>/g, `<span data-lesson-count>${count}</span>`);
    },
  };
}
