// The phone audit of every lesson step (not a test yet; issue 29 makes it one): each step in English and Chinese at
// 360 and 1280 px, its widgets scrolled into view and ready, then step-audit.mjs's checks (cut content, text under
// 12 px, targets under 24 px) and the step's height in screens. Prints a findings summary; run after a site build:
//   BP_SITE_DIR=build/site node tests/web/lessons-audit.mjs [lesson-number ...] > audit.txt
import path from 'node:path';
import { startSite, repoRoot, frames } from './harness.mjs';
import { readLessons } from '../node/lesson-files.mjs';
import { readDeclarations } from '../../web/src/widgets/read-declarations.mjs';
import { auditStep } from './step-audit.mjs';

const only = process.argv.slice(2).map(Number);
const VIEWS = [['en', 1280], ['en', 360], ['zh-CN', 1280], ['zh-CN', 360]];
const declarations = await readDeclarations({ webDir: path.join(repoRoot, 'web'), wasmDir: process.env.BP_WASM_DIR ?? path.join(repoRoot, 'build/wasm') });
const widgets = declarations.map((d) => d.tag).join(', ');
const site = await startSite();
const totals = new Map();
try {
  for (const lesson of readLessons('en').filter((l) => !only.length || only.includes(l.data.order))) {
    for (const [lang, width] of VIEWS) {
      const page = await site.open(`/lessons/${lesson.slug}.html?lang=${lang}&step=1`, { width, height: 780 });
      await page.locator('main[data-ready="true"]').waitFor();
      const steps = await page.locator(`.lesson-article[lang="${lang}"] .step`).count();
      for (let step = 1; step <= steps; step += 1) {
        const current = `.lesson-article[lang="${lang}"] .step.is-current`;
        for (const handle of await page.locator(`${current} :is(${widgets})`).elementHandles()) {
          await handle.scrollIntoViewIfNeeded();
          await page.waitForFunction((el) => el.dataset.ready === 'true', handle, { timeout: 8000 }).catch(() => {});
        }
        await page.evaluate(() => document.fonts.ready);
        await frames(page);
        const findings = await page.evaluate(auditStep, current);
        const screens = await page.locator(current).evaluate((el) => el.getBoundingClientRect().height / innerHeight);
        if (screens > 2) findings.push(`tall: ${screens.toFixed(1)} screens`);
        for (const finding of new Set(findings)) {
          console.log(`${lesson.slug.slice(0, 2)} s${step} ${lang} ${width}: ${finding}`);
          const kind = finding.split(':')[0];
          totals.set(`${kind} @${width}`, (totals.get(`${kind} @${width}`) ?? 0) + 1);
        }
        if (step < steps) await page.locator(`.lesson-article[lang="${lang}"] .step-next, .step-next`).first().click();
      }
      await page.context().close();
    }
  }
} finally {
  await site.close();
}
console.log('\ntotals:', Object.fromEntries(totals));
