// The wire schema (tests/schema/wire.schema.json) against both of its sides: real replies of the wasm engine
// have exactly the fields it lists (recursively, through the types it names), and the JSDoc typedefs the pages
// use for those replies (web/src/engine/*.js) list the same fields, optional ones with `?`. A field added to a
// reply but not to the schema, or to the schema but not to the typedef, fails here. Also the keyed notes: every
// note the engine can emit has a template, with exactly the engine's parameters, in every locale's catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, repoRoot } from './load-engine.mjs';
import { ENGINE_NOTES, engineNote } from '../../web/src/i18n/tensor.js';
import { LOCALES } from '../../web/src/i18n/i18n.js';

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/schema/wire.schema.json'), 'utf8')).types;
const module = await loadModule();

/** The fields of a schema type: name -> {optional, type}. @param {string} name */
function fieldsOf(name) {
  const type = schema[name];
  assert.ok(type, `schema type ${name}`);
  return Object.fromEntries(Object.entries(type).map(([key, ref]) => [key.replace(/\?$/, ''),
    { optional: key.endsWith('?'), ref: /** @type {string} */ (ref) }]));
}

/** `value` has exactly the fields of `name` (the optional ones may be missing), checked through nested types. */
function validate(value, name, where = name) {
  assert.equal(typeof value, 'object', where);
  const fields = fieldsOf(name);
  for (const key of Object.keys(value)) assert.ok(key in fields, `${where}: field "${key}" is not in the schema`);
  for (const [key, { optional, ref }] of Object.entries(fields)) {
    if (!(key in value)) {
      assert.ok(optional, `${where}: field "${key}" is missing`);
      continue;
    }
    const item = value[key];
    if (ref === '' || item === null) continue;
    if (ref.startsWith('[')) item.forEach((x, i) => validate(x, ref.slice(1, -1), `${where}.${key}[${i}]`));
    else validate(item, ref, `${where}.${key}`);
  }
}

/** The top-level fields of `@typedef {{...}} Name` in `file`: name -> optional. */
function typedefFields(file, name) {
  const text = fs.readFileSync(path.join(repoRoot, 'web/src/engine', file), 'utf8').replace(/^\s*\*\s?/gm, ' ');
  const end = text.search(new RegExp(`\\}\\}\\s+${name}\\b`));
  assert.ok(end > 0, `${file}: no typedef ${name}`);
  const start = text.lastIndexOf('@typedef {{', end) + '@typedef {{'.length;
  const body = text.slice(start, end);
  const fields = {};
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if ('{[(<'.includes(c)) depth++;
    else if ('}])>'.includes(c)) depth--;
    else if (depth === 0 && (i === 0 || body[i - 1] === ',' || /\s/.test(body[i - 1]))) {
      const m = /^([a-zA-Z_]\w*)(\??):/.exec(body.slice(i));
      if (m) {
        fields[m[1]] = m[2] === '?';
        i += m[0].length - 1;
      }
    }
  }
  return fields;
}

test('every typedef named by the schema lists exactly its fields', () => {
  for (const name of Object.keys(schema)) {
    const [file, typedef] = name.split('#');
    const want = Object.fromEntries(Object.entries(fieldsOf(name)).map(([key, f]) => [key, f.optional]));
    assert.deepEqual(typedefFields(file, typedef), want, name);
  }
});

const reply = (text) => {
  const value = JSON.parse(text);
  assert.equal(value.error, undefined, text.slice(0, 200));
  return value;
};

test('formula, network and tensor replies have the schema\'s fields', () => {
  validate(reply(module.grad('log(x) * x + exp(x*y)', '{"x": 2, "y": -1}')), 'engine.js#Report');
  validate(reply(module.grad('x + x*x', '{"x": 0}')), 'engine.js#Report');
  const example = module.tensorExample('{"layers": "3-4-3", "batch": 2}');
  validate(reply(module.tensorStep(example)), 'network.js#NetworkReport');
  validate(reply(module.mlpStep(module.tensorExample('{"layers": "2-3-2", "loss": "mse"}'))), 'network.js#NetworkReport');
  const conv = fs.readFileSync(path.join(repoRoot, 'tests/data/conv_spec.json'), 'utf8');
  validate(reply(module.tensorStep(conv)), 'network.js#NetworkReport');
  validate(reply(module.tensorEntry(example, 'dW1', 0, 1)), 'network.js#EntrySum');
  validate(reply(module.tensorEntry(example, 'dZ1', 1, 0)), 'network.js#EntrySum');
  validate(reply(module.checkShapeAnswer('4x3', '[3, 4]')), 'network.js#ShapeVerdict');
  validate(reply(module.capabilities()), 'capabilities.js#Capabilities');
});

test('the lesson math\'s replies have the schema\'s fields', () => {
  validate(reply(module.softmax('{"logits": [800, 801, 802], "target": 1}')), 'engine.js#SoftmaxReport');
  validate(reply(module.descent(JSON.stringify({ formula: '0.5*(w*x - y)^2', values: { w: 0.5, x: 2, y: 3 },
    params: ['w'], rate: 0.1, steps: 2 }))), 'engine.js#DescentRun');
  validate(reply(module.gradcheck(JSON.stringify({ formula: 'relu(a) * b', values: { a: 0, b: 1 }, params: ['a', 'b'],
    h: 1e-4 }))), 'engine.js#GradcheckReport');
});

test('training replies have the schema\'s fields', () => {
  const session = new module.TrainerSession();
  try {
    reply(session.configure(JSON.stringify({ dataset: 'spiral', layers: [5], test_fraction: 0.2, l1: 0.001,
      halt_on_divergence: true, optimizer: { type: 'sgd', lr: 1e6 } }), ''));
    validate(reply(session.step(20)), 'trainer.js#StepReply');
    validate(reply(session.evaluate()), 'trainer.js#Metrics');
    validate(reply(session.evaluateTest()), 'trainer.js#Metrics');
    validate(reply(session.describe()), 'trainer.js#Description');
    validate(reply(session.inspect(3)), 'trainer.js#SampleTrace');
    validate(reply(session.explain(3, 0, 1, 2)), 'trainer.js#ChainRule');
    reply(session.configure(JSON.stringify({ dataset: 'xor' }), ''));
    validate(reply(session.step(2)), 'trainer.js#StepReply');
  } finally {
    session.delete();
  }
});

test('every note the engine can emit is translated, with its parameters, in every locale', () => {
  const notes = reply(module.capabilities()).notes;
  assert.ok(notes.length > 10);
  assert.deepEqual(Object.keys(ENGINE_NOTES).sort(), [...LOCALES].sort());
  for (const locale of LOCALES) {
    const catalog = /** @type {Record<string, string>} */ (ENGINE_NOTES[locale]);
    assert.deepEqual(Object.keys(catalog).sort(), notes.map((n) => n.key).sort(), locale);
    for (const note of notes) {
      const used = [...new Set([...catalog[note.key].matchAll(/\$([a-z]+)/g)].map((m) => m[1]))].sort();
      assert.deepEqual(used, [...note.params].sort(), `${locale} ${note.key}`);
    }
  }
  // The English catalog says what the engine's own English says.
  for (const note of notes) assert.equal(ENGINE_NOTES.en[note.key], note.latex, note.key);
  // Filled in: every parameter replaced, once.
  const filled = engineNote({ key: 'batch_sum', params: { b: 'b^{(1)}', out: 'Z^{(1)}' } }, 'zh-CN');
  assert.equal(filled, '\\text{对这批样本求和：} db^{(1)}_{j} = \\sum_{n} dZ^{(1)}_{nj}');
});
