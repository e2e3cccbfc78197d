// The graph stepper <bp-graph> in Chromium, on the playground page: stepping cs231n's (x+y)z to the end, keyboard
// stepping, the narration, fan-out accumulation, and the quiz (right, wrong then hint, wrong again then the answer,
// the score). Expected numbers are the seeds' published ones, or come from the wasm engine under node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';
import { loadEngine } from '../../node/load-engine.mjs';

let site;
let engine;
before(async () => { [site, engine] = await Promise.all([startSite(), loadEngine()]); });
after(async () => { await site?.close(); });

/** Opens the playground at `query` and waits for the stepper. */
async function open(query, view) {
  const page = await site.open(`/playground.html?lang=en&${query}`, view);
  await page.waitForSelector('bp-graph[data-ready="true"] svg.graph');
  return page;
}

/** Each drawn node as {label, value, grad} (the test hooks), by the variable name or op. */
const nodes = (page) => page.locator('bp-graph [data-node-id]').evaluateAll((elements) => elements.map((node) => ({
  id: Number(node.dataset.nodeId), label: node.dataset.label, value: node.dataset.value, grad: node.dataset.grad,
  current: node.classList.contains('current'),
})));
const byLabel = async (page, label) => (await nodes(page)).find((node) => node.label === label);
const counter = (page) => page.locator('bp-graph .counter').textContent();

test('stepping (x+y)z at (-2, 5, -4) to the end shows value -12 and gradients -4, -4, 3', async () => {
  const page = await open('expr=(x%2By)*z&x=-2&y=5&z=-4');
  assert.equal(await counter(page), 'Step 0 of 5');
  for (const node of await nodes(page)) {
    assert.equal(node.grad, '', `no gradient is shown before the backward pass (${node.label})`);
  }
  assert.equal((await byLabel(page, 'mul')).value, '', 'the output is unknown before the forward pass');

  const next = page.getByRole('button', { name: 'Next step' });
  await next.click();
  const add = await byLabel(page, 'add');
  assert.equal(add.value, '3');
  assert.ok(add.current, 'the add node is the current one');
  await next.click();
  assert.equal((await byLabel(page, 'mul')).value, '-12');
  assert.equal((await byLabel(page, 'x')).grad, '', 'no gradient yet at the end of the forward pass');
  for (let i = 0; i < 3; i++) await next.click();

  assert.equal(await counter(page), 'Step 5 of 5');
  assert.ok(await next.isDisabled(), 'Next step is disabled at the end');
  assert.equal((await byLabel(page, 'x')).grad, '-4');
  assert.equal((await byLabel(page, 'y')).grad, '-4');
  assert.equal((await byLabel(page, 'z')).grad, '3');
  assert.equal((await byLabel(page, 'mul')).grad, '1', 'the seed');
  // The last step's equation is the engine's chain rule for the add node, rendered by KaTeX.
  await page.locator('bp-graph .equations .katex').first().waitFor();  // KaTeX is fetched on demand
  const panel = await page.locator('bp-graph .equations').textContent();
  assert.match(panel, /∂f∂x/);
  assert.match(await page.locator('bp-graph .notes').textContent(), /distributes/);
  await site.screenshot(page, 'graph-cs231n-end-desktop');
  assert.deepEqual(page.problems, []);
});

test('keyboard: arrows, Home and End step the graph; the live region narrates each step in words', async () => {
  const page = await open('expr=(x%2By)*z&x=-2&y=5&z=-4');
  await page.locator('bp-graph').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await counter(page), 'Step 2 of 5');
  await page.keyboard.press('End');
  assert.equal(await counter(page), 'Step 5 of 5');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await counter(page), 'Step 3 of 5');
  await page.keyboard.press('ArrowRight');  // the multiply node's backward step
  const narration = await page.locator('bp-graph [aria-live="polite"].sr-only').textContent();
  assert.match(narration, /Multiply node f: upstream gradient 1 times local gradient −4 gives −4 for q\./);
  await page.keyboard.press('Home');
  assert.equal(await counter(page), 'Step 0 of 5');
  // The controls are reachable with Tab (Previous step and Reset are disabled at the start).
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent), 'Next step');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent), 'Show all');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('role')), 'switch');
  assert.deepEqual(page.problems, []);
});

test('a value used twice sums its gradients: the += paths and the running total are shown', async () => {
  const formula = 'x*x + x*y';
  const want = engine.grad(formula, { x: 3, y: -2 });
  const page = await open(`expr=${encodeURIComponent(formula)}&x=3&y=-2`);
  await page.getByRole('button', { name: 'Show all' }).click();
  assert.equal(Number((await byLabel(page, 'x')).grad), want.grads.x);
  assert.equal(Number((await byLabel(page, 'y')).grad), want.grads.y);
  const total = await page.locator('bp-graph [data-label="x"] .fanout-total').textContent();
  assert.equal(total, `Σ ${want.grads.x}`);
  // Step back to the backward step where x's second path arrives: the note names the fan-out.
  const steps = [...want.forward, ...want.backward];
  const firstPath = want.forward.length + want.backward.findIndex((step) => step.inputs.some((edge) => edge.paths > 1)) + 1;
  await page.locator('bp-graph').evaluate((graph, n) => { graph.step = n; }, firstPath);
  assert.match(await page.locator('bp-graph .notes').textContent(), /x is used 3 times \(a fan-out\)/);
  await page.locator('bp-graph .equations .katex').first().waitFor();
  assert.match(await page.locator('bp-graph .equations').textContent(), /\+=/);
  assert.ok(steps.length > firstPath);
  assert.deepEqual(page.problems, []);
});

test('quiz: a right answer advances, a wrong one gets the local rule as a hint, a second shows the answer', async () => {
  const page = await open('expr=(x%2By)*z&x=-2&y=5&z=-4&mode=quiz');
  const answer = page.locator('bp-graph .quiz input:not([disabled])').first();
  const check = page.getByRole('button', { name: 'Check' });
  assert.equal(await page.locator('bp-graph .quiz label').textContent(), 'What is q?');
  assert.equal(await page.locator('bp-graph [data-label="add"]').getAttribute('class'), 'node op pending asked');

  await answer.fill('3');
  await check.click();
  assert.equal(await counter(page), 'Step 1 of 5');
  assert.equal(await page.locator('bp-graph .panel > .message.correct').textContent(), 'Right!');

  await answer.fill('-10');  // f = q·z = -12
  await check.click();
  assert.match(await page.locator('bp-graph .quiz .feedback').textContent(), /Not quite\. Hint: the rule is/);
  assert.equal(await counter(page), 'Step 1 of 5', 'a wrong answer does not advance');
  await answer.fill('3*(-4)');  // arithmetic is accepted, and graded by the engine
  await check.click();
  assert.equal(await counter(page), 'Step 2 of 5');

  await answer.fill('one');  // not a number: a clear message, no attempt used
  await check.click();
  assert.match(await page.locator('bp-graph .quiz .feedback').textContent(), /Type a number/);
  await answer.fill('1');
  await check.click();  // the seed
  assert.equal(await counter(page), 'Step 3 of 5');

  // The multiply node's step asks for both inputs: q gets z = -4, z gets q = 3.
  const inputs = page.locator('bp-graph .quiz input');
  assert.equal(await inputs.count(), 2);
  await inputs.nth(0).fill('-4');
  await inputs.nth(1).fill('5');
  await check.click();
  // The engine names the slip, with the learner's own numbers: ∂f/∂z = upstream 1 × local q = 3.
  assert.match(await page.locator('bp-graph .quiz .feedback').nth(1).textContent(),
    /Upstream 1 × local 3 = 3; you typed 5:\s*work it through once more\.\s*The local rule is/);
  await inputs.nth(1).fill('4');
  await check.click();
  assert.equal(await counter(page), 'Step 4 of 5', 'two misses: the answer is shown and the quiz moves on');

  // The add node: ∂f/∂x = upstream −4 × local 1. A flipped sign is named as such.
  await inputs.nth(0).fill('4');
  await check.click();
  assert.match(await page.locator('bp-graph .quiz .feedback').nth(0).textContent(), /Upstream −4 × local 1 = −4; you typed 4:\s*check the sign\./);
  await inputs.nth(0).fill('-4');
  await inputs.nth(1).fill('-4');
  await check.click();
  const score = await page.locator('bp-graph .score').textContent();
  assert.match(score, /Quiz done: 4 of 7 right first time, 2 after a hint, 1 shown\./);
  await site.screenshot(page, 'graph-quiz-score-desktop');
  await page.getByRole('button', { name: 'Try again' }).click();
  assert.equal(await counter(page), 'Step 0 of 5');
  assert.deepEqual(page.problems, []);
});

