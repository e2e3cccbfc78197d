// The training page's address (web/src/train/state.js): a full state round-trips, every bad parameter falls back
// to its default with a note naming it, and the trainer config follows the settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readState as readWith, writeState, defaultState, trainerConfig, trainChoices } from '../../web/src/train/state.js';
import { loadEngine } from './load-engine.mjs';

// The page reads its menus and ranges from the engine's capabilities.
const choices = trainChoices((await loadEngine()).capabilities());
/** @param {string} search */
const readState = (search) => readWith(search, choices);

test('a state survives the trip through its address, seed and clicked points included', () => {
  const state = { ...defaultState(), dataset: 'moons', noise: 0.2, test: 0.3, layers: [8, 4, 2], activation: 'relu',
    lr: 0.03, batch: 32, reg: 'l1', regRate: 0.01, optimizer: 'adam', seed: 4242, points: [[0.5, -0.25, 1], [-1, 1, 0]], hide: ['data', 'network'] };
  const search = writeState(state, 'zh-CN');
  const back = readState(search);
  assert.deepEqual(back.notes, []);
  assert.deepEqual(back.state, state);
  assert.equal(new URLSearchParams(search).get('lang'), 'zh-CN');
  // Defaults stay out of the link.
  assert.equal(writeState(defaultState(), 'en'), '?lang=en');
  assert.deepEqual(readState('?hide=all').state.hide, ['data', 'network', 'training']);
});

test('every bad parameter falls back to its default and is named in a note', () => {
  const cases = { data: 'spirals', noise: '2', test: '0.95', layers: '16,0', act: 'softplus', lr: '-1', batch: '1.5',
    reg: 'l3', rate: 'x', opt: 'nesterov', seed: '-3', pts: '0.1,0.2', hide: 'everything' };
  for (const [param, value] of Object.entries(cases)) {
    const { state, notes } = readState(`?${new URLSearchParams({ [param]: value })}`);
    assert.deepEqual(notes, [{ param, value }], param);
    assert.deepEqual(state, defaultState(), param);
  }
  assert.deepEqual(readState('?layers=' + '4,'.repeat(7) + '4').notes.map((n) => n.param), ['layers']);
  assert.deepEqual(readState('?layers=40').notes.map((n) => n.param), ['layers']);
  assert.deepEqual(readState('?pts=0.1,0.2,5').notes.map((n) => n.param), ['pts'], 'class 5 on a 3-class spiral');
  assert.deepEqual(readState('?lr=1e400').notes.map((n) => n.param), ['lr']);
  assert.deepEqual(readState('?layers=').state.layers, []);
});

test('the trainer config follows the settings and halts on divergence', () => {
  const config = trainerConfig({ ...defaultState(), reg: 'l2', regRate: 0.5, points: [[0.1, 0.2, 2]], test: 0.2 });
  assert.equal(config.l2, 0.5);
  assert.equal(config.l1, undefined);
  assert.deepEqual(config.extra, { x: [0.1, 0.2], y: [2] });
  assert.equal(config.halt_on_divergence, true);
  assert.equal(config.test_fraction, 0.2);
  assert.equal(trainerConfig({ ...defaultState(), dataset: 'digits' }).noise, undefined);
});
