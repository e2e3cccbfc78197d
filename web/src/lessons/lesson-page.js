// @ts-check
// Entry script of every lesson page (/lessons/NN-slug.html): the styles, the widgets the lessons use, and the
// runner. The page's text is already in the HTML (rendered at build time); this adds the behaviour.
import 'katex/dist/katex.min.css';
import '../styles/lessons.css';
import '../i18n/lessons.js';
import '../widgets/bp-num/bp-num.js';
import '../widgets/bp-check/bp-check.js';
import '../widgets/bp-softmax/bp-softmax.js';
import '../widgets/bp-activation/bp-activation.js';
import '../widgets/bp-descent/bp-descent.js';
import '../widgets/bp-gradcheck/bp-gradcheck.js';
import { startLesson } from './runner.js';

// The graph stepper <bp-graph> is another widget's folder: take it in whenever it is present in the source tree
// (until then the build's folded trace inside each <bp-graph> tag stands in for it).
// @ts-ignore: Vite's import.meta.glob
import.meta.glob('../widgets/bp-graph/{bp-graph,index}.js', { eager: true });

startLesson(/** @type {HTMLElement} */ (document.querySelector('main.lesson')));
