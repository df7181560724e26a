// The built wasm module's speed under node (V8, as in Chromium's background):
//     node tests/wasm/bench.mjs
// Prints the time to build the engine, to load the name gazetteer (hush-names.bin) into it, and to
// scan a 20,000-character prompt holding a few hundred findings, conversions to JavaScript objects
// included.
import { readFileSync } from 'node:fs';
import { loadEngine } from './load.mjs';

const { HushEngine } = loadEngine();
let started = performance.now();
const engine = new HushEngine();
const build = performance.now() - started;
const names = readFileSync(new URL('../../engine/data/names/names.bin', import.meta.url));
started = performance.now();
engine.loadNameGazetteer(names);
const loadNames = performance.now() - started;

const paragraph =
  'Contact Jane at jane.roe@example.com or +44 20 7946 0958; the invoice total is €48,500 payable to ' +
  'DE89 3704 0044 0532 0130 00 within 30 days.\nHi team, following up on yesterday’s call: the client wants ' +
  'the revised proposal by Friday. 我们和客户确认了第三季度的预算。\nfn handle(req: Request) -> Result<Response> ' +
  '{ let id = req.param("id")?; }\n';
const prompt = paragraph.repeat(Math.ceil(20000 / paragraph.length)).slice(0, 20000);
const findings = engine.scan(prompt).length;
for (let i = 0; i < 20; i++) engine.scan(prompt);
const runs = 200;
started = performance.now();
for (let i = 0; i < runs; i++) engine.scan(prompt);
const scan = (performance.now() - started) / runs;
console.log(`new HushEngine(): ${build.toFixed(1)} ms`);
console.log(`loadNameGazetteer(${names.length} bytes): ${loadNames.toFixed(1)} ms`);
console.log(`scan of a 20,000-char prompt (${findings} findings): ${(scan * 1000).toFixed(0)} µs`);
