// @ts-check
// The two attributes every formula widget declares, written once: the formula in the engine's language and its
// input values. A widget adds them to its declaration table (`attributes: [EXPR, VALUES, ...]`).

/** @type {import('./declaration.js').AttributeDeclaration} */
export const EXPR = Object.freeze({
  name: 'expr', type: 'string', default: '',
  doc: 'The formula: + - * / ^, the functions {functions}, and definitions such as q = x+y; q*z. At most {limits.formula.length} characters.',
});

/** @type {import('./declaration.js').AttributeDeclaration} */
export const VALUES = Object.freeze({ name: 'values', type: 'values', default: '', doc: 'Input values, e.g. x=-2, y=5, z=-4.' });
