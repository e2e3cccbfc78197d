// Shared by the embed browser tests and the embed benchmark: the strict CSP the issue names, a recorder for CSP
// violations (installed before any page script runs), and helpers that start lazy widgets by scrolling and read a
// bp-graph's leaf gradients, and one that adds a widget to a page. Asserts nothing.

import fs from 'node:fs';
import { repoRoot } from './harness.mjs';

/** The iframe form's widget names, as the registry finds them: every web/src/widgets/bp-NAME/bp-NAME.js. */
export const WIDGET_NAMES = fs.readdirSync(`${repoRoot}/web/src/widgets`)
  .filter((folder) => folder.startsWith('bp-') && fs.existsSync(`${repoRoot}/web/src/widgets/${folder}/${folder}.js`))
  .map((folder) => folder.slice(3)).sort();

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** For startSite's open(..., {initScript}): records `securitypolicyviolation` events into window.__violations. */
export function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
}

export const violations = (page) => page.evaluate(() => window.__violations ?? ['(recorder missing)']);

/** Scrolls every widget matching `selector` into view in turn (they start lazily) and waits until all are ready. */
export async function startAll(page, selector) {
  const widgets = page.locator(selector);
  const count = await widgets.count();
  for (let i = 0; i < count; i++) {
    await widgets.nth(i).scrollIntoViewIfNeeded();
    await widgets.nth(i).and(page.locator('[data-ready="true"]')).waitFor();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return count;
}

/** {leafName: gradient text} of one bp-graph (locator). */
export const leafGrads = (graph) => graph.locator('[data-node-id].leaf').evaluateAll((nodes) =>
  Object.fromEntries(nodes.map((n) => [n.dataset.label, n.dataset.grad])));

/**
 * Adds `<tag attrs>` to the page's <main> (attributes set as data, never markup), scrolls it into view so it starts,
 * waits until it is ready and returns its locator.
 * @param {import('playwright-core').Page} page @param {string} tag @param {Record<string, string>} attrs
 */
export async function addWidget(page, tag, attrs) {
  const id = await page.evaluate(({ tag, attrs }) => {
    const element = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
    element.id = `w${document.querySelectorAll('[id^=w]').length}`;
    document.querySelector('main').append(element);
    element.scrollIntoView();
    return element.id;
  }, { tag, attrs });
  const locator = page.locator(`#${id}`);
  await locator.and(page.locator('[data-ready="true"]')).waitFor();
  return locator;
}
