// `./tutor bench`, MLP part: the benchmark workloads W1-W3 of ../shared/bench/WORKLOADS.md on our engine (native
// binary and wasm under node) and on TensorFlow.js 4.22 (tfjs-wasm with SIMD, tfjs-cpu), each pair in its own
// process, one after another. Prints one JSON line per pair, a table with the ratio to tfjs-wasm-simd, whether
// the final losses agree with TF.js to 4 significant digits, and the GEMM micro-benchmark (wasm vs native).
// Exit 1 if a pair fails or a final loss disagrees. Env: BP_WASM_DIR, BP_BENCH_BIN, WORKLOADS=W1,W3, PEERS=...
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const shared = path.resolve(root, '../shared/bench');
const dataDir = path.join(root, 'build/bench-data');
const benchBin = process.env.BP_BENCH_BIN ?? path.join(root, 'build/native/bp_bench');
const FILES = { W1: 'w1_spiral.json', W2: 'w2_digits.json', W3: 'w3_mnist_size.json' };
const workloads = (process.env.WORKLOADS ?? 'W1,W2,W3').split(',');
const peers = (process.env.PEERS ?? 'bp-native,bp-wasm,tfjs-wasm-simd,tfjs-cpu').split(',');
// Targets of issue 4 for our wasm engine against tfjs-wasm-simd.
const TARGETS = { W1: 10, W2: 3, W3: 2 };

function run(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8', env: process.env, maxBuffer: 1 << 26 });
  const text = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(text);
    if (r.status !== 0 && !parsed.error) parsed.error = `exit ${r.status}: ${r.stderr.slice(-300)}`;
    return parsed;
  } catch {
    return { error: `exit ${r.status}: ${(r.stderr || r.stdout).slice(-300)}` };
  }
}

const peerCommand = (peer, ...args) =>
  peer === 'bp-native' ? [benchBin, args] : [process.execPath, [path.join(here, 'lib/peer.mjs'), peer, ...args]];

if (!fs.existsSync(path.join(dataDir, FILES.W3))) {
  const gen = spawnSync(process.execPath, [path.join(shared, 'gen.js'), '--out', dataDir], { stdio: 'inherit' });
  if (gen.status !== 0) process.exit(1);
}

const results = [];
for (const w of workloads) {
  for (const peer of peers) {
    const result = run(...peerCommand(peer, path.join(dataDir, FILES[w])));
    result.peer ??= peer;
    result.workload ??= w;
    console.log(JSON.stringify(result));
    results.push(result);
  }
}
const gemm = [run(benchBin, ['gemm', '64', '128', '784']),
  run(process.execPath, [path.join(here, 'lib/peer.mjs'), 'gemm', '64', '128', '784'])];
gemm.forEach((g) => console.log(JSON.stringify(g)));

// Table: value, ratio to tfjs-wasm-simd, final loss agreement with TF.js (4 significant digits).
// Agreement to 4 significant digits: closer than half a unit of the 4th digit (rounding both to 4 digits would
// call 0.09074500 and 0.09074499 different).
const fourDigits = (a, b) => Math.abs(a - b) < 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(b))) - 3);
let failed = results.some((r) => r.error) || gemm.some((g) => g.error);
const rows = [['workload', 'peer', 'metric', 'value', 'x tfjs-wasm', 'final_loss', 'accuracy', 'loss = TF.js (4 digits)']];
for (const w of workloads) {
  const mine = results.filter((r) => r.workload === w);
  const ref = mine.find((r) => r.peer === 'tfjs-wasm-simd' && !r.error);
  for (const r of mine) {
    if (r.error) {
      rows.push([w, r.peer, 'error', String(r.error).slice(0, 60), '', '', '', '']);
      continue;
    }
    const agrees = ref ? fourDigits(r.final_loss, ref.final_loss) : null;
    if (agrees === false) failed = true;
    rows.push([w, r.peer, r.metric, Math.round(r.value).toLocaleString('en'), ref ? (r.value / ref.value).toFixed(2) : '-',
      r.final_loss.toPrecision(6), r.accuracy.toFixed(4), agrees === null ? '-' : agrees ? 'yes' : 'NO']);
  }
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
console.log('\n' + rows.map((r) => r.map((v, c) => String(v).padEnd(widths[c])).join('  ')).join('\n'));

const [native, wasm] = gemm;
if (!native.error && !wasm.error) {
  console.log(`\nGEMM 64x784 · 784x128 float32: wasm ${wasm.gflops.toFixed(1)} GFLOP/s, native ${native.gflops.toFixed(1)} GFLOP/s` +
    ` (wasm/native ${(wasm.gflops / native.gflops).toFixed(2)})`);
}
console.log('\nissue 4 targets (bp-wasm vs tfjs-wasm-simd):');
for (const w of workloads) {
  const find = (peer) => results.find((r) => r.workload === w && r.peer === peer && !r.error);
  const ours = find('bp-wasm'), ref = find('tfjs-wasm-simd'), nat = find('bp-native');
  if (!ours || !ref) continue;
  const ratio = ours.value / ref.value;
  let text = `  ${w}: ${ratio.toFixed(2)}x (target ${TARGETS[w]}x) ${ratio >= TARGETS[w] ? 'reached' : 'NOT reached'}`;
  if (w === 'W3' && nat) {
    const slower = ours.seconds / nat.seconds;
    text += `; wasm time / native time = ${slower.toFixed(2)} (target ≤ 1.5) ${slower <= 1.5 ? 'reached' : 'NOT reached'}`;
  }
  console.log(text);
}
process.exit(failed ? 1 : 0);
