// @ts-check
// <bp-math tex="f(x,y,z)=(x+y)z" [display]>: one TeX formula rendered by KaTeX inside a shadow root, so a blog
// post's equations can sit beside the live widgets without the host page loading KaTeX (or allowing inline
// styles: katex.render writes styles through the CSSOM). The TeX is data; bad TeX shows as red text.
import { loadTex } from '../lesson-kit/tex.js';
import { BpElement, defineWidget } from '../base/bp-element.js';

export class BpMath extends BpElement {
  static declaration = /** @type {const} */ ({
    tag: 'bp-math',
    summary: 'A TeX formula typeset by the bundled KaTeX, for the equations around the widgets.',
    engine: 'none',
    inline: true,
    attributes: [
      { name: 'tex', type: 'string', default: '', doc: 'The TeX source, e.g. \\frac{\\partial f}{\\partial x}.' },
      { name: 'display', type: 'boolean', doc: 'Typeset as a centred block (display style) instead of inline.' },
    ],
    example: 'display tex="\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial q}\\frac{\\partial q}{\\partial x}"',
  });

  static css = `:host { display: inline-block; } :host([display]) { display: block; overflow-x: auto; }
:host([display]) .katex-display { margin: 0.6em 0; }`;

  update() {
    // KaTeX is fetched on demand; withEngine's guard drops a render that a newer update has overtaken.
    this.withEngine(loadTex, (katex) => {
      katex.render(String(this.attr('tex')), this.body, { displayMode: Boolean(this.attr('display')), throwOnError: false });
    });
  }
}

defineWidget(BpMath);
