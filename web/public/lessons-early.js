// Runs in <head> before the lesson page is drawn: picks the language (?lang=, then the saved choice, then the
// browser's, as web/src/i18n/i18n.js does) so only that language is shown from the first paint, and marks the page
// as scripted so the stylesheet can show one step at a time. Plain script (no module): it must block.
(function () {
  var root = document.documentElement;
  var ok = function (v) { return v === 'en' || v === 'zh-CN'; };
  var lang = new URLSearchParams(location.search).get('lang');
  var saved = null;
  try { saved = localStorage.getItem('bp-tutor.lang'); } catch (e) { /* storage blocked */ }
  if (!ok(lang)) lang = ok(saved) ? saved : ((navigator.language || 'en').toLowerCase().indexOf('zh') === 0 ? 'zh-CN' : 'en');
  root.lang = lang;
  root.setAttribute('data-lang', lang);
  root.classList.add('js');
})();
