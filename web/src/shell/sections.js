// @ts-check
// The site's sections, in the order of the top bar: each with its page (relative to the site root), its label key
// (web/src/i18n/shell.js) and its icon (icons.js). The one list the bar, its build step and its tests read. Data
// only: adding a section here adds it to every page's bar.

/** @typedef {'home'|'lessons'|'playground'|'train'|'embed'} SectionId */

/** @type {readonly {id: SectionId, href: string, label: string}[]} */
export const SECTIONS = Object.freeze([
  { id: 'home', href: 'index.html', label: 'shell.home' },
  { id: 'lessons', href: 'lessons/', label: 'shell.lessons' },
  { id: 'playground', href: 'playground.html', label: 'shell.playground' },
  { id: 'train', href: 'train.html', label: 'shell.train' },
  { id: 'embed', href: 'embed-docs.html', label: 'shell.embed' },
]);

