// The widget platform, through the embed bundle under the strict CSP: every widget of the registry is documented
// on /embed-docs.html from its declaration (rows = declared attributes), every attribute change after start is
// honoured (also by the widgets that used to build once), a malformed attribute is a message naming it, replies to
// superseded requests are dropped, and <bp-softmax> takes a plain list of 2–10 logits. Oracles: softmax and its
// gradient computed here in float64 from the definition, and the engine's own numbers for the formula widgets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';
import { STRICT_CSP, recordViolations, violations, addWidget } from '../embed-helpers.mjs';

let site;
before(async () => { site = await startSite({ headers: { 'Content-Security-Policy': STRICT_CSP } }); });
after(async () => { await site?.close(); });

/** The iframe form's page (it loads the bundle) with a helper that adds a widget and waits until it answered. */
async function bare() {
  const page = await site.open('/embed.html?widget=math&tex=x&lang=en', { initScript: recordViolations });
  await page.locator('bp-math[data-ready="true"]').waitFor();
  const add = (tag, attrs) => addWidget(page, tag, attrs);
  /** Sets attributes on a started widget and waits until it has answered again. */
  const change = async (locator, attrs) => {
    await locator.evaluate((element, attrs) => {
      delete element.dataset.ready;
      for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
    }, attrs);
    await locator.and(page.locator('[data-ready="true"]')).waitFor();
  };
  return { page, add, change };
}

/** softmax(z) and ∂(−log softmax(z)[t])/∂z = softmax(z) − onehot(t), from the definition (the test's oracle). */
function softmaxOracle(z, target) {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  const p = e.map((v) => v / sum);
  return { p, grad: p.map((v, i) => v - (i === target ? 1 : 0)) };
}

test('the docs page documents every widget of the registry from its declaration', async () => {
  const page = await site.open('/embed-docs.html', { initScript: recordViolations });
  await page.locator('.preview > *').first().waitFor({ state: 'attached' });  // the widgets' chunks load after the page
  await page.locator('#widget-docs section').first().waitFor();
  const declared = await page.evaluate(async () => {
    const { widgetDeclarations } = await import('./embed/backprop-tutor.js');
    return (await widgetDeclarations()).map((d) => ({ tag: d.tag, attributes: d.attributes.map((a) => a.name) }));
  });
  assert.ok(declared.length >= 10, `the registry holds every widget (${declared.map((d) => d.tag).join(', ')})`);
  for (const { tag, attributes } of declared) {
    const rows = await page.locator(`section#${tag} table tr td:first-child`).allTextContents();
    assert.deepEqual(rows, attributes, `${tag}: one row per declared attribute, in order`);
    assert.ok(await page.locator(`#widget-index a[href="#${tag}"]`).count(), `${tag} is in the index`);
  }
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('<bp-softmax> takes a plain list of 2 to 10 logits, and the named form', async () => {
  const { page, add, change } = await bare();
  const softmax = await add('bp-softmax', { logits: '1, 2, 3', target: '1' });
  const read = async () => ({
    p: (await softmax.getAttribute('data-outputs')).split(',').map(Number),
    grad: (await softmax.getAttribute('data-grads')).split(',').map(Number),
  });
  const near = (got, want) => got.length === want.length && got.every((v, i) => Math.abs(v - want[i]) < 1e-12);
  let oracle = softmaxOracle([1, 2, 3], 1);
  let got = await read();
  assert.ok(near(got.p, oracle.p), `softmax(1, 2, 3) = ${got.p} (want ${oracle.p})`);
  assert.ok(near(got.grad, oracle.grad), `a − y = ${got.grad}`);
  assert.deepEqual(oracle.p.map((v) => v.toFixed(4)), ['0.0900', '0.2447', '0.6652']);

  await change(softmax, { logits: '0.5, -1, 2, 0, 1.5', target: '4' });
  oracle = softmaxOracle([0.5, -1, 2, 0, 1.5], 4);
  got = await read();
  assert.ok(near(got.p, oracle.p) && near(got.grad, oracle.grad), 'five classes');
  assert.equal(await softmax.locator('input[type=radio]').count(), 5);

  await change(softmax, { logits: 'z1=2, z0=1', target: '0' });
  oracle = softmaxOracle([1, 2], 0);
  assert.ok(near((await read()).p, oracle.p), 'the named form, in any order');

  for (const [logits, target, message] of [['1', '0', /logits: give 2 to 10 logits/], ['1, x, 3', '0', /logits: “x” is not a number/],
    ['z0=1, z2=3', '0', /logits: give 2 to 10/], ['1, 2', '5', /target: the true class must be between 0 and 1/],
    [Array(11).fill('1').join(','), '0', /logits: give 2 to 10/]]) {
    await change(softmax, { logits, target });
    assert.match(await softmax.getByRole('alert').textContent(), message);
  }
  await change(softmax, { logits: '3, 1', target: '0' });
  assert.ok(near((await read()).p, softmaxOracle([3, 1], 0).p), 'recovers after bad input');
  // Where e^z overflows a double: the engine's log-sum-exp keeps the oracle's numbers.
  await change(softmax, { logits: '800, 801, 802', target: '1' });
  oracle = softmaxOracle([800, 801, 802], 1);
  got = await read();
  assert.ok(near(got.p, oracle.p) && near(got.grad, oracle.grad), `softmax(800, 801, 802) = ${got.p}`);
  assert.deepEqual(got.p.map((v) => v.toFixed(4)), ['0.0900', '0.2447', '0.6652']);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('attribute changes after start are honoured by every formula widget', async () => {
  const { page, add, change } = await bare();
  const check = await add('bp-check', { kind: 'predict', expr: 'x*y', values: 'x=3, y=-2', show: 'grad:x' });
  const answer = async (text) => {
    await check.locator('input#guess').fill(text);
    await check.locator('button[type=submit]').click();
    return check.getAttribute('data-state');
  };
  assert.equal(await answer('-2'), 'correct');
  await change(check, { values: 'x=3, y=7' });
  assert.equal(await check.getAttribute('data-state'), null, 'a new question starts ungraded');
  assert.equal(await answer('-2'), 'wrong');
  assert.equal(await answer('7'), 'correct');

  const descent = await add('bp-descent', { expr: '0.5*(w*x - y)^2', values: 'w=0.5, x=2, y=3', params: 'w', rate: '0.1' });
  await descent.locator('button.step-one').click();
  const lossesAt = async () => (await descent.getAttribute('data-losses')).split(',').map(Number);
  const slow = await lossesAt();
  await change(descent, { rate: '0.2' });
  assert.equal(await descent.getAttribute('data-steps'), '0', 'a new rate starts over');
  await descent.locator('button.step-one').click();
  const fast = await lossesAt();
  assert.equal(fast[0], slow[0], 'same starting loss');
  assert.ok(fast[1] < slow[1], `a larger rate descends further here (${fast[1]} < ${slow[1]})`);

  // A rate so large that the loss would overflow: the engine refuses the step, the widget says so, nothing is NaN.
  const wild = await add('bp-descent', { expr: 'w^2', values: 'w=1', params: 'w', rate: '1e200' });
  await wild.locator('button.step-one').click();
  assert.match(await wild.locator('.rate').innerText(), /smaller η/);
  assert.equal(await wild.getAttribute('data-steps'), '0');
  assert.equal(await wild.getAttribute('data-losses'), '1');

  const gradcheck = await add('bp-gradcheck', { expr: 'a*b', values: 'a=2, b=3', params: 'a' });
  assert.equal(await gradcheck.getAttribute('data-evaluations'), '2');
  await change(gradcheck, { params: 'a, b' });
  assert.equal(await gradcheck.getAttribute('data-evaluations'), '4');

  const activation = await add('bp-activation', { fn: 'sigmoid', x: '0' });
  assert.equal(Number(await activation.getAttribute('data-derivative')), 0.25);
  await change(activation, { fn: 'tanh' });
  assert.equal(Number(await activation.getAttribute('data-derivative')), 1);

  const num = await add('bp-num', { expr: 'x*y', values: 'x=3, y=-2', show: 'grad:y' });
  assert.equal(await num.getAttribute('data-value'), '3');
  await change(num, { show: 'value' });
  assert.equal(await num.getAttribute('data-value'), '-6');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('a malformed attribute is a message naming it, and the widget recovers', async () => {
  const { page, add, change } = await bare();
  const cases = [
    ['bp-trainer', { samples: 'lots' }, /samples: “lots” is not a number/],
    ['bp-trainer', { samples: '99999' }, /samples: 99999 is above the largest allowed value, 2000/],
    ['bp-network', { layers: '[{' }, /layers: not valid JSON/],
    ['bp-network', { lr: '-1' }, /lr: -1 is below the smallest allowed value, 0/],
    ['bp-check', { kind: 'essay', expr: 'x', values: 'x=1' }, /kind: “essay” is not one of: predict, pattern, order/],
    ['bp-graph', { expr: 'x+y', values: 'x=1, y' }, /values: expected name=value pairs/],
    ['bp-activation', { fn: 'alert(1)' }, /fn: “alert\(1\)” is not a function name/],
  ];
  for (const [tag, attrs, message] of cases) {
    const widget = await add(tag, attrs);
    assert.match(await widget.getByRole('alert').textContent(), message, `${tag} ${JSON.stringify(attrs)}`);
  }
  const graph = await add('bp-graph', { expr: 'x+y', values: 'x=1, y' });
  await change(graph, { values: 'x=1, y=2', step: 'end' });
  assert.equal(await graph.evaluate((element) => element.report?.value), 3);
  assert.equal(await graph.getByRole('alert').count(), 0, 'the message goes once the value is fixed');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('a reply to a superseded request is dropped: the last attributes win', async () => {
  const { page, add } = await bare();
  const graph = await add('bp-graph', { expr: 'x*y', values: 'x=1, y=1', step: 'end' });
  // Three changes in one task: each starts a request; only the last may draw.
  await graph.evaluate((element) => {
    delete element.dataset.ready;
    element.setAttribute('expr', 'x+y');
    element.setAttribute('expr', 'x-y');
    element.setAttribute('values', 'x=5, y=3');
  });
  await graph.and(page.locator('[data-ready="true"]')).waitFor();
  await graph.evaluate((element) => element.showAll());
  const value = await graph.evaluate((element) => element.report.value);
  assert.equal(value, 2, 'x − y at x=5, y=3');
  assert.deepEqual(page.problems, []);
});
