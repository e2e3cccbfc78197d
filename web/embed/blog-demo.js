// The demo page's one script of its own: shows the Chinese post (the original) or, with ?lang=en, the English one,
// and starts the site's shell around it (its language switch reloads the page in the other language). The hidden
// article's widgets never start (they are never in view). Like a blogger's own script: plain DOM only.
import { startShell } from '../shell/shell.js';

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
startShell({ lang, onLanguage: () => location.reload() });
for (const article of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('article[id^="post-"]'))) {
  if (article.id === `post-${lang}`) article.hidden = false;
  else article.remove();  // removed, not just hidden: its widgets then hold nothing
}
document.title = document.querySelector('article h1')?.textContent ?? document.title;
