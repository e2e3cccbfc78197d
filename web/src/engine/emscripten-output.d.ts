// The Emscripten build's ES module (build/wasm/bp_engine.mjs, imported through Vite's '@engine' alias) has no
// types of its own: this gives it the factory type of module.d.ts. The '?url' imports are typed by vite/client.
declare module '@engine/bp_engine.mjs' {
  const createBackpropEngine: import('./module').EngineFactory;
  export default createBackpropEngine;
}
