// @ts-check
// "Start when scrolled into view, pause when out of view" for widgets: one IntersectionObserver per element,
// with a margin so a widget is ready by the time the reader reaches it. Not a scheduler: the widget decides what
// starting and pausing mean. Without IntersectionObserver (old browsers, some test DOMs) everything counts as visible.

/**
 * Calls `onChange(true)` when `element` comes (nearly) into view and `onChange(false)` when it leaves.
 * Returns the function that stops watching.
 * @param {Element} element @param {(visible: boolean) => void} onChange
 */
export function watchVisibility(element, onChange) {
  if (typeof IntersectionObserver === 'undefined') {
    onChange(true);
    return () => {};
  }
  const observer = new IntersectionObserver((entries) => {
    const last = entries[entries.length - 1];
    onChange(last.isIntersecting);
  }, { rootMargin: '200px' });
  observer.observe(element);
  return () => observer.disconnect();
}
