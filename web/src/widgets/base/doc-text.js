// @ts-check
// A declaration's doc text may name what the engine knows instead of copying it: {activations}, {losses},
// {optimizers}, {datasets2d} (the generated 2-D data sets), {functions} (the formula language's named functions),
// {unary} (those of one argument) and {limits.GROUP.NAME}. docText fills them from the engine's capabilities, so
// the docs page (and the package's manifest) always list what the engine in hand offers. Text only.

/** @typedef {import('../../engine/capabilities.js').Capabilities} Capabilities */

/** @param {Readonly<Capabilities>} caps @returns {Record<string, () => string>} */
const lists = (caps) => ({
  activations: () => caps.activations.map((a) => a.name).join(', '),
  losses: () => caps.losses.map((l) => l.name).join(', '),
  optimizers: () => caps.optimizers.map((o) => o.name).join(', '),
  datasets2d: () => caps.datasets.filter((d) => d.source === 'generated' && d.inputs === 2).map((d) => d.name).join(', '),
  functions: () => caps.scalar_ops.filter((op) => op.function).map((op) => op.name).join(' '),
  unary: () => caps.scalar_ops.filter((op) => op.function && op.arity === 1).map((op) => op.name).join(', '),
});

/**
 * The doc with its placeholders filled in (an unknown one is left as written, so a typo shows).
 * @param {string} doc @param {Readonly<Capabilities>} caps
 */
export function docText(doc, caps) {
  const named = lists(caps);
  return doc.replace(/\{([a-z0-9_.]+)\}/gi, (whole, key) => {
    if (key in named) return named[key]();
    if (!key.startsWith('limits.')) return whole;
    /** @type {unknown} */
    let value = caps;
    for (const part of key.split('.')) value = value && typeof value === 'object' ? /** @type {Record<string, unknown>} */ (value)[part] : undefined;
    return typeof value === 'number' ? value.toLocaleString('en') : whole;
  });
}
