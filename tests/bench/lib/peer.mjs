// One (engine, workload) pair of the benchmark in its own process, as WORKLOADS.md's protocol asks:
//   node peer.mjs bp-wasm|tfjs-wasm-simd|tfjs-cpu WORKLOAD.json    -> one JSON line
//   node peer.mjs gemm M N K                                        -> the wasm GEMM micro-benchmark
// Our wasm engine runs through the same wrapper the pages use; TF.js 4.22 runs the same model with tf ops
// (tf.train.sgd(lr).minimize over the mean softmax cross-entropy), from the same initial weights.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadModule, repoRoot } from '../../node/load-engine.mjs';
import { wrapTrainer } from '../../../web/src/engine/trainer.js';

const require = createRequire(import.meta.url);
const WARMUP_S = Number(process.env.PEER_BENCH_WARMUP_S ?? 1.5);
const REPEATS = Number(process.env.PEER_BENCH_REPEATS ?? 3);
const BUDGET_S = Number(process.env.PEER_BENCH_REPEAT_BUDGET_S ?? 5);
const WARM_STEPS = { W1: 20, W2: 28, W3: 10 };
const now = () => performance.now() / 1000;

/** Warm-up, then up to REPEATS timed runs of all steps from the initial weights; the fastest counts. */
async function protocol(w, { train, reset, readBack }) {
  const warmStart = now();
  while (now() - warmStart < WARMUP_S) {
    await train(WARM_STEPS[w.workload]);
    reset();
  }
  const warmup = now() - warmStart;
  const all = [];
  while (all.length < REPEATS && all.reduce((a, b) => a + b, 0) < BUDGET_S) {
    reset();
    const start = now();
    await train(w.batching.steps);
    await readBack();
    all.push(now() - start);
  }
  return { seconds: Math.min(...all), seconds_all: all, repeats: all.length, warmup_s: warmup };
}

function line(peer, w, timing, metrics, lib) {
  const steps = w.batching.steps;
  const work = w.metric === 'steps_per_s' ? steps : steps * w.batching.batch_size;
  return { peer, workload: w.workload, metric: w.metric, value: work / timing.seconds, final_loss: metrics.loss,
    accuracy: metrics.accuracy, seconds: timing.seconds, steps, repeats: timing.repeats,
    seconds_all: timing.seconds_all, warmup_s: timing.warmup_s, lib };
}

async function ourWasm(w) {
  const api = wrapTrainer(await loadModule());
  const layers = w.model.layers;
  const trainer = api.createTrainer({
    dataset: 'custom', layers: layers.slice(1, -1), activation: w.model.hidden_activation, dtype: 'float32',
    optimizer: { type: 'sgd', lr: w.optimizer.lr }, batch_size: w.batching.batch_size,
    params: w.params.map((p) => p.data),
    data: { x: w.x.data, y: w.y, d: w.x.shape[1], classes: layers.at(-1) },
  });
  const timing = await protocol(w, {
    train: (n) => trainer.step(n), reset: () => trainer.reset(), readBack: () => trainer.weights(0),
  });
  const metrics = trainer.evaluate();
  trainer.dispose();
  return line('bp-wasm', w, timing, metrics, 'backprop-tutor wasm (Emscripten 3.1.6, -O2 -msimd128)');
}

async function tfjs(w, backend) {
  const tf = require('@tensorflow/tfjs');
  if (backend === 'wasm') {
    const wasm = require('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(path.join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  } else {
    require('@tensorflow/tfjs-backend-cpu');
  }
  await tf.setBackend(backend);
  await tf.ready();
  tf.enableProdMode();
  const layers = w.model.layers;
  const initial = w.params.map((p) => tf.tensor(p.data, p.shape, 'float32'));
  const vars = initial.map((t) => tf.variable(t.clone()));
  const act = w.model.hidden_activation === 'relu' ? tf.relu : tf.tanh;
  const [n, d] = w.x.shape;
  const bs = w.batching.batch_size, bpp = w.batching.batches_per_pass;
  const x = tf.tensor2d(w.x.data, [n, d]);
  const onehot = tf.oneHot(tf.tensor1d(w.y, 'int32'), layers.at(-1)).toFloat();
  const batches = Array.from({ length: bpp }, (_, b) => [x.slice([b * bs, 0], [bs, d]), onehot.slice([b * bs, 0], [bs, layers.at(-1)])]);
  const logits = (input) => {
    let a = input;
    for (let l = 0; l + 1 < layers.length; l++) {
      const z = a.matMul(vars[2 * l]).add(vars[2 * l + 1]);
      a = l + 2 < layers.length ? act(z) : z;
    }
    return a;
  };
  const loss = (input, target) => tf.losses.softmaxCrossEntropy(target, logits(input));
  const optimizer = tf.train.sgd(w.optimizer.lr);
  let step = 0;
  const timing = await protocol(w, {
    train: async (count) => {
      for (let s = 0; s < count; s++, step++) {
        const [bx, by] = batches[step % bpp];
        tf.tidy(() => { optimizer.minimize(() => loss(bx, by)); });
      }
    },
    reset: () => { vars.forEach((v, i) => v.assign(initial[i])); step = 0; },
    readBack: () => vars[0].data(),
  });
  const metrics = tf.tidy(() => {
    const z = logits(x);
    const accuracy = z.argMax(1).equal(tf.tensor1d(w.y, 'int32')).toFloat().mean().dataSync()[0];
    return { loss: tf.losses.softmaxCrossEntropy(onehot, z).dataSync()[0], accuracy };
  });
  return line(`tfjs-${backend === 'wasm' ? 'wasm-simd' : 'cpu'}`, w, timing, metrics, `@tensorflow/tfjs ${tf.version_core}, backend ${backend}`);
}

const [engine, ...args] = process.argv.slice(2);
let result;
if (engine === 'gemm') {
  const [m, n, k] = args.map(Number);
  const Module = await loadModule();
  result = { peer: 'bp-wasm', kernel: 'gemm', shape: [m, k, n], gflops: Module.gemmGflops(m, n, k, 1.0) };
} else {
  const w = JSON.parse(fs.readFileSync(args[0], 'utf8'));
  if (engine === 'bp-wasm') result = await ourWasm(w);
  else if (engine === 'tfjs-wasm-simd') result = await tfjs(w, 'wasm');
  else if (engine === 'tfjs-cpu') result = await tfjs(w, 'cpu');
  else throw new Error(`unknown engine ${engine}`);
}
process.stdout.write(JSON.stringify(result) + '\n');
