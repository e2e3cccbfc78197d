// The raw Embind module, exactly as src/bindings/*.cpp bind it: JSON text in and out, typed-array views of wasm
// memory, and two classes whose objects must be delete()d. Only the wrappers in this folder (engine.js,
// trainer.js, network.js, capabilities.js) touch it; everything else uses their JS-shaped APIs.

/** An object Embind created: wasm memory is freed only by delete(). */
export interface EmbindObject {
  delete(): void;
}

/** A view of wasm memory: valid until the next call into the module (the heap may grow and move). */
export type FloatView = Float32Array | Float64Array;

/** engine_bindings.cpp: one parsed formula. Both methods answer JSON text or {"error": ...}. */
export interface FormulaSessionHandle extends EmbindObject {
  parse(text: string): string;
  evaluate(valuesJson: string): string;
}

/** trainer_bindings.cpp: a training session. JSON methods answer {"error": ...} on failure; view methods null. */
export interface TrainerSessionHandle extends EmbindObject {
  configure(configJson: string, digitsText: string): string;
  step(n: number): string;
  reset(): string;
  evaluate(): string;
  evaluateTest(): string;
  describe(): string;
  inspect(row: number): string;
  explain(row: number, layer: number, from: number, to: number): string;
  spec(row: number): string;
  batchSpec(count: number): string;
  parameter(layer: number, bias: boolean, grad: boolean): FloatView | null;
  grid(x0: number, x1: number, y0: number, y1: number, nx: number, ny: number): FloatView | null;
  gridLayer(layer: number): FloatView | null;
  predictions(): Int32Array | null;
  dataX(): Float64Array | null;
  dataY(): Int32Array | null;
  /** Why the last view method answered null. */
  lastError(): string;
}

/** engine_bindings.cpp alone: the scalar module (`await createScalarEngine()`, bp_scalar) has just this. */
export interface FormulaModule {
  grad(formula: string, valuesJson: string): string;
  checkAnswer(guess: string, answer: number): string;
  checkChainAnswer(guess: string, upstream: number, local: number, contribution: number, before: number, total: number): string;
  heapBytesInUse(): number;
  /** The engine's self-description (core/capabilities.hpp), as `./tutor capabilities` prints it. */
  capabilities(): string;
  /** The lesson math (src/core/wire/lesson_math_wire.hpp): a JSON request in, the reply or {"error": ...} out. */
  softmax(requestJson: string): string;
  descent(requestJson: string): string;
  gradcheck(requestJson: string): string;
  FormulaSession: new () => FormulaSessionHandle;
}

/** The whole engine (`await createBackpropEngine()`, bp_engine): formulas plus tensors, trainer and networks. */
export interface EngineModule extends FormulaModule {
  mlpStep(specJson: string): string;
  /** The tensor stepper's calls (src/bindings/network_bindings.cpp): JSON text in and out. */
  tensorStep(specJson: string): string;
  tensorExample(choicesJson: string): string;
  tensorEntry(specJson: string, target: string, row: number, col: number): string;
  checkShapeAnswer(typed: string, shapeJson: string): string;
  gemmGflops(m: number, n: number, k: number, minSeconds: number): number;
  TrainerSession: new () => TrainerSessionHandle;
}

/** Emscripten's options for the factory that the wrappers and loaders use. */
export interface EngineOptions {
  locateFile?: (path: string, prefix: string) => string;
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Instantiates the wasm in the caller's way; `receive` starts the runtime. Returns {} (exports come later). */
  instantiateWasm?: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) => object;
}

export type EngineFactory = (options?: EngineOptions) => Promise<EngineModule>;
export type ScalarEngineFactory = (options?: EngineOptions) => Promise<FormulaModule>;
