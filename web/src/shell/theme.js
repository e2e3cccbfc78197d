// @ts-check
// The theme toggle: light, dark or auto (the system's), remembered in localStorage and shown as <html data-theme>,
// which shell.css turns into `color-scheme` (every token then follows through light-dark()). public/theme-early.js
// applies the saved choice before the first paint; this wires the bar's button and tells the page of a change with
// a `bp-theme-change` event on document (canvases redraw then). Not a palette: colours live in tokens.css.

const KEY = 'bp-tutor.theme';
const THEMES = ['auto', 'light', 'dark'];
/** @typedef {'auto'|'light'|'dark'} Theme */

/** @returns {Theme} */
function savedTheme() {
  let theme = null;
  try { theme = localStorage.getItem(KEY); } catch { /* storage may be blocked */ }
  return /** @type {Theme} */ (THEMES.includes(theme ?? '') ? theme : 'auto');
}

/** The theme after `theme`, in an order where the first press always changes what the reader sees.
 * @param {Theme} theme @param {boolean} systemDark @returns {Theme} */
export function nextTheme(theme, systemDark) {
  const order = /** @type {Theme[]} */ (systemDark ? ['auto', 'light', 'dark'] : ['auto', 'dark', 'light']);
  return order[(order.indexOf(theme) + 1) % order.length];
}

/** Wires every theme button of the page; keeps other tabs' choices in step. */
export function startTheme() {
  const root = document.documentElement;
  const media = matchMedia('(prefers-color-scheme: dark)');
  const current = () => /** @type {Theme} */ (THEMES.includes(root.dataset.theme ?? '') ? root.dataset.theme : 'auto');
  /** @param {Theme} theme */
  const apply = (theme) => {
    root.dataset.theme = theme;
    document.dispatchEvent(new CustomEvent('bp-theme-change', { detail: { theme } }));
  };
  if (root.dataset.theme !== savedTheme()) apply(savedTheme());
  for (const button of document.querySelectorAll('.shell-theme')) {
    button.addEventListener('click', () => {
      const theme = nextTheme(current(), media.matches);
      try { localStorage.setItem(KEY, theme); } catch { /* storage may be blocked: the choice lasts this page */ }
      apply(theme);
    });
  }
  media.addEventListener('change', () => { if (current() === 'auto') apply('auto'); });
  addEventListener('storage', (event) => { if (event.key === KEY) apply(savedTheme()); });
}
