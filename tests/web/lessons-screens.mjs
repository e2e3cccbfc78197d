// Screenshots for a person to look at (not a test): a sample of steps of every lesson, in English at 1280 px and in
// Chinese at 360 px, each light and dark, into build/screenshots/sample/. The sample is each lesson's first step
// with a figure, its first pinned step and its last step. Run after a site build:
//   BP_SITE_DIR=build/site node tests/web/lessons-screens.mjs [lesson-number ...]
import path from 'node:path';
import fs from 'node:fs';
import { startSite, screenshotDir, repoRoot, frames } from './harness.mjs';
import { readLessons } from '../node/lesson-files.mjs';
import { readDeclarations } from '../../web/src/widgets/read-declarations.mjs';
import { openingTag } from '../../web/src/lessons/prerender/render-lesson.mjs';

const only = process.argv.slice(2).map(Number);
const VIEWS = [['en', 1280, 'light'], ['en', 1280, 'dark'], ['zh-CN', 360, 'light'], ['zh-CN', 360, 'dark']];
const out = path.join(screenshotDir, 'sample');
fs.mkdirSync(out, { recursive: true });
// The widgets, from the registry: a screenshot waits for every one on screen; the figures are those declared so.
const declarations = await readDeclarations({ webDir: path.join(repoRoot, 'web'), wasmDir: process.env.BP_WASM_DIR ?? path.join(repoRoot, 'build/wasm') });
const widgets = declarations.map((d) => d.tag).join(', ');
const FIGURE = openingTag(declarations.filter((d) => d.figure).map((d) => d.tag));
const site = await startSite();
try {
  for (const lesson of readLessons('en').filter((l) => !only.length || only.includes(l.data.order))) {
    const steps = lesson.body.split(/^## /m).slice(1);
    const figure = steps.findIndex((text) => FIGURE.test(text)) + 1;
    const pinned = steps.findIndex((text) => text.includes('<!-- pin')) + 1;
    const sample = [...new Set([figure, pinned, steps.length].filter((n) => n > 0))];
    for (const [lang, width, scheme] of VIEWS) {
      for (const step of sample) {
        const page = await site.open(`/lessons/${lesson.slug}.html?lang=${lang}&step=${step}`, { width, colorScheme: /** @type {any} */ (scheme) });
        await page.locator('main[data-ready="true"]').waitFor();
        for (const handle of await page.locator(`.lesson-article[lang="${lang}"] .step.is-current :is(${widgets})`).elementHandles()) {
          await page.waitForFunction((el) => el.dataset.ready === 'true', handle, { timeout: 8000 }).catch(() => {});
        }
        await page.evaluate(() => document.fonts.ready);
        await frames(page);  // what the ready widgets queued for a frame has been painted
        await page.screenshot({ path: path.join(out, `${lesson.slug.slice(0, 2)}-s${step}-${lang}-${width}-${scheme}.png`), fullPage: true });
        if (page.problems.length) console.log(lesson.slug, lang, step, page.problems);
        await page.context().close();
      }
    }
    console.log('done', lesson.slug, sample.join(','));
  }
} finally {
  await site.close();
}
