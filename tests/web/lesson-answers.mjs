// Test helper: answers a lesson's check-yourself exercises in the browser the way a learner would, with the right
// answer worked out by the wasm engine under node from the exercise's own attributes (never read from the page).
import { parseValueList } from '../../web/src/state/value-list.js';
import { pick } from '../../web/src/widgets/lesson-kit/format.js';

/** @param {any} engine wrapped engine @param {import('playwright-core').Locator} check a <bp-check> */
export async function answerCheck(engine, check) {
  await check.scrollIntoViewIfNeeded();  // widgets start when scrolled into view, as a reader would
  await check.page().waitForFunction((el) => el.dataset.ready === 'true', await check.elementHandle());
  const attrs = await check.evaluate((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
  const report = engine.grad(attrs.expr, parseValueList(attrs.values ?? ''));
  const kind = attrs.kind ?? 'predict';
  if (kind === 'predict') {
    await check.locator('input').fill(String(pick(report, attrs.show ?? 'value')));
    await check.locator('input').press('Enter');
  } else if (kind === 'pattern') {
    const node = report.nodes.find((n) => (attrs.op ? n.op === attrs.op : n.name === attrs.var));
    const choice = attrs.var ? 'sum' : node.pattern;
    await check.locator(`button[data-choice="${choice}"]`).click();
  } else if (kind === 'order') {
    const want = report.backward.filter((s) => s.kind === 'chain').map((s) => String(s.node));
    for (const [index, node] of want.entries()) {
      for (;;) {
        const now = await check.locator('li').evaluateAll((items) => items.map((li) => li.dataset.node));
        if (now.indexOf(node) <= index) break;
        await check.locator(`li[data-node="${node}"] button.up`).click();
      }
    }
    await check.locator('button.submit').click();
  } else {
    throw new Error(`unknown exercise kind ${kind}`);
  }
  await check.page().waitForFunction((el) => el.dataset.state === 'correct', await check.elementHandle(), { timeout: 5000 });
}
