// `./tutor bench`, tensor stepper part: in headless Chromium, how long <bp-tensor-graph> takes from new attributes
// to its first frame for the default network (3-4-3, tanh, softmax cross-entropy, a batch of 4: the engine makes
// the seeded spec, runs it and records its step trace, and the widget draws), and how long one step takes to
// redraw (its cards, heat maps and KaTeX rule), steps taken 100 ms apart as a learner's clicks are (the widget
// typesets the next step's rule in that idle time). Budgets (issue 14): first frame 100 ms, step p95 16 ms. One JSON
// line per measure with its ratio to the budget (below 1 is within it); best of 5 runs after a warm-up.
import { startSite } from '../web/harness.mjs';

const site = await startSite();
try {
  const page = await site.open('/embed.html?widget=tensor-graph&lang=en');
  await page.waitForSelector('bp-tensor-graph[data-ready="true"]');
  const runs = await page.evaluate(async () => {
    const widget = /** @type {any} */ (document.querySelector('bp-tensor-graph'));
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const ready = () => new Promise((resolve) => widget.addEventListener('bp-tensor-graph-ready', resolve, { once: true }));
    const result = [];
    for (let run = 0; run < 6; run++) {  // run 0 warms up (JIT, fonts, KaTeX)
      const start = performance.now();
      const done = ready();
      widget.setAttribute('seed', String(run + 1));  // a new network each run: a new trace and a full redraw
      await done;
      widget.shadowRoot.querySelector('.box').getBoundingClientRect();  // force style and layout
      await nextFrame();
      const firstFrame = performance.now() - start;
      const steps = [];
      widget.step = 0;
      for (let i = 0; i < widget.stepCount; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));  // a learner's clicks are this far apart at least
        const t0 = performance.now();
        widget.next();
        widget.shadowRoot.querySelector('.box').getBoundingClientRect();
        steps.push(performance.now() - t0);
      }
      steps.sort((a, b) => a - b);
      result.push({ firstFrame, p95: steps[Math.min(steps.length - 1, Math.floor(steps.length * 0.95))], median: steps[Math.floor(steps.length / 2)], steps: steps.length });
    }
    return result.slice(1);
  });
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  const best = (key) => Math.min(...runs.map((run) => run[key]));
  const median = (key) => runs.map((run) => run[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const figures = { first_frame_ms: [best('firstFrame'), median('firstFrame'), 100], step_p95_ms: [best('p95'), median('p95'), 16] };
  for (const [measure, [value, med, budget]] of Object.entries(figures)) {
    console.log(JSON.stringify({ bench: 'tensor-stepper', network: '3-4-3 tanh softmax_cross_entropy batch 4', measure,
      value: Number(value.toFixed(2)), median: Number(med.toFixed(2)), budget, ratio_to_budget: Number((value / budget).toFixed(3)), steps: runs[0].steps }));
  }
  console.log(`\ntensor stepper, default network, ${runs[0].steps} steps (best / median of ${runs.length} runs, headless Chromium)`);
  console.log(`  example spec + trace + draw to the first frame  ${best('firstFrame').toFixed(1)} / ${median('firstFrame').toFixed(1)} ms   (budget 100 ms: ${(best('firstFrame') / 100).toFixed(2)}×)`);
  console.log(`  one step, p95                                   ${best('p95').toFixed(2)} / ${median('p95').toFixed(2)} ms   (budget 16 ms: ${(best('p95') / 16).toFixed(2)}×)\n`);
} finally {
  await site.close();
}
