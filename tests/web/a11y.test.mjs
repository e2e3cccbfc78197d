// The accessibility audit: axe-core's WCAG 2.0 and 2.1 A and AA rules on every page of the site (site-pages.mjs),
// in light and in dark, inside the widgets' shadow roots too (axe walks open shadow roots). A violation fails its
// page with one readable line per element: rule, target (a shadow path is written `host >>> inner`), summary, and
// for contrast the two colours and their ratio. Violations inside a widget are reported the same way, never
// excluded: they are fixed in the widget's own folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { startSite } from './harness.mjs';
import { SITE_PAGES } from './site-pages.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

/** @param {unknown} target an axe target: a selector, or a list of selectors through shadow roots */
const path = (target) => (Array.isArray(target) ? target.map(path).join(' >>> ') : String(target));

/** One line per offending element. @param {import('axe-core').Result[]} violations */
export function describe(violations) {
  return violations.flatMap((rule) => rule.nodes.map((node) => {
    const contrast = node.any.find((check) => check.id === 'color-contrast')?.data;
    const colours = contrast ? ` [${contrast.fgColor} on ${contrast.bgColor}: ${contrast.contrastRatio}, needs ${contrast.expectedContrastRatio}]` : '';
    const summary = (node.failureSummary ?? rule.help).replace(/\s*\n\s*/g, ' ');
    return `${rule.id} (${rule.impact}) at ${path(node.target)}${colours}: ${summary}`;
  }));
}

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
      const results = await new AxeBuilder({ page: tab }).withTags(TAGS).analyze();
      lines.push(...describe(results.violations).map((line) => `${colorScheme}: ${line}`));
    }
    await tab.context().close();
    assert.equal(lines.length, 0, `${lines.length} violation(s) on ${page.path}:\n  ${lines.join('\n  ')}`);
  });
}
