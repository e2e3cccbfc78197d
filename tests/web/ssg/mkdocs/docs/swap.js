// Stands in for MkDocs Material's instant navigation: a click on a same-origin link fetches the page and swaps
// <main> and the title in place, without a page load (window.__swaps counts the swaps).
window.__swaps = 0;
document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || link.origin !== location.origin) return;
  event.preventDefault();
  const next = new DOMParser().parseFromString(await (await fetch(link.href)).text(), 'text/html');
  document.querySelector('main').replaceWith(document.adoptNode(next.querySelector('main')));
  document.title = next.title;
  history.pushState(null, '', link.href);
  window.__swaps += 1;
});
