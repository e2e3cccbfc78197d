// Does the graph stepper fit? Every lesson step that holds a <bp-graph>, at a 360 px phone and at 1280 px: no
// sideways overflow of the page or of the widget, every graph of up to 40 nodes no wider than its box at both widths
// (only a bigger one may open in the pan-and-zoom box), and every text in the drawing at least 12 CSS px on screen
// (font size times the drawing's screen scale). Then a 300-node formula in the playground: it opens readable in a
// pan-and-zoom box, and +, −, Ctrl + wheel, Fit and the step-following work.
// Screenshots: build/screenshots/fit-*.png (a few of them also in dark mode).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, screenshotDir } from '../harness.mjs';
import { readLessons } from '../../node/lesson-files.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const WIDTHS = [360, 1280];
const DARK = new Set(['06-two-layer-network', '10-pooling-convolution']);  // a sample, also in dark mode

/** The lesson steps (1-based) whose text holds a <bp-graph>, from the lesson files. */
function graphSteps() {
  const found = [];
  for (const lesson of readLessons('en')) {
    lesson.body.split(/^## /m).slice(1).forEach((section, k) => {
      if (section.includes('<bp-graph')) found.push({ slug: lesson.slug, step: k + 1 });
    });
  }
  return found;
}

/** Measures every <bp-graph> of the current step: overflow, the drawing's box, the smallest text on screen. */
const measure = (page) => page.evaluate(() => {
  const root = document.documentElement;
  const graphs = [...document.querySelectorAll('.lesson-article[lang="en"] .step.is-current bp-graph')].map((graph) => {
    const shadow = /** @type {ShadowRoot} */ (graph.shadowRoot);
    const svg = /** @type {SVGSVGElement} */ (shadow.querySelector('svg.graph'));
    const box = /** @type {HTMLElement} */ (shadow.querySelector('.drawing'));
    const drawing = svg.getBoundingClientRect();
    const room = box.getBoundingClientRect();
    const scale = /** @type {DOMMatrix} */ (svg.getScreenCTM()).a;
    let smallest = Infinity;
    let smallestText = '';
    for (const text of svg.querySelectorAll('text, tspan')) {
      if (!text.textContent?.trim()) continue;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < smallest) { smallest = size; smallestText = text.textContent; }
    }
    return {
      mode: /** @type {any} */ (graph).drawing?.mode,
      nodes: /** @type {any} */ (graph).report?.nodes.length ?? 0,
      widgetOverflow: graph.scrollWidth - graph.clientWidth + box.scrollWidth - box.clientWidth,
      outside: Math.max(0, room.left - drawing.left, drawing.right - room.right),
      smallest, smallestText,
    };
  });
  return { pageOverflow: root.scrollWidth - root.clientWidth, graphs };
});

for (const width of WIDTHS) {
  test(`every lesson graph fits at ${width} px with text of at least 12 px`, async () => {
    const problems = [];
    let views = 0;
    for (const { slug, step } of graphSteps()) {
      for (const scheme of DARK.has(slug) ? ['light', 'dark'] : ['light']) {
        const page = await site.open(`/lessons/${slug}.html?lang=en&step=${step}`, { width, height: 900, colorScheme: scheme });
        await page.locator('main[data-ready="true"]').waitFor();
        const graphs = page.locator('.lesson-article[lang="en"] .step.is-current bp-graph');
        for (let i = 0; i < await graphs.count(); i++) {
          await graphs.nth(i).scrollIntoViewIfNeeded();  // a graph starts when it comes into view
          await page.waitForFunction((el) => el.dataset.ready === 'true' && el.shadowRoot.querySelector('svg.graph'), await graphs.nth(i).elementHandle());
        }
        const seen = await measure(page);
        const where = `${slug} step ${step} at ${width} px${scheme === 'dark' ? ' (dark)' : ''}`;
        if (seen.pageOverflow > 0) problems.push(`${where}: the page scrolls sideways by ${seen.pageOverflow} px`);
        seen.graphs.forEach((graph, i) => {
          views++;
          if (graph.widgetOverflow > 0) problems.push(`${where}, graph ${i + 1}: the widget scrolls sideways by ${graph.widgetOverflow} px`);
          if (!graph.mode?.pan && graph.outside > 0.5) problems.push(`${where}, graph ${i + 1}: the drawing sticks out of its box by ${graph.outside.toFixed(1)} px`);
          // A graph of up to 40 nodes fits its box, on a phone too (issue 13).
          if (graph.mode?.pan && graph.nodes <= 40) problems.push(`${where}, graph ${i + 1}: a ${graph.nodes}-node graph needs panning`);
          if (graph.smallest < 12) problems.push(`${where}, graph ${i + 1}: "${graph.smallestText}" is ${graph.smallest.toFixed(1)} px on screen`);
        });
        await page.locator('.lesson-article[lang="en"] .step.is-current').screenshot({ path: `${screenshotDir}/fit-${slug}-step${step}-${width}${scheme === 'dark' ? '-dark' : ''}.png` });
        assert.deepEqual(page.problems, [], where);
        await page.context().close();
      }
    }
    assert.ok(views >= 18, `found ${views} lesson graphs`);
    assert.deepEqual(problems, []);
  });
}

// 60 tanh terms over shared inputs: the benchmark's 313-node formula.
const TERMS = 60;
const BIG = Array.from({ length: TERMS }, (_, i) => `tanh(w${i}*x${i % 8} + b${i % 5})`).join(' + ');
const BIG_VALUES = [...Array.from({ length: TERMS }, (_, i) => `w${i}`), ...Array.from({ length: 8 }, (_, i) => `x${i}`),
  ...Array.from({ length: 5 }, (_, i) => `b${i}`)].map((name, i) => `${name}=${((i % 7) - 3) / 10}`).join('&');

for (const width of WIDTHS) {
  test(`a 313-node formula opens readable at ${width} px, and pans and zooms`, async () => {
    const page = await site.open(`/playground.html?lang=en&expr=${encodeURIComponent(BIG)}&${BIG_VALUES}`, { width, height: 900 });
    await page.locator('bp-graph').scrollIntoViewIfNeeded();  // below 73 input rows: it starts when scrolled to
    await page.waitForSelector('bp-graph[data-ready="true"] svg.graph');
    const graph = page.locator('bp-graph');
    const state = () => graph.evaluate((el) => {
      const svg = el.shadowRoot.querySelector('svg.graph');
      const box = el.shadowRoot.querySelector('.viewport').getBoundingClientRect();
      const scale = svg.getScreenCTM().a;
      const current = el.shadowRoot.querySelector('.node.current')?.getBoundingClientRect();
      const inView = current ? current.left >= box.left && current.right <= box.right && current.top >= box.top && current.bottom <= box.bottom : null;
      return { mode: el.drawing.mode, scale, label: parseFloat(getComputedStyle(svg.querySelector('.wire-value')).fontSize) * scale,
        inView, level: el.shadowRoot.querySelector('.zoom-level').textContent,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });
    const start = await state();
    assert.equal(start.mode.pan, true, 'a 313-node graph pans and zooms');
    assert.ok(start.label >= 12, `labels are ${start.label} px at the start`);
    assert.ok(start.overflow <= 0, 'the page does not scroll sideways');
    assert.ok(await page.locator('bp-graph .overview').count() === 1, 'there is an overview');
    await graph.screenshot({ path: `${screenshotDir}/fit-big-${width}-open.png` });

    // + and − keys (the widget focused), the buttons, Ctrl + wheel.
    await graph.focus();
    await page.keyboard.press('+');
    const zoomedIn = await state();
    assert.ok(zoomedIn.scale > start.scale * 1.2, `+ zooms in (${start.scale} → ${zoomedIn.scale})`);
    await page.keyboard.press('-');
    assert.ok(Math.abs((await state()).scale - start.scale) < 0.01, '− zooms back out');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    assert.ok((await state()).scale > start.scale * 1.2, 'the Zoom in button zooms in');
    await page.getByRole('button', { name: 'Zoom out' }).click();
    const viewport = page.locator('bp-graph .viewport');
    const rect = await viewport.boundingBox();
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    assert.ok((await state()).scale > start.scale * 1.5, 'Ctrl + wheel zooms in');
    await page.getByRole('button', { name: 'Fit' }).click();
    const fitted = await state();
    assert.ok(fitted.scale < start.scale, 'Fit shows the whole graph');
    await graph.screenshot({ path: `${screenshotDir}/fit-big-${width}-fit.png` });

    // Stepping keeps the current node in view, whatever the zoom.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    for (const step of [40, 200, 400, 700]) {
      await graph.evaluate((el, n) => { el.step = n; }, step);
      assert.equal((await state()).inView, true, `the current node of step ${step} is in view`);
    }
    await page.keyboard.press('0');  // 0 fits too
    assert.ok(Math.abs((await state()).scale - fitted.scale) < 0.01, 'the 0 key fits');
    await graph.screenshot({ path: `${screenshotDir}/fit-big-${width}-step700.png` });
    assert.deepEqual(page.problems, []);
  });
}
