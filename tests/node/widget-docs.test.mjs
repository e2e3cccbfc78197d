// The hand-written widget lists of the docs against the widget registry (web/src/widgets/registry.js, read through
// the declarations as the build reads them): README.md's Embedding paragraph names every widget the bundle defines,
// and tutorials/README.md's pinned-figures section every widget that declares `figure`, no more and no fewer.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, wasmDir } from './load-engine.mjs';
import { readDeclarations } from '../../web/src/widgets/read-declarations.mjs';

/** @type {import('../../web/src/widgets/base/declaration.js').WidgetDeclaration[]} */
let declarations;
before(async () => { declarations = await readDeclarations({ webDir: path.join(repoRoot, 'web'), wasmDir }); });

/** The text of `file` from the line `start` up to the next line matching `end`. @param {string} file @param {string} start @param {RegExp} end */
function passage(file, start, end) {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const from = text.indexOf(start);
  assert.ok(from >= 0, `${file}: no "${start}"`);
  const rest = text.slice(from + start.length);
  const stop = rest.search(end);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** The widgets a passage names as `<bp-NAME>` (bare tags, not examples with attributes), sorted. @param {string} text */
const named = (text) => [...new Set([...text.matchAll(/`<(bp-[a-z0-9-]+)>`/g)].map((match) => match[1]))].sort();

test('the README names every widget the embed bundle defines', () => {
  const listed = named(passage('README.md', 'One script tag on any page defines every widget', /\n\s*\n/));
  assert.deepEqual(listed, declarations.map((d) => d.tag).sort());
});

test('the lesson guide names every widget a step can pin', () => {
  const figures = declarations.filter((d) => d.figure).map((d) => d.tag).sort();
  assert.ok(figures.includes('bp-graph') && !figures.includes('bp-num'), `figures: ${figures}`);
  assert.deepEqual(named(passage('tutorials/README.md', '### Pinned figures', /\n#/)), figures);
});
