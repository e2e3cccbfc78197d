// @ts-check
// The attributes of a widget whose network is the engine's seeded example (`./tutor example`): layer sizes,
// activation, loss, batch, seed and initial scale, written once with each widget's own defaults, and read back
// into the engine's example choices. <bp-tensor-graph> and <bp-grad-norms> declare them.

/** @typedef {import('./declaration.js').AttributeDeclaration} AttributeDeclaration */

/**
 * The six declarations with these defaults. @param {{layers: string, activation: string, loss: string, batch: string}} defaults
 * @returns {AttributeDeclaration[]}
 */
export function exampleAttributes(defaults) {
  return [
    { name: 'layers', type: 'string', default: defaults.layers, maxLength: 64,
      doc: 'Layer sizes, inputs first, joined by dashes (2 to {limits.tensor.layers}+1 sizes, each at most {limits.tensor.units}); the weights are the engine’s seeded example.' },
    { name: 'activation', type: 'string', default: defaults.activation, maxLength: 32, doc: 'The hidden layers’ activation: {activations}.' },
    { name: 'loss', type: 'string', default: defaults.loss, maxLength: 32, doc: 'One of {losses}.' },
    { name: 'batch', type: 'integer', default: defaults.batch, min: 1, doc: 'Examples in the batch, 1 to {limits.tensor.batch}: each is one row of every matrix.' },
    { name: 'seed', type: 'integer', default: '1', min: 0, doc: 'Seeds the weights, the inputs and the targets.' },
    { name: 'init-scale', type: 'number', default: '1', min: 0, doc: 'Multiplies the Glorot range of the initial weights (at most {limits.tensor.init_scale}).' },
  ];
}

/** The engine's example choices from those attributes. @param {(name: string) => unknown} attr the widget's typed reader
 * @returns {import('../../engine/network.js').ExampleChoices} */
export const exampleChoices = (attr) => ({
  layers: String(attr('layers')), activation: String(attr('activation')), loss: String(attr('loss')),
  batch: Number(attr('batch')), seed: Number(attr('seed')), init_scale: Number(attr('init-scale')),
});
