// @ts-check
// Loss and accuracy curves for the training and test rows, drawn by Chart.js (two small line charts, step on the
// x axis). The page hands in the points each snapshot brings and redraws when it likes; the charts keep at most MAX points by dropping every other
// one when full, so a long run still shows its whole history. Colours are the page's text tokens (training solid,
// test dashed: not the value/gradient pair, which means something else). Drawing only: the numbers come from the engine.
import { Chart, LineController, LineElement, PointElement, LinearScale, Legend, Tooltip } from 'chart.js';
import { rgb } from './colors.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);
const MAX = 400;

/**
 * @param {HTMLCanvasElement} lossCanvas @param {HTMLCanvasElement} accuracyCanvas
 * @param {{loss: string, accuracy: string, train: string, test: string, step: string}} labels
 * @param {import('./colors.js').Palette} palette
 */
export function createCurves(lossCanvas, accuracyCanvas, labels, palette) {
  const fg = rgb(palette.fg), grid = `rgba(${palette.fg.join(',')}, 0.15)`;
  /** @param {HTMLCanvasElement} canvas @param {string} title @param {object} y */
  const make = (canvas, title, y) => new Chart(canvas, {
    type: 'line',
    data: { datasets: [
      { label: labels.train, data: [], borderColor: fg, backgroundColor: fg, borderWidth: 2, pointRadius: 0 },
      { label: labels.test, data: [], borderColor: fg, backgroundColor: fg, borderWidth: 1.5, pointRadius: 0, borderDash: [5, 3] },
    ] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      plugins: { legend: { labels: { color: fg, boxWidth: 14 } }, title: { display: false },
        tooltip: { mode: 'index', intersect: false } },
      scales: {
        x: { type: 'linear', title: { display: true, text: labels.step, color: fg }, ticks: { color: fg, maxTicksLimit: 6 }, grid: { color: grid } },
        y: { title: { display: true, text: title, color: fg }, ticks: { color: fg, maxTicksLimit: 5 }, grid: { color: grid }, ...y },
      },
    },
  });
  const loss = make(lossCanvas, labels.loss, { beginAtZero: true });
  const accuracy = make(accuracyCanvas, labels.accuracy, { min: 0, max: 1 });

  /** @param {Chart} chart @param {number} step @param {number} train @param {number} test */
  const push = (chart, step, train, test) => {
    const [a, b] = chart.data.datasets;
    const last = /** @type {{x: number}[]} */ (a.data).at(-1);
    if (last && last.x === step) return;
    a.data.push(/** @type {any} */ ({ x: step, y: Number.isFinite(train) ? train : null }));
    b.data.push(/** @type {any} */ ({ x: step, y: Number.isFinite(test) ? test : null }));
    if (a.data.length > MAX) for (const set of chart.data.datasets) set.data = set.data.filter((_, i) => i % 2 === 0);
  };

  return {
    /** Points in, nothing drawn yet. @param {ArrayLike<number>} history 5 numbers a point: step, train loss, train
     * accuracy, test loss, test accuracy @param {boolean} hasTest */
    add(history, hasTest) {
      for (let k = 0; k + 4 < history.length; k += 5) {
        if (history[k] === 0) continue;
        push(loss, history[k], history[k + 1], hasTest ? history[k + 3] : NaN);
        push(accuracy, history[k], history[k + 2], hasTest ? history[k + 4] : NaN);
      }
    },
    draw() {
      loss.update('none');
      accuracy.update('none');
    },
    /** New names for the axes and series (the language changed). @param {typeof labels} next */
    relabel(next) {
      for (const [chart, title] of /** @type {[Chart, string][]} */ ([[loss, next.loss], [accuracy, next.accuracy]])) {
        chart.data.datasets[0].label = next.train;
        chart.data.datasets[1].label = next.test;
        const scales = /** @type {any} */ (chart.options.scales);
        scales.x.title.text = next.step;
        scales.y.title.text = title;
        chart.update('none');
      }
    },
    /** The theme changed: text, lines and grid in the new colours. @param {import('./colors.js').Palette} next */
    recolor(next) {
      const color = rgb(next.fg), gridColor = `rgba(${next.fg.join(',')}, 0.15)`;
      for (const chart of [loss, accuracy]) {
        for (const set of chart.data.datasets) { set.borderColor = color; set.backgroundColor = color; }
        const options = /** @type {any} */ (chart.options);
        options.plugins.legend.labels.color = color;
        for (const axis of [options.scales.x, options.scales.y]) {
          axis.title.color = color; axis.ticks.color = color; axis.grid.color = gridColor;
        }
        chart.update('none');
      }
    },
    clear() {
      for (const chart of [loss, accuracy]) {
        for (const set of chart.data.datasets) set.data = [];
        chart.update('none');
      }
    },
  };
}
