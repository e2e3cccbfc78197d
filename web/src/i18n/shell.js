// @ts-check
// UI strings of the site shell (the top bar on every page), in English and Simplified Chinese. Used at build time
// (the bar is written in both languages, the stylesheet shows the active one) and by the home page.
import { registerMessages } from './i18n.js';

export const SHELL_MESSAGES = {
  en: {
    'shell.nav': 'Site',
    'shell.home': 'Home',
    'shell.lessons': 'Lessons',
    'shell.playground': 'Playground',
    'shell.train': 'Train',
    'shell.embed': 'Embed',
    'shell.language': 'Language',
    'shell.theme': 'Theme:',
    'shell.theme.auto': 'Auto',
    'shell.theme.light': 'Light',
    'shell.theme.dark': 'Dark',
    'shell.themeHelp': 'Colour theme: automatic (follows the system), light or dark',
  },
  'zh-CN': {
    'shell.nav': '网站',
    'shell.home': '首页',
    'shell.lessons': '课程',
    'shell.playground': '练习场',
    'shell.train': '训练',
    'shell.embed': '嵌入',
    'shell.language': '语言',
    'shell.theme': '主题：',
    'shell.theme.auto': '自动',
    'shell.theme.light': '浅色',
    'shell.theme.dark': '深色',
    'shell.themeHelp': '配色：自动（跟随系统）、浅色或深色',
  },
};

registerMessages(SHELL_MESSAGES);
