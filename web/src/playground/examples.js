// @ts-check
// The playground's ready examples, each from a seed post: cs231n's (x+y)z and its sigmoid neuron and gate-pattern
// circuit (seed 000), and the apple shop with and without oranges (seed 004). Inputs as the posts give them.

/** @type {Record<string, {expr: string, values: Record<string, string>}>} */
export const EXAMPLES = {
  cs231n: { expr: '(x+y)*z', values: { x: '-2', y: '5', z: '-4' } },
  neuron: { expr: '1/(1+exp(-(w0*x0+w1*x1+w2)))', values: { w0: '2', x0: '-1', w1: '-3', x1: '-2', w2: '-3' } },
  gates: { expr: '2*(x*y+max(z,w))', values: { x: '3', y: '-4', z: '2', w: '-1' } },
  apples: { expr: 'apple*apple_num*tax', values: { apple: '100', apple_num: '2', tax: '1.1' } },
  fruit: {
    expr: '(apple*apple_num + orange*orange_num)*tax',
    values: { apple: '100', apple_num: '2', orange: '150', orange_num: '3', tax: '1.1' },
  },
};

export const DEFAULT_EXAMPLE = 'cs231n';
