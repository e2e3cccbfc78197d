// Runs in <head> before any page with the site's top bar is drawn: applies the saved theme (light, dark or auto) as
// <html data-theme>, which the shell's stylesheet turns into `color-scheme`, so the first paint is already in the
// reader's colours. Plain script (no module): it must block. web/src/shell/theme.js owns the toggle after that.
(function () {
  var theme = null;
  try { theme = localStorage.getItem('bp-tutor.theme'); } catch (e) { /* storage blocked: auto */ }
  document.documentElement.setAttribute('data-theme', theme === 'light' || theme === 'dark' ? theme : 'auto');
})();
