// The iframe form's page script: one widget from the address (see web/src/embed/frame.js for the checks), and its
// height reported to the parent page as it changes. It imports the bundle by the same URL as the page's script tag,
// so both are one module instance.
import { mountFromQuery, reportHeight } from './backprop-tutor.js';

mountFromQuery(/** @type {HTMLElement} */ (document.getElementById('widget')), location.search);
reportHeight();
