// @ts-check
// What the engine says it can do (src/core/wire/capabilities.cpp): ops, activations, losses, optimisers, datasets,
// limits, the leaky-ReLU slope and the learning-rate ladder, parsed once and frozen. Pages and widgets read their
// menus and ranges from here instead of keeping copies. Parsing only: no DOM, no math.

/**
 * @typedef {{name: string, symbol: string, arity: 0|1|2, pattern: string, function: boolean, latex: string,
 *   rule_latex: string[]}} ScalarOpInfo
 *   latex: the op applied to operands a and b (`a \cdot b`); rule_latex: ∂f/∂a (and ∂f/∂b), output named f;
 *   function: the formula language calls it by name, `exp(x)`
 * @typedef {{name: string, label: string, latex: string}} ActivationInfo  label: plain text for a menu
 * @typedef {{name: string}} LossInfo
 * @typedef {{type: string, lr: number, momentum?: number, beta1?: number, beta2?: number, eps?: number}} OptimizerDefaults
 * @typedef {{name: string, defaults: OptimizerDefaults}} OptimizerInfo
 * @typedef {{name: string, source: 'generated'|'file'|'given', inputs: number|null, classes: number|null,
 *   min_classes?: number, max_classes?: number}} DatasetInfo
 *   source "given": a config's own data ("custom"), whose sizes are the caller's (null here)
 * @typedef {{length: number, depth: number, nodes: number}} FormulaLimits
 * @typedef {{layers: number, units: number, samples: number}} NetworkLimits  the drawn network (<bp-network>)
 * @typedef {{hidden_layers: number, units: number, min_samples: number, max_samples: number, batch_size: number,
 *   noise: number, penalty: number, test_fraction: number, extra_points: number, seed: number,
 *   learning_rate: number}} TrainerLimits
 * @typedef {{batch: number, layers: number, units: number, init_scale: number}} TensorLimits  the tensor stepper
 *   (<bp-tensor-graph>): rows of a batch, weight layers, units of a layer, the largest initial weight scale
 * @typedef {{min_logits: number, max_logits: number}} SoftmaxLimits  <bp-softmax>'s logits (engine.softmax)
 * @typedef {{max_steps: number}} DescentLimits  steps of one engine.descent request
 * @typedef {{formula: FormulaLimits, softmax: SoftmaxLimits, descent: DescentLimits, network: NetworkLimits,
 *   trainer: TrainerLimits, tensor: TensorLimits}} Limits
 * @typedef {{key: string, latex: string, params: string[]}} NoteInfo  a side note of the tensor rules: its key,
 *   the engine's English template ($name for each parameter) and the parameters it takes (web/src/i18n/tensor.js
 *   translates each key)
 * @typedef {{scalar_ops: ScalarOpInfo[], activations: ActivationInfo[], leaky_relu_slope: number,
 *   losses: LossInfo[], optimizers: OptimizerInfo[], datasets: DatasetInfo[], learning_rates: number[],
 *   limits: Limits, notes: NoteInfo[]}} Capabilities
 */

/** @template T @param {T} value @returns {Readonly<T>} */
function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * The capabilities of an instantiated engine module, parsed and frozen (callers share one object).
 * @param {import('./module').FormulaModule} Module @returns {Readonly<Capabilities>}
 */
export function readCapabilities(Module) {
  return deepFreeze(/** @type {Capabilities} */ (JSON.parse(Module.capabilities())));
}
