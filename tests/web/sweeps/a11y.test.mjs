// The accessibility audit: axe-core's WCAG 2.0 and 2.1 A and AA rules (axe-audit.mjs) on every page of the site
// (site-pages.mjs), in light and in dark, inside the widgets' shadow roots too (axe walks open shadow roots). A
// violation fails its page with one readable line per element. Violations inside a widget are reported the same way, never
// excluded: they are fixed in the widget's own folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from '../harness.mjs';
import { SITE_PAGES } from '../site-pages.mjs';
import { auditLines } from '../axe-audit.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

for (const page of SITE_PAGES) {
  test(`${page.name}: no WCAG 2.1 A/AA violations in light or dark`, async () => {
    const tab = await site.open(page.path, { colorScheme: 'light' });
    await page.ready(tab);
    const lines = [];
    // One load, both themes: the page follows the system (theme "auto"), so switching the emulated scheme
    // recolours every token in place.
    for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
      await tab.emulateMedia({ colorScheme });
      await tab.waitForFunction((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, colorScheme === 'dark');
      lines.push(...(await auditLines(tab)).map((line) => `${colorScheme}: ${line}`));
    }
    await tab.context().close();
    assert.equal(lines.length, 0, `${lines.length} violation(s) on ${page.path}:\n  ${lines.join('\n  ')}`);
  });
}
