// An in-page audit of what a reader sees of one lesson step (shadow roots included): content cut at a box's edge
// or the viewport's (a result behind a sideways scroll counts as cut), text under 12 px on screen (SVG text at its
// drawn size), and targets under 24×24 px (WCAG 2.2 2.5.8; links inside a sentence are exempt, as the rule allows).
// `auditStep` is self-contained: it is serialised into the page by page.evaluate.

/**
 * Runs in the page. Returns one finding per problem, as short strings naming the element.
 * @param {string} rootSelector the step's element
 * @returns {string[]}
 */
export function auditStep(rootSelector) {
  const root = document.querySelector(rootSelector);
  if (!root) return [`no ${rootSelector}`];
  const findings = [];
  const viewport = document.documentElement.clientWidth;
  /** Every element under `node`, through open shadow roots. @param {Element} node @returns {Element[]} */
  const deep = (node) => {
    const out = [];
    const walk = (el) => {
      const style = getComputedStyle(el);
      if (style.display === 'none') return;
      // Visually hidden for screen readers (sr-only, KaTeX's MathML): clipped to nothing on purpose.
      const box = el.getBoundingClientRect();
      if (style.position === 'absolute' && box.width <= 1 && box.height <= 1 && style.overflow !== 'visible') return;
      out.push(el);
      if (el.shadowRoot) for (const child of el.shadowRoot.children) walk(child);
      for (const child of el.children) walk(child);
    };
    walk(node);
    return out;
  };
  /** A short name: tag, id or first class, and the widget it lives in. @param {Element} el */
  const name = (el) => {
    const host = /** @type {ShadowRoot} */ (el.getRootNode()).host;
    const own = `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList[0] ? `.${el.classList[0]}` : ''}`;
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${host ? `${host.localName} ` : ''}${own}${text ? ` “${text}”` : ''}`;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
  };
  for (const el of deep(root)) {
    if (!visible(el)) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    // Cut: a box that scrolls or clips sideways with more content than it shows, or anything past the viewport.
    if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.localName !== 'svg') {
      findings.push(`cut: ${name(el)} shows ${el.clientWidth} of ${el.scrollWidth} px`);
    }
    const parent = el.parentElement ?? /** @type {ShadowRoot} */ (el.getRootNode()).host;
    const parentInside = !parent || parent.getBoundingClientRect().right <= viewport + 1;
    if (rect.right > viewport + 1 && rect.width > 0 && parentInside) findings.push(`past the viewport: ${name(el)} ends at ${Math.round(rect.right)} px`);
    // Text size on screen: the font size times the drawing's scale for SVG text.
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.replace(/[\s\u200b]/g, ''));
    if (ownText) {
      let size = parseFloat(style.fontSize);
      if (el instanceof SVGGraphicsElement) {
        const ctm = el.getScreenCTM();
        if (ctm) size *= Math.hypot(ctm.a, ctm.b);
      }
      if (size < 11.95) findings.push(`small text: ${name(el)} at ${size.toFixed(1)} px`);
    }
    // Targets: controls at least 24×24 px, unless a link sits in a line of text.
    const target = el.matches('button, input:not([type=hidden]), select, textarea, [role=button], [role=slider], [role=tab], summary, a[href]');
    if (target && (rect.width < 23.95 || rect.height < 23.95)) {
      const inline = el.localName === 'a' && style.display === 'inline';
      if (!inline) findings.push(`small target: ${name(el)} is ${rect.width.toFixed(0)}×${rect.height.toFixed(0)} px`);
    }
  }
  return findings;
}
