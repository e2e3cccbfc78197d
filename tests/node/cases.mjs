// Shared inputs for the node tests: valid cases (from the seeds and the op list) and 50 malformed ones.

/** [formula, values] pairs that must evaluate; the CLI and the JS API must agree on each to 1e-12. */
export const VALID_CASES = [
  ['(x+y)*z', { x: -2, y: 5, z: -4 }],
  ['apple*apple_num*tax', { apple: 100, apple_num: 2, tax: 1.1 }],
  ['(apple*apple_num + orange*orange_num)*tax', { apple: 100, apple_num: 2, orange: 150, orange_num: 3, tax: 1.1 }],
  ['1/(1+exp(-(w0*x0+w1*x1+w2)))', { w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 }],
  ['sigmoid(w0*x0+w1*x1+w2)', { w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 }],
  ['2*(x*y+max(z,w))', { x: 3, y: -4, z: 2, w: -1 }],
  ['a + a', { a: 3 }],
  ['x*x + x*y', { x: 3, y: -2 }],
  ['x^y - x^3 + 2^-y', { x: 1.7, y: 2.5 }],
  ['tanh(a) * log(b) / abs(c) - min(a, relu(c))', { a: 0.3, b: 2.5, c: -1.25 }],
  ['-x^2', { x: 3 }],
  ['log(x) + 1/y', { x: -1, y: 0 }],
  ['1e-3 * x + .5', { x: '7' }],
];

/** Formulas that must be rejected with a message (and usually a column). */
const BAD_FORMULAS = [
  '', '   ', '(x+y)*z)', '(x+y', 'x +', '* x', 'x * * y', '2x', 'x y', 'foo(x)', 'exp', 'exp + 1', 'max(x)',
  'max(x, y, z)', 'exp(x, y)', 'exp()', '()', '(', ')', 'x,y', 'x ^', '^x', '1e999', '1.2.3', 'x $ y', 'x # y',
  'x + σ', 'x×y', '"x"', "'x'", 'x = 1', 'x;y', '[x]', '{x}', '((((x)))', 'x)', 'max(x,', 'max(,x)',
  '('.repeat(300) + 'x' + ')'.repeat(300), '-'.repeat(5000) + 'x', 'x'.repeat(5) + '+'.repeat(10001),
];

/** Values that must be rejected. */
const BAD_VALUES = [
  ['x', {}], ['x*y', { x: 1 }], ['x', { x: 'abc' }], ['x', { x: '' }], ['x', { x: '1e999' }], ['x', { x: 'NaN' }],
  ['x', { x: '0x10' }], ['x', { x: '2 ' }], ['x', { y: 1, x: 1 }],
];

export const MALFORMED_CASES = [...BAD_FORMULAS.map((f) => [f, { x: 1, y: 2, z: 3 }]), ...BAD_VALUES];
