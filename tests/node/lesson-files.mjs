// Test helper: the lesson files of tutorials/ read the way the build reads them (front matter, @name macros
// expanded), with every widget tag's attributes in order of appearance. Shared by the node and browser tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter } from '../../web/src/lessons/prerender/front-matter.mjs';
import { parseAttributes, expandMacros, LESSON_FILE } from '../../web/src/lessons/prerender/render-lesson.mjs';

export const tutorialsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tutorials');
export const LANGS = ['en', 'zh-CN'];

/** @returns {{slug: string, lang: string, file: string, data: any, body: string, widgets: {tag: string, attrs: Record<string, string>}[]}[]} */
export function readLessons(lang) {
  const dir = path.join(tutorialsDir, lang);
  return fs.readdirSync(dir).filter((name) => LESSON_FILE.test(name)).sort().map((name) => {
    const file = path.join(dir, name);
    const { data, body: raw } = parseFrontMatter(fs.readFileSync(file, 'utf8'), file);
    const body = expandMacros(raw, data, file);
    const widgets = [...body.matchAll(/<(bp-[a-z-]+)\b([^>]*)>/g)].map(([, tag, attrs]) => ({ tag, attrs: parseAttributes(attrs) }));
    return { slug: name.replace(/\.md$/, ''), lang, file, data, body, widgets };
  });
}

/** Decimal places written in a number's text ("2.2" -> 1, "715" -> 0). */
export const decimalsOf = (text) => (text.split('.')[1] ?? '').length;
