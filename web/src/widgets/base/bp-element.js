// @ts-check
// The base every widget extends. It owns the plumbing widgets used to copy: the shadow root and its adopted
// sheets, starting when scrolled into view, the stale-reply guard around engine calls, freeing engine objects on
// removal, the error box, buttons, live-region narration, and reading attributes through the class's declaration
// (see declaration.js), with every attribute change after start honoured. A widget supplies its declaration, its
// CSS and `update()`, which (re)builds it from the attributes; it never computes: numbers come from the engine.
import { localeOf, el } from '../lesson-kit/kit.js';
import { loadTexWhenIdle } from '../lesson-kit/tex.js';
import { t } from '../../i18n/i18n.js';
import '../../i18n/widget-base.js';
import { watchVisibility } from './visibility.js';
import { widgetSheets } from './styles.js';
import { readAttribute } from './read-attribute.js';

/** @typedef {{dispose(): void}} Disposable  something engine-side a widget owns (a compiled formula, a session) */

export class BpElement extends HTMLElement {
  /** @type {import('./declaration.js').WidgetDeclaration} Each widget class replaces this with its own table. */
  static declaration = { tag: 'bp-element', summary: '', engine: 'none', attributes: [], example: '' };
  /** The widget's own CSS, adopted after the shared sheets. */
  static css = '';

  /** Every declared attribute, plus `lang`: a change to any of them after start is honoured. */
  static get observedAttributes() {
    return [...this.declaration.attributes.map((attribute) => attribute.name), 'lang'];
  }

  /** True once the widget has been in view and started; false again after removal. */
  started = false;
  /** Whether the widget is (nearly) in view now. */
  visible = false;
  /** @type {HTMLElement} where the widget draws: replaced wholesale by `update()`, or kept and patched */
  body = document.createElement('div');
  // Outside `body`, so redrawing never drops the narration a screen reader is about to read.
  #live = Object.assign(document.createElement('div'), { className: 'sr-only' });
  #generation = 0;
  /** @type {Set<Disposable>} */
  #owned = new Set();
  /** @type {(() => void) | null} */
  #unwatch = null;

  /** The class's declaration (typed for subclasses). */
  get declaration() {
    return /** @type {typeof BpElement} */ (this.constructor).declaration;
  }

  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!root.contains(this.body)) {
      root.adoptedStyleSheets = widgetSheets(/** @type {typeof BpElement} */ (this.constructor).css);
      this.#live.setAttribute('aria-live', 'polite');
      root.replaceChildren(this.body, this.#live);
    }
    // Until the engine answers: the element's own content if it has some (a build-time rendering), else a note.
    if (this.declaration.engine !== 'none') {
      this.body.replaceChildren(this.childNodes.length ? document.createElement('slot') : this.#loadingNote());
    }
    this.#unwatch = watchVisibility(this, (visible) => {
      this.visible = visible;
      if (visible && !this.started) {
        this.started = true;
        this.update();
      }
      this.visibilityChanged(visible);
    });
  }

  disconnectedCallback() {
    this.#unwatch?.();
    this.#unwatch = null;
    this.#generation += 1;  // replies still on their way are for a widget that is gone
    this.release();
    this.started = false;
    this.visible = false;
    delete this.dataset.ready;
  }

  /** @param {string} name @param {string|null} before @param {string|null} after */
  attributeChangedCallback(name, before, after) {
    if (this.started && before !== after) this.attributeChanged(name);
  }

  // ---- hooks a widget overrides ----------------------------------------------------------------------------

  /** (Re)builds the widget from its attributes. Called on start and, by default, on every attribute change. */
  update() {}

  /** An attribute changed after start: by default, rebuild. @param {string} name */
  // eslint-disable-next-line no-unused-vars
  attributeChanged(name) { this.update(); }

  /** The widget came into or left the view (after start too): e.g. pause an animation. @param {boolean} visible */
  // eslint-disable-next-line no-unused-vars
  visibilityChanged(visible) {}

  // ---- services ----------------------------------------------------------------------------------------------

  /** A UI string in the widget's language. @param {string} key @param {Record<string, string|number>} [params] */
  say(key, params) {
    return t(key, params, localeOf(this));
  }

  /**
   * A declared attribute, read as its declared type (its default when absent; null when it has none). Throws an
   * AttributeError naming the attribute when the text is malformed. @param {string} name
   */
  attr(name) {
    const declared = this.declaration.attributes.find((attribute) => attribute.name === name);
    if (!declared) throw new Error(`${this.localName}: no declared attribute '${name}'`);
    return readAttribute(declared, this.getAttribute(name), (key, params) => this.say(key, params));
  }

  /**
   * Runs `work` with an engine API once it is loaded, unless a newer call started or the widget was removed
   * meanwhile (the stale-reply guard). An error thrown by `work` shows in the error box. `data-ready` is set once
   * the engine has answered, with a drawing or an error.
   * @template T @param {() => Promise<T>} load @param {(api: T) => void | Promise<void>} work
   */
  async withEngine(load, work) {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation && this.isConnected;
    try {
      const api = await load();
      if (!current()) return;
      await work(api);
    } catch (error) {
      if (!current()) return;
      this.showError(/** @type {Error} */ (error));
    }
    if (!current()) return;
    this.dataset.ready = 'true';
    loadTexWhenIdle();  // the math of the next step, fetched while the reader looks at this one
  }

  /** Keeps an engine object until the widget is removed or `release()` runs. @template {Disposable} D @param {D} object */
  own(object) {
    this.#owned.add(object);
    return object;
  }

  /** Frees every engine object the widget owns. */
  release() {
    for (const object of this.#owned) object.dispose();
    this.#owned.clear();
  }

  /** Replaces the widget's content with a message saying why it cannot show. @param {Error} error */
  showError(error) {
    const text = this.say('widget.error', { message: error.message });
    this.body.replaceChildren(this.box([el('p', { class: 'error', role: 'alert' }, [text])]));
  }

  /** Tells screen-reader users what just changed (polite: it waits for them to finish). @param {string} text */
  narrate(text) {
    this.#live.textContent = text;
  }

  /**
   * A button that runs `action`. @param {string} label @param {() => void} action
   * @param {{quiet?: boolean, disabled?: boolean, className?: string, title?: string}} [options]
   */
  button(label, action, options = {}) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.className = [options.quiet ? 'quiet' : '', options.className ?? ''].join(' ').trim();
    button.disabled = Boolean(options.disabled);
    if (options.title) button.title = options.title;
    button.addEventListener('click', action);
    return button;
  }

  /** The widget's card. @param {(Node|string)[]} children @param {Record<string, string>} [attributes] */
  box(children, attributes = {}) {
    return el('div', { class: 'box', ...attributes }, children);
  }

  /** Sends a bubbling, composed event (it crosses shadow roots). @param {string} type @param {unknown} detail */
  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #loadingNote() {
    return el('p', { class: 'muted' }, [this.say('widget.loading')]);
  }
}

/** Defines a widget class under its declared tag, once (a page may load two bundles). @param {typeof BpElement} widget */
export function defineWidget(widget) {
  if (typeof customElements !== 'undefined' && !customElements.get(widget.declaration.tag)) {
    customElements.define(widget.declaration.tag, widget);
  }
}
