// Hush's BUILT wasm module (target/wasm/bindgen, made by `cargo xtask build`) over a labelled JSONL
// corpus, for `cargo xtask compare`:
//     node tests/compare/hush_wasm.mjs CORPUS.jsonl
// Prints what tests/compare/tools.py prints for the Python tools: one {"id", "findings": [{"start",
// "end", "label"}]} line per record, offsets in chars (the module answers in UTF-16 code units), then
// {"scan_seconds": ...}, the time of one pass of `engine.scan` over every record (conversions to
// JavaScript objects included; building the engine, loading its name gazetteer and converting
// offsets excluded). The engine gets the gazetteer the extension ships (engine/data/names/names.bin,
// copied into dist as hush-names.bin), so it finds names of people as the extension does.
import { readFileSync } from 'node:fs';
import { loadEngine } from '../wasm/load.mjs';

const MIN_SECONDS = 2;

/** A function from UTF-16 offsets in `text` to char (Unicode scalar value) offsets. */
function charOffsets(text) {
  const table = new Uint32Array(text.length + 1);
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = chars;
    const unit = text.charCodeAt(i);
    const highSurrogate = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    if (!(highSurrogate && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00)) chars += 1;
  }
  table[text.length] = chars;
  return (utf16) => table[utf16];
}

const path = process.argv[2];
if (!path) {
  console.error('usage: node tests/compare/hush_wasm.mjs CORPUS.jsonl');
  process.exit(2);
}
const records = readFileSync(path, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const { HushEngine } = loadEngine();
const engine = new HushEngine();
engine.loadNameGazetteer(readFileSync(new URL('../../engine/data/names/names.bin', import.meta.url)));

const out = [];
let seconds = 0;
let passes = 0;
while (passes === 0 || seconds < MIN_SECONDS) {
  for (const record of records) {
    const started = performance.now();
    const findings = engine.scan(record.text);
    seconds += (performance.now() - started) / 1000;
    if (passes === 0) {
      const toChar = charOffsets(record.text);
      const spans = findings.map((f) => ({ start: toChar(f.start), end: toChar(f.end), label: f.kind }));
      out.push(JSON.stringify({ id: record.id, findings: spans }));
    }
  }
  passes += 1;
}
out.push(JSON.stringify({ scan_seconds: seconds / passes }));
process.stdout.write(out.join('\n') + '\n');
