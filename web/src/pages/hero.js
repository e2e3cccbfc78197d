// @ts-check
// The home page's live hero: a <bp-graph> that steps by itself (forward, then backward, a pause on the finished
// graph, then again) until the reader takes over: a pointer, a key or focus inside it stops the autoplay, and the
// toggle button pauses or resumes it. Under prefers-reduced-motion it starts paused. Steps only while in view.
// Uses the widget's public API (next, reset, step, stepCount, bp-graph-ready); no numbers of its own.

const INTERVAL_MS = 1600;
const HOLD_TICKS = 3;  // ticks the finished graph stays on screen before starting again

/**
 * @param {import('../widgets/bp-graph/bp-graph.js').BpGraph} graph
 * @param {HTMLButtonElement} toggle its label follows the state through `labels`
 * @param {(playing: boolean) => void} labels writes the toggle's text for the state
 */
export function startHero(graph, toggle, labels) {
  let playing = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  let visible = false, ready = false, held = 0;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let timer;

  const tick = () => {
    if (graph.step < graph.stepCount) return void graph.next();
    if (++held > HOLD_TICKS) { held = 0; graph.reset(); }
  };
  const sync = () => {
    const run = playing && visible && ready;
    if (run && timer === undefined) timer = setInterval(tick, INTERVAL_MS);
    if (!run && timer !== undefined) { clearInterval(timer); timer = undefined; }
    graph.dataset.autoplay = String(playing);
    labels(playing);
  };
  const takeOver = () => { if (playing) { playing = false; sync(); } };

  for (const type of ['pointerdown', 'keydown', 'focusin']) graph.addEventListener(type, takeOver);
  toggle.addEventListener('click', () => { playing = !playing; sync(); });
  graph.addEventListener('bp-graph-ready', () => { ready = true; sync(); });
  new IntersectionObserver((entries) => { visible = entries.some((entry) => entry.isIntersecting); sync(); }).observe(graph);
  sync();
}
