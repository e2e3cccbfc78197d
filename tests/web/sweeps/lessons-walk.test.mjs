// Walks every lesson in English and in Chinese from its first step to its last (Next button and → key in turn),
// checks each step shows engine numbers, answers every check-yourself exercise, and finds no console error.
// Screenshots of every step: English at desktop width (1280), Chinese at phone width (360).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';
import { loadEngine } from '../../node/load-engine.mjs';
import { readLessons } from '../../node/lesson-files.mjs';
import { answerCheck } from '../lesson-answers.mjs';

let site;
let engine;
before(async () => { [site, engine] = await Promise.all([startSite(), loadEngine()]); });
after(async () => { await site?.close(); });

const VIEWS = { en: { width: 1280, name: 'desktop' }, 'zh-CN': { width: 360, name: 'phone' } };

for (const lang of ['en', 'zh-CN']) {
  for (const lesson of readLessons(lang)) {
    test(`${lang} ${lesson.slug}: every step, every exercise, no console error`, async () => {
      const page = await site.open(`/lessons/${lesson.slug}.html?lang=${lang}&step=1`, { width: VIEWS[lang].width });
      await page.locator('main[data-ready="true"]').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      const article = page.locator(`.lesson-article[lang="${lang}"]`);
      const count = await article.locator('.step').count();
      assert.equal(count, lesson.body.match(/^## /gm).length);
      for (let step = 1; step <= count; step += 1) {
        const current = article.locator('.step.is-current');
        assert.equal(await current.getAttribute('data-step'), String(step));
        assert.ok(await current.isVisible(), `step ${step} is not visible`);
        assert.equal(await page.locator(`.lesson-article:not([lang="${lang}"])`).isVisible(), false);
        assert.match(page.url(), new RegExp(`step=${step}`));
        const nums = current.locator('bp-num');
        for (let i = 0; i < await nums.count(); i += 1) {
          await nums.nth(i).scrollIntoViewIfNeeded();  // widgets start when scrolled into view, as a reader would
          await page.waitForFunction((el) => el.dataset.value !== undefined, await nums.nth(i).elementHandle());
        }
        const checks = current.locator('bp-check');
        for (let i = 0; i < await checks.count(); i += 1) await answerCheck(engine, checks.nth(i));
        // A viewport as tall as the page, so the sticky step bar sits where it belongs in a full-page picture.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: VIEWS[lang].width, height });
        await site.screenshot(page, `lesson-${lesson.slug}-${lang}-${VIEWS[lang].name}-step${step}`);
        await page.setViewportSize({ width: VIEWS[lang].width, height: 900 });
        if (step < count) {
          if (step % 2) await page.locator('.step-next').click();
          else await page.keyboard.press('ArrowRight');
        }
      }
      await page.locator('main[data-done="true"]').waitFor();
      assert.equal(await page.locator('.step-onward').isVisible(), true);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}
