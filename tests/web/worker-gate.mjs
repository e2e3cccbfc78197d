// A gate between a page and its Web Workers, for tests that need the worker's messages in a chosen order: an init
// script (run before the page's own scripts) that wraps `Worker`, so a test can hold what the worker posts, let it
// through one message at a time, and wait until the worker has answered everything asked before (a round trip).
// Nothing is changed in the page or the worker: the held messages are the real ones, delivered later.

/** The init script: `window.__gate` drives the page's workers (the last one created). Runs in the browser. */
export function installWorkerGate() {
  const Native = window.Worker;
  /** @type {{worker: Worker | null, holding: boolean, held: MessageEvent[], released: WeakSet<Event>,
   *   echoes: Map<number, () => void>}} */
  const gate = { worker: null, holding: false, held: [], released: new WeakSet(), echoes: new Map() };
  let echoes = 0;
  const api = {
    /** From now on, messages from the worker wait in `held`. */
    hold() { gate.holding = true; },
    /** The types of the held messages, oldest first. */
    heldTypes: () => gate.held.map((event) => event.data?.type),
    /** Delivers the oldest `count` held messages, in order. @param {number} count */
    release(count) {
      for (const event of gate.held.splice(0, count)) {
        const copy = new MessageEvent('message', { data: event.data });
        gate.released.add(copy);
        gate.worker?.dispatchEvent(copy);
      }
    },
    /** Delivers everything held, and lets later messages through as they come. */
    open() { gate.holding = false; api.release(gate.held.length); },
    /** Resolves once the worker has answered a question sent now: after open(), everything it was asked before
     * has been answered and delivered by then (a worker handles its messages in order). The echo is swallowed. */
    roundTrip() {
      const id = -1 - echoes++;
      return new Promise((resolve) => {
        gate.echoes.set(id, () => resolve(undefined));
        gate.worker?.postMessage({ type: 'inspect', id, row: 0 });
      });
    },
  };
  window.Worker = class extends Native {
    /** @param {string | URL} url @param {WorkerOptions} [options] */
    constructor(url, options) {
      super(url, options);
      gate.worker = this;
      // The first listener: it sees each message before the page's own listeners and may stop it there.
      this.addEventListener('message', (event) => {
        if (gate.released.has(event)) return;
        const echo = gate.echoes.get(event.data?.id);
        if (echo) {
          event.stopImmediatePropagation();
          gate.echoes.delete(event.data.id);
          echo();
        } else if (gate.holding) {
          event.stopImmediatePropagation();
          gate.held.push(event);
        }
      });
    }
  };
  Object.assign(window, { __gate: api });
}
