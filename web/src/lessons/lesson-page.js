// @ts-check
// Entry script of every lesson page (/lessons/NN-slug.html): the styles, the widgets the page holds (from the one
// widget registry, so a new widget needs no line here), and the runner. The page's text is already in the HTML
// (rendered at build time); this adds the behaviour.
import 'katex/dist/katex.min.css';
import '../styles/lessons.css';
import '../i18n/lessons.js';
import { loadWidgetsIn } from '../widgets/registry.js';
import { startLesson } from './runner.js';

loadWidgetsIn(document);
startLesson(/** @type {HTMLElement} */ (document.querySelector('main.lesson')));
