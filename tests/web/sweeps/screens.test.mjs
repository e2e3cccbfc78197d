// Screenshot sweeps of the views with the most to draw, each checked for sideways scroll and console errors:
// the sigmoid neuron mid-way through its backward pass (playground); the matrix playground and the tensor stepper
// widget with an entry written out, at 360 and 1280 px in light and dark, English and Chinese (with an axe audit); and a trained spiral on the training page at 1440 and
// 360 px, light and dark. Pictures land in build/screenshots/; the journeys on these pages are in ../journeys/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, setColorScheme } from '../harness.mjs';
import { auditLines } from '../axe-audit.mjs';
import { TENSOR_PAGE_MESSAGES } from '../../../web/src/i18n/tensor-page.js';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const WIDGET = 'bp-tensor-graph';
const counter = (page) => page.locator('bp-graph .counter').textContent();

/** The playground at `query`, once its stepper is drawn. */
async function openPlayground(query, view) {
  const page = await site.open(`/playground.html?lang=en&${query}`, view);
  await page.waitForSelector('bp-graph[data-ready="true"] svg.graph');
  return page;
}

/** The matrix playground, once its widget (which starts when in view) has answered. */
async function openTensor(query, view) {
  const page = await site.open(`/tensor.html${query}`, view);
  await page.locator('#tensor-page[data-state="ready"]').waitFor();
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  await page.locator(`${WIDGET}[data-ready="true"]`).waitFor();
  return page;
}

/** The training page, ready and not yet stepped. */
async function openTrain(query, view) {
  const page = await site.open(`/train.html?lang=en&${query}`, view);
  await page.waitForSelector('#train-page[data-state="ready"]');
  await page.waitForSelector('#train-page[data-steps="0"]');
  return page;
}

test('playground: desktop, phone and dark screenshots of the sigmoid neuron, mid-way through the backward pass', async () => {
  for (const [name, view] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 360, height: 780 }],
    ['dark', { width: 1280, height: 900, colorScheme: 'dark' }]]) {
    const page = await openPlayground('expr=1%2F(1%2Bexp(-(w0*x0%2Bw1*x1%2Bw2)))&w0=2&x0=-1&w1=-3&x1=-2&w2=-3&step=12', view);
    assert.equal(await counter(page), 'Step 12 of 17');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page does not scroll sideways at ${view.width}px (${overflow}px)`);
    await site.screenshot(page, `graph-neuron-${name}`);
    assert.deepEqual(page.problems, []);
  }
});

test('matrix playground: screenshots at 360 and 1280 px, light and dark, English and Chinese; no sideways scroll', async () => {
  for (const lang of ['en', 'zh-CN']) {
    for (const width of [360, 1280]) {
      const page = await openTensor(`?lang=${lang}&at=backward:W2`, { width, height: 900 });
      assert.equal(await page.locator('h1').textContent(), TENSOR_PAGE_MESSAGES[lang]['tensorPage.title']);
      // A gradient entry written out, as a learner taps it.
      await page.locator(`${WIDGET} [data-node="W2"] .node-button`).click();
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        await page.waitForTimeout(200);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `${lang} ${width} ${colorScheme}: ${overflow} px sideways`);
        await site.screenshot(page, `tensor-page-${lang}-${width}-${colorScheme}`);
        assert.deepEqual(await auditLines(page), [], `${lang} ${width} ${colorScheme}: WCAG 2.1 AA`);
      }
      assert.deepEqual(page.problems, [], `${lang} ${width}`);
      await page.context().close();
    }
  }
});

test('tensor stepper widget: screenshots and an axe audit at 360 and 1280, light and dark, en and zh', async () => {
  for (const width of [1280, 360]) {
    for (const colorScheme of ['light', 'dark']) {
      for (const lang of ['en', 'zh-CN']) {
        const page = await site.open(`/embed.html?widget=tensor-graph&at=backward:W2&lang=${lang}`, { width, colorScheme });
        const widget = page.locator('bp-tensor-graph[data-ready="true"]');
        await widget.waitFor();
        await widget.locator('.card.result[data-matrix="dW2"] .cell').first().click();
        await widget.locator('.entry').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${width} ${colorScheme} ${lang}: ${overflow} px of sideways scroll`);
        await site.screenshot(page, `tensor-graph-${width}-${colorScheme}-${lang}`);
        const lines = await auditLines(page);
        assert.deepEqual(lines.slice(0, 5), [], `${width} ${colorScheme} ${lang}: ${lines.length} violation(s)`);
        assert.deepEqual(page.problems, []);
        await page.context().close();
      }
    }
  }
});

for (const [width, name] of [[1440, 'desktop'], [360, 'phone']]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`training page: screenshot at ${width} px, ${colorScheme}`, async () => {
      const page = await openTrain('data=spiral&layers=8,8&act=tanh&opt=adam&lr=0.01&test=0.2', { width, height: 900, colorScheme });
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForFunction(() => Number(document.getElementById('train-page')?.dataset.steps) > 1500);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.waitForSelector('#play[data-playing="false"]');
      const canvas = await page.locator('#boundary').boundingBox();
      await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);  // nearest point, if any
      await page.locator('#row-input').fill('3');
      await page.getByRole('button', { name: 'Backprop this row' }).click();
      await page.waitForSelector('.sample-summary[data-row="3"]');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px too wide)`);
      await site.screenshot(page, `train-${name}-${colorScheme}`);
      assert.deepEqual(page.problems, []);
    });
  }
}
