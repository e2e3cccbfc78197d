// The Emscripten build's ES modules (build/wasm/bp_engine.mjs and bp_scalar.mjs, imported through Vite's '@engine'
// alias) have no types of their own: this gives them the factory types of module.d.ts. The '?url' imports are typed by vite/client.
declare module '@engine/bp_engine.mjs' {
  const createBackpropEngine: import('./module').EngineFactory;
  export default createBackpropEngine;
}

declare module '@engine/bp_scalar.mjs' {
  const createScalarEngine: import('./module').ScalarEngineFactory;
  export default createScalarEngine;
}
