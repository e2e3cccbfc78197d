// The site shell swept over every page (site-pages.mjs): the same top bar (only aria-current differs), one row at
// 360 px with touch-sized controls and no sideways scroll, screenshots at 1280 and 360 px in light and dark
// (build/screenshots/shell-*.png). The shell's journeys (theme toggle, language switch, hero) are in ../journeys/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, setColorScheme } from '../harness.mjs';
import { SITE_PAGES } from '../site-pages.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

/** The bar's markup with what may differ between pages taken out: the current mark and the path to the root. */
const barOf = (page) => page.evaluate(() => {
  const bar = document.querySelector('.bp-shell')?.cloneNode(true);
  if (!bar) return null;
  bar.querySelectorAll('[aria-current]').forEach((node) => node.removeAttribute('aria-current'));
  return bar.outerHTML.replace(/href="(\.\.\/|\.\/)/g, 'href="');
});

/** Each bar control's box, and the page's sideways overflow. */
const measure = (page) => page.evaluate(() => ({
  boxes: [...document.querySelectorAll('.bp-shell a, .bp-shell button')].filter((node) => node.getClientRects().length)
    .map((node) => { const r = node.getBoundingClientRect(); return { name: node.textContent.trim(), top: r.top, width: r.width, height: r.height }; }),
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
}));

test('every page wears the same bar, marks its own section, fits one row at 360 px; screenshots', async () => {
  let reference = null;
  for (const entry of SITE_PAGES) {
    for (const width of [1280, 360]) {
      const page = await site.open(entry.path, { width, height: 800, colorScheme: 'light' });
      await entry.ready(page);
      const bar = await barOf(page);
      if (entry.section === null) {
        assert.equal(bar, null, `${entry.name}: the iframe form stays chrome-free`);
      } else {
        reference ??= bar;
        assert.equal(bar, reference, `${entry.name}: the same bar as on ${SITE_PAGES[0].name}`);
        const marked = await page.locator('.bp-shell [aria-current]').evaluateAll((nodes) => nodes.map((n) => [n.dataset.section, n.getAttribute('aria-current')]));
        assert.deepEqual(marked, [[entry.section, entry.current]], `${entry.name}: current section`);
        const { boxes } = await measure(page);
        assert.equal(boxes.length, 7, `${entry.name}: five links, one language, one theme button`);
        for (const box of boxes) assert.ok(box.width >= 44 && box.height >= 44, `${entry.name} at ${width}: “${box.name}” is ${box.width}×${box.height}`);
        assert.equal(new Set(boxes.map((box) => Math.round(box.top))).size, 1, `${entry.name} at ${width}: one row`);
      }
      // Light, then dark in place (the theme is "auto": the tokens follow the system; canvases redraw on the event).
      for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
        await setColorScheme(page, colorScheme);
        assert.ok((await measure(page)).overflow <= 0, `${entry.name} at ${width}: no sideways scroll`);
        await site.screenshot(page, `shell-${entry.name}-${width}-${colorScheme}`);
      }
      assert.deepEqual(page.problems, [], entry.name);
      await page.context().close();
    }
  }
});
