// `./tutor bench`, graph stepper part: in headless Chromium, how long <bp-graph> takes to parse, differentiate, lay
// out (layout.js, its own expression-graph layout) and draw a generated formula of about 300 nodes, and how long
// one step takes to update the drawing.
// Targets (issue 3): under 100 ms to the first frame, under 16 ms a step; also a lesson-size graph. One JSON line
// per measure with its ratio to the budget (below 1 is within it). Best of 5 runs after a warm-up, with the median
// and the machine's load beside it: on a shared machine the best run is the figure, the median says how noisy it was.
import os from 'node:os';
import { startSite } from '../web/harness.mjs';

// tanh(w_i·x_(i mod 8) + b_(i mod 5)) summed over 60 terms: 73 inputs, 240 operations, 313 nodes; shared x and b
// make fan-outs, so the backward pass has sums to show too.
const TERMS = 60;
const expr = Array.from({ length: TERMS }, (_, i) => `tanh(w${i}*x${i % 8} + b${i % 5})`).join(' + ');
const names = [...Array.from({ length: TERMS }, (_, i) => `w${i}`), ...Array.from({ length: 8 }, (_, i) => `x${i}`),
  ...Array.from({ length: 5 }, (_, i) => `b${i}`)];
const values = names.map((name, i) => `${name}=${((i % 7) - 3) / 10}`).join(', ');
// And a graph of the size the lessons draw: cs231n's sigmoid neuron (17 nodes).
const NEURON = { expr: '1/(1+exp(-(w0*x0+w1*x1+w2)))', values: 'w0=2, x0=-1, w1=-3, x1=-2, w2=-3' };

const site = await startSite();
try {
  const page = await site.open('/playground.html?lang=en&expr=x');
  await page.waitForSelector('bp-graph[data-ready="true"]');
  const measure = (formula) => page.evaluate(async ({ expr, values }) => {
    const graph = /** @type {any} */ (document.querySelector('bp-graph'));
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const ready = () => new Promise((resolve) => graph.addEventListener('bp-graph-ready', resolve, { once: true }));
    const runs = [];
    for (let run = 0; run < 6; run++) {  // run 0 warms up (JIT, fonts)
      graph.setAttribute('values', values);
      const start = performance.now();
      const done = ready();
      graph.setAttribute('expr', run % 2 ? `${expr} + 0` : expr);  // a new formula each run: a full redraw
      const event = await done;
      const drawn = performance.now();
      graph.shadowRoot.querySelector('svg.graph').getBoundingClientRect();  // force style and layout
      await nextFrame();
      const framed = performance.now();
      const stepTimes = [];
      graph.step = 0;
      for (let i = 0; i < graph.stepCount; i++) {
        const t0 = performance.now();
        graph.next();
        graph.shadowRoot.querySelector('svg.graph').getBoundingClientRect();
        stepTimes.push(performance.now() - t0);
      }
      stepTimes.sort((a, b) => a - b);
      runs.push({ nodes: event.detail.nodes, steps: event.detail.steps, drawMs: drawn - start, firstFrameMs: framed - start,
        stepMedianMs: stepTimes[Math.floor(stepTimes.length / 2)], stepP95Ms: stepTimes[Math.floor(stepTimes.length * 0.95)],
        stepMaxMs: stepTimes.at(-1) });
    }
    return runs.slice(1);
  }, formula);
  for (const [name, formula] of [['neuron', NEURON], ['generated', { expr, values }]]) report(name, await measure(formula));
  if (page.problems.length) throw new Error(page.problems.join('\n'));
} finally {
  await site.close();
}

/** Prints the JSON lines and the summary of one formula's runs. @param {string} name @param {any[]} result */
function report(name, result) {
  const best = (key) => Math.min(...result.map((run) => run[key]));
  const median = (key) => result.map((run) => run[key]).sort((a, b) => a - b)[Math.floor(result.length / 2)];
  const load = Number(os.loadavg()[0].toFixed(2));
  const figures = {
    nodes: result[0].nodes, steps: result[0].steps,
    draw_ms: best('drawMs'), first_frame_ms: best('firstFrameMs'),
    step_median_ms: best('stepMedianMs'), step_p95_ms: best('stepP95Ms'), step_max_ms: best('stepMaxMs'),
  };
  const budgets = { first_frame_ms: 100, step_p95_ms: 16 };
  for (const [measure, budget] of Object.entries(budgets)) {
    console.log(JSON.stringify({ bench: 'graph-stepper', formula: name, measure, value: Number(figures[measure].toFixed(2)), budget,
      ratio_to_budget: Number((figures[measure] / budget).toFixed(3)), median: Number(median(measure === 'first_frame_ms' ? 'firstFrameMs' : 'stepP95Ms').toFixed(2)),
      load, nodes: figures.nodes, steps: figures.steps }));
  }
  console.log(`\ngraph stepper, ${figures.nodes} nodes, ${figures.steps} steps (best of ${result.length} runs, headless Chromium, load ${load})`);
  console.log(`  parse + differentiate + layout + draw  ${figures.draw_ms.toFixed(1)} ms`);
  console.log(`  ... to the first frame                 ${figures.first_frame_ms.toFixed(1)} ms   (budget 100 ms: ${(figures.first_frame_ms / 100).toFixed(2)}×; median ${median('firstFrameMs').toFixed(1)})`);
  console.log(`  one step, median / p95 / max           ${figures.step_median_ms.toFixed(2)} / ${figures.step_p95_ms.toFixed(2)} / ${figures.step_max_ms.toFixed(2)} ms   (budget 16 ms: ${(figures.step_p95_ms / 16).toFixed(2)}×; median p95 ${median('stepP95Ms').toFixed(2)})\n`);
}
