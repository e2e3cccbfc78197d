// Every page of the site, as the shell and accessibility tests visit them: a name, the address, the section its
// top bar marks (null: the chrome-free iframe form), and how to wait until the page has drawn what it shows (lazy
// widgets are scrolled into view). One list, so a new page is audited and screenshotted everywhere at once.
import { readLessons } from '../node/lesson-files.mjs';
import { startAll } from './embed-helpers.mjs';

const lesson = (lang) => readLessons(lang)[0].slug;

/** @type {{name: string, path: string, section: string|null, current: 'page'|'true'|null, ready: (page: import('playwright-core').Page) => Promise<unknown>}[]} */
export const SITE_PAGES = [
  { name: 'home', path: '/index.html?lang=en', section: 'home', current: 'page',
    ready: (page) => Promise.all([page.locator('#quick-result div').first().waitFor(), page.locator('bp-graph[data-ready="true"]').waitFor()]) },
  { name: 'lessons', path: '/lessons/?lang=en', section: 'lessons', current: 'page',
    ready: (page) => page.locator('main[data-ready="true"]').waitFor() },
  { name: 'lesson-en', path: `/lessons/${lesson('en')}.html?lang=en&step=4`, section: 'lessons', current: 'true',
    ready: (page) => page.locator('main.lesson[data-ready="true"]').waitFor() },
  { name: 'lesson-zh', path: `/lessons/${lesson('en')}.html?lang=zh-CN&step=5`, section: 'lessons', current: 'true',
    ready: (page) => page.locator('main.lesson[data-ready="true"]').waitFor() },
  { name: 'playground', path: '/playground.html?lang=en&step=end', section: 'playground', current: 'page',
    ready: (page) => page.locator('bp-graph[data-ready="true"]').waitFor() },
  { name: 'tensor', path: '/tensor.html?lang=en&at=backward:W1', section: 'playground', current: 'true',
    ready: async (page) => { await page.locator('bp-tensor-graph').scrollIntoViewIfNeeded(); await page.locator('bp-tensor-graph[data-ready="true"]').waitFor(); } },
  { name: 'train', path: '/train.html?lang=en&data=spiral&layers=8,8', section: 'train', current: 'page',
    ready: (page) => page.locator('#train-page[data-state="ready"]').waitFor() },
  { name: 'embed-docs', path: '/embed-docs.html?lang=en', section: 'embed', current: 'page',
    ready: (page) => startAll(page, '.preview > *') },
  { name: 'blog-demo', path: '/blog-demo.html', section: 'embed', current: 'true',
    ready: (page) => startAll(page, 'bp-graph') },
  { name: 'embed-frame', path: `/embed.html?widget=graph&expr=${encodeURIComponent('(x+y)*z')}&values=${encodeURIComponent('x=-2, y=5, z=-4')}&lang=en`,
    section: null, current: null, ready: (page) => page.locator('bp-graph[data-ready="true"]').waitFor() },
];
