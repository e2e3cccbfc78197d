// The accessibility audit the browser tests share: axe-core's WCAG 2.0 and 2.1 A and AA rules on a page, open
// shadow roots included, reported as one readable line per offending element: rule, target (a shadow path is
// written `host >>> inner`), summary, and for contrast the two colours and their ratio.
import { AxeBuilder } from '@axe-core/playwright';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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

/** The violations on `page` as lines (empty: none). @param {import('playwright-core').Page} page */
export async function auditLines(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return describe(results.violations);
}
