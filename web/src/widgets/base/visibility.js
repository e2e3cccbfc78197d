// @ts-check
// "Start when scrolled into view, pause when out of view" for widgets: one IntersectionObserver per element,
// with a margin so a widget is ready by the time the reader reaches it. Not a scheduler: the widget decides what
// starting and pausing mean. Without IntersectionObserver (old browsers, some test DOMs) everything counts as visible.

const MARGIN = 200;  // px around the viewport that count as in view

/** Elements connected in this task, and what to call if they are in view now. @type {Map<Element, () => void>} */
const justConnected = new Map();

/**
 * A widget connected inside the viewport starts in the same task: an observer reports only after the next frame,
 * which on a slow phone is tens of milliseconds of a blank widget. One read of the layout serves every element
 * connected in this task; the rest is left to the observer.
 */
function startThoseInView() {
  const inView = [...justConnected].filter(([element]) => {
    const box = element.getBoundingClientRect();
    return element.isConnected && (box.width > 0 || box.height > 0) && box.bottom >= -MARGIN &&
      box.top <= innerHeight + MARGIN && box.right >= -MARGIN && box.left <= innerWidth + MARGIN;
  });
  justConnected.clear();
  for (const [, start] of inView) start();
}

/**
 * Calls `onChange(true)` when `element` comes (nearly) into view and `onChange(false)` when it leaves, each only on
 * a change. Returns the function that stops watching.
 * @param {Element} element @param {(visible: boolean) => void} onChange
 */
export function watchVisibility(element, onChange) {
  if (typeof IntersectionObserver === 'undefined') {
    onChange(true);
    return () => {};
  }
  let visible = false;
  const report = (/** @type {boolean} */ now) => {
    if (now !== visible) onChange(visible = now);
  };
  const observer = new IntersectionObserver((entries) => report(entries[entries.length - 1].isIntersecting),
    { rootMargin: `${MARGIN}px` });
  observer.observe(element);
  if (!justConnected.size) queueMicrotask(startThoseInView);
  justConnected.set(element, () => report(true));
  return () => {
    justConnected.delete(element);
    observer.disconnect();
  };
}
