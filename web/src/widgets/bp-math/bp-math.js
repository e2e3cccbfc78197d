// @ts-check
// <bp-math tex="f(x,y,z)=(x+y)z" [display]>: one TeX formula rendered by KaTeX inside a shadow root, so a blog
// post's equations can sit beside the live widgets without the host page loading KaTeX (or allowing inline
// styles: katex.render writes styles through the CSSOM). The TeX is data; bad TeX shows as red text.
import katex from 'katex';
import { shadowBox } from '../lesson-kit/kit.js';

const CSS = `:host { display: inline-block; } :host([display]) { display: block; overflow-x: auto; }
:host([display]) .katex-display { margin: 0.6em 0; }`;

export class BpMath extends HTMLElement {
  static observedAttributes = ['tex', 'display'];

  connectedCallback() { this.render(); }

  attributeChangedCallback() { if (this.isConnected) this.render(); }

  render() {
    const body = shadowBox(this, CSS);
    body.className = '';
    katex.render(this.getAttribute('tex') ?? '', body, { displayMode: this.hasAttribute('display'), throwOnError: false });
    this.dataset.ready = 'true';
  }
}

if (!customElements.get('bp-math')) customElements.define('bp-math', BpMath);
