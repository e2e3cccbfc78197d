// @ts-check
// The Vite plugin that turns tutorials/ into pages: /lessons/index.html (the list) and /lessons/NN-slug.html (one
// per lesson, both languages inside), as virtual HTML entries rendered when the build starts. The engine numbers in
// them come from the wasm engine loaded under node. Vite then bundles their scripts and styles like any page.
import fs from 'node:fs';
import path from 'node:path';
import { loadNodeEngine } from './node-engine.mjs';
import { renderAllLessons } from './render-lesson.mjs';
import { lessonPage, indexPage } from './pages.mjs';

/** The lesson slugs, from the English folder's file names (enough to name the entries before rendering). @param {string} tutorialsDir */
export function lessonSlugs(tutorialsDir) {
  return fs.readdirSync(path.join(tutorialsDir, 'en')).filter((name) => /^\d\d-[a-z0-9-]+\.md$/.test(name)).sort()
    .map((name) => name.replace(/\.md$/, ''));
}

/** Rollup input entries for the lesson pages: {'lessons/index': '/abs/web/lessons/index.html', ...}. @param {string} webDir @param {string} tutorialsDir */
export function lessonEntries(webDir, tutorialsDir) {
  const names = ['index', ...lessonSlugs(tutorialsDir)];
  return Object.fromEntries(names.map((name) => [`lessons/${name}`, path.join(webDir, 'lessons', `${name}.html`)]));
}

/** @param {{webDir: string, tutorialsDir: string, wasmDir: string}} options @returns {import('vite').Plugin} */
export function lessonsPlugin({ webDir, tutorialsDir, wasmDir }) {
  /** @type {Map<string, string>} absolute virtual path -> page HTML */
  const pages = new Map();
  const pagePath = (/** @type {string} */ name) => path.join(webDir, 'lessons', `${name}.html`);
  return {
    name: 'bp-lessons',
    async buildStart() {
      const byLang = renderAllLessons(tutorialsDir, await loadNodeEngine(wasmDir));
      pages.clear();
      pages.set(pagePath('index'), indexPage(byLang));
      byLang.en.forEach((lesson, index) => pages.set(pagePath(lesson.slug), lessonPage(byLang, index)));
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
  };
}
