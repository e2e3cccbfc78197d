// @ts-check
// Build time: writes the top bar into a page in place of its marker comment, `<!-- bp-shell: SECTION -->` (the
// page is that section's own page) or `<!-- bp-shell: SECTION inside -->` (a page within it). Used by the Vite
// plugin below for web/*.html and by the embed plugin for the embed pages it copies; the lessons call topBar()
// directly. A marker naming no section is a build error, not a page without a bar.
import { topBar } from './top-bar.js';
import { SECTIONS } from './sections.js';

const MARKER = /<!--\s*bp-shell:\s*([a-z]+)(\s+inside)?\s*-->/g;

/** @param {string} html @param {string} prefix from the page to the site root @param {string} name the page, for errors */
export function applyShell(html, prefix, name) {
  return html.replace(MARKER, (_, section, inside) => {
    if (!SECTIONS.some((s) => s.id === section)) throw new Error(`${name}: bp-shell marker names no section: ${section}`);
    return topBar({ current: /** @type {import('./sections.js').SectionId} */ (section), prefix, exact: !inside });
  });
}

/** The Vite plugin for the pages in web/ (all in the site root). @returns {import('vite').Plugin} */
export function shellPlugin() {
  return {
    name: 'bp-shell',
    transformIndexHtml: { order: 'pre', handler: (html, context) => applyShell(html, './', context.filename) },
  };
}
