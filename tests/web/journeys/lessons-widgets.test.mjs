// The lesson widgets in Chromium, on their lesson pages: softmax sliders (logits of 800 and 1e300 included), the
// activation plot at ReLU's kink, gradient descent lowering the loss, and the gradient check's counts, agreement
// and verdicts. Values are compared with the wasm engine under node (the same engine; numbers within 1e-12, as the
// page's -Oz formula module and node's -O2 one may round a libm call differently), never with arithmetic done here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';
import { loadEngine } from '../../node/load-engine.mjs';
import { readLessons } from '../../node/lesson-files.mjs';

let site;
let engine;
before(async () => { [site, engine] = await Promise.all([startSite(), loadEngine()]); });
after(async () => { await site?.close(); });

const lessons = Object.fromEntries(readLessons('en').map((lesson) => [lesson.data.order, lesson]));
/** Asserts two lists of numbers equal within 1e-12 (relative). */
const assertNear = (got, want, what) => {
  assert.equal(got.length, want.length, what);
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= 1e-12 * Math.max(1, Math.abs(want[i])), `${what}[${i}]: ${g} vs ${want[i]}`));
};

/** Opens lesson `order` at the step holding `selector` and returns its first such widget, ready. */
async function widget(order, selector) {
  const lesson = lessons[order];
  const step = lesson.body.split(/^## /m).slice(1).findIndex((text) => text.includes(`<${selector}`)) + 1;
  const page = await site.open(`/lessons/${lesson.slug}.html?lang=en&step=${step}`);
  const element = page.locator(`.lesson-article[lang="en"] .step.is-current ${selector}`).first();
  await page.waitForFunction((el) => el.dataset.ready === 'true', await element.elementHandle());
  return { page, element };
}

test('softmax: the seed outputs and gradient at the start, and a slider move recomputes them', async () => {
  const { page, element } = await widget(8, 'bp-softmax');
  const outputs = (await element.getAttribute('data-outputs')).split(',').map(Number);
  assert.deepEqual(outputs.map((p) => p.toFixed(4)), ['0.0903', '0.2447', '0.6650']);
  assert.deepEqual((await element.getAttribute('data-grads')).split(',').map((g) => Number(g).toFixed(4)), ['0.0903', '-0.7553', '0.6650']);
  await element.locator('input[data-logit="z0"]').fill('3');
  const grads = (await element.getAttribute('data-grads')).split(',').map(Number);
  assertNear(grads, engine.softmax([3, 1.9969, 2.9966], 1).grads, 'grads');
  await element.locator('input[type=radio][value="2"]').check();
  assert.ok(Number((await element.getAttribute('data-grads')).split(',')[2]) < 0, 'the true class gets a negative gradient');
  assert.deepEqual(page.problems, []);
});

test('softmax: logits 800, 801, 802 (where e^z overflows) show 0.0900, 0.2447, 0.6652, and ±1e300 stays finite', async () => {
  const { page, element } = await widget(8, 'bp-softmax');
  const type = async (logits) => {
    for (const [j, z] of logits.entries()) await element.locator(`input[data-logit="z${j}"]`).fill(String(z));
    return (await element.getAttribute('data-outputs')).split(',').map(Number);
  };
  const outputs = await type([800, 801, 802]);
  assert.deepEqual(outputs.map((p) => p.toFixed(4)), ['0.0900', '0.2447', '0.6652']);
  const shown = await element.locator('.grid .value').allInnerTexts();
  assert.deepEqual(shown.map((text) => text.trim()), ['ŷ0 = 0.0900', 'ŷ1 = 0.2447', 'ŷ2 = 0.6652']);
  assert.doesNotMatch(await element.innerText(), /NaN/);
  await element.locator('input[type=radio][value="0"]').check();
  assertNear(await type([0, 1e300, 0]), engine.softmax([0, 1e300, 0], 0).probabilities, 'outputs at 1e300');
  assert.match(await element.locator('p.grads').innerText(), /L = 1×10³⁰⁰/);
  assert.deepEqual(page.problems, []);
});

test('activation: at ReLU\'s kink the engine says 0 and the max(x, 0) convention says 1', async () => {
  const { page } = await widget(7, 'bp-activation');
  const relu = page.locator('.lesson-article[lang="en"] bp-activation[fn="relu"]');
  await page.goto(page.url().replace(/step=\d+/, 'step=4'));
  await page.waitForFunction((el) => el.dataset.ready === 'true', await relu.elementHandle());
  await relu.locator('input[type=range]').fill('0');
  assert.equal(await relu.getAttribute('data-derivative'), '0');
  assert.equal(await relu.getAttribute('data-seed-derivative'), '1');
  await relu.locator('input[type=range]').fill('-2');
  assert.equal(await relu.getAttribute('data-seed-derivative'), '0');
  assert.deepEqual(page.problems, []);
});

test('gradient descent: the loss goes down after one step and after ten more', async () => {
  const { page, element } = await widget(6, 'bp-descent');
  // Phones show a decimal keypad only for the attribute (a property spelt `inputmode` would be an expando).
  assert.equal(await element.locator('input#rate').getAttribute('inputmode'), 'decimal');
  await element.locator('button.step-one').click();
  let losses = (await element.getAttribute('data-losses')).split(',').map(Number);
  assert.equal(losses.length, 2);
  assert.ok(losses[1] < losses[0], `loss ${losses[0]} -> ${losses[1]}`);
  await element.locator('button.step-ten').click();
  losses = (await element.getAttribute('data-losses')).split(',').map(Number);
  assert.equal(losses.length, 12);
  assert.ok(losses.every((loss, i) => i === 0 || loss < losses[i - 1]), losses.join(' '));
  assert.equal(await element.locator('svg.spark polyline').evaluate((line) => line.getAttribute('points').trim().split(/\s+/).length), 12);
  await element.locator('button.reset').click();
  assert.equal(await element.getAttribute('data-steps'), '0');
  // The learning rate is editable: a bad one is refused, a good one is used from the next step on.
  await element.locator('input#rate').fill('-1');
  await element.locator('input#rate').press('Enter');
  assert.match(await element.locator('.rate').innerText(), /positive number/);
  await element.locator('input#rate').fill('0.1');
  await element.locator('input#rate').press('Enter');
  assert.equal(await element.getAttribute('data-rate'), '0.1');
  await element.locator('button.step-one').click();
  const slow = (await element.getAttribute('data-losses')).split(',').map(Number);
  assert.ok(slow[0] - slow[1] < losses[0] - losses[1], `a smaller rate takes a smaller first step: ${slow} vs ${losses}`);
  // The numbers are the engine's descent() from the widget's own attributes, step for step.
  const [formula, valuesText, paramsText] = await Promise.all(['expr', 'values', 'params'].map((name) => element.getAttribute(name)));
  const values = Object.fromEntries(valuesText.split(',').map((pair) => pair.split('=').map((part) => part.trim())));
  const params = paramsText.split(',').map((name) => name.trim());
  assertNear(losses, engine.descent({ formula, values, params, rate: 1, steps: 11 }).steps.map((state) => state.loss), 'losses');
  assert.deepEqual(page.problems, []);
});

test('gradient check: two evaluations per weight, and agreement with backprop', async () => {
  const { page, element } = await widget(11, 'bp-gradcheck');
  await element.locator('button.run').click();
  assert.equal(await element.getAttribute('data-evaluations'), '12');
  const gaps = (await element.getAttribute('data-gaps')).split(',').map(Number);
  assert.equal(gaps.length, 6);
  assert.ok(gaps.every((gap) => gap < 1e-7), gaps.join(' '));
  await element.locator('input#h').fill('0.5');
  await element.locator('input#h').press('Enter');
  const coarse = (await element.getAttribute('data-gaps')).split(',').map(Number);
  assert.ok(coarse.some((gap) => gap > 1e-4), `a large h should show a visible gap: ${coarse.join(' ')}`);
  // Relative errors, as cs231n computes them: tiny at h = 1e-4, larger again at h = 1e-13 (round-off).
  await element.locator('input#h').fill('1e-4');
  await element.locator('input#h').press('Enter');
  const fine = (await element.getAttribute('data-errors')).split(',').map(Number);
  assert.ok(fine.every((error) => error < 1e-7), fine.join(' '));
  await element.locator('input#h').fill('1e-13');
  await element.locator('input#h').press('Enter');
  const tiny = (await element.getAttribute('data-errors')).split(',').map(Number);
  assert.ok(Math.max(...tiny) > 100 * Math.max(...fine), `round-off at a tiny h: ${tiny.join(' ')} vs ${fine.join(' ')}`);
  assert.match(await element.locator('.roundoff').innerText(), /round-off/);
  assert.match(await element.locator('.roundoff').innerText(), /✓ marks below 1e-4/);  // the engine's threshold
  // The verdicts are the engine's: at h = 0.5 the marks follow gradcheck()'s ok, row by row.
  await element.locator('input#h').fill('0.5');
  await element.locator('input#h').press('Enter');
  const [formula, valuesText, paramsText] = await Promise.all(['expr', 'values', 'params'].map((name) => element.getAttribute(name)));
  const values = Object.fromEntries(valuesText.split(',').map((pair) => pair.split('=').map((part) => part.trim())));
  const report = engine.gradcheck({ formula, values, params: paramsText.split(',').map((name) => name.trim()), h: 0.5 });
  const marks = await element.locator('tr[data-param] td:last-child').allInnerTexts();
  assert.deepEqual(marks.map((text) => text.endsWith('✓')), report.rows.map((row) => row.ok));
  await element.locator('input#h').fill('0');
  await element.locator('input#h').press('Enter');
  assert.match(await element.locator('.counts').innerText(), /positive number/);
  assert.deepEqual(page.problems, []);
});
