// The labelled corpus through the BUILT wasm module: it must give exactly the findings the native
// engine gives (tests/corpus/expected-findings.jsonl, written by the quality example), so the
// extension's answers are the ones measured by the quality command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine } from './load.mjs';

const { HushEngine } = loadEngine();
const corpusDir = new URL('../corpus/', import.meta.url);
const lines = (name) => readFileSync(new URL(name, corpusDir), 'utf8').split('\n').filter((l) => l.trim() !== '');

/** The char (Unicode scalar value) offset of UTF-16 offset `utf16` in `text`. */
function charOffset(text, utf16) {
  return Array.from(text.slice(0, utf16)).length;
}

test('the wasm engine gives the native engine’s findings on every corpus record', () => {
  const records = lines('corpus.jsonl').map((l) => JSON.parse(l));
  const expected = new Map(lines('expected-findings.jsonl').map((l) => JSON.parse(l)).map((f) => [f.id, f.findings]));
  assert.ok(records.length >= 2000);
  const engine = new HushEngine();
  // The gazetteer as the extension ships it (xtask copies it into dist as hush-names.bin).
  engine.loadNameGazetteer(readFileSync(new URL('../../engine/data/names/names.bin', import.meta.url)));
  let compared = 0;
  for (const record of records) {
    const findings = engine.scan(record.text).map((f) => ({
      start: charOffset(record.text, f.start),
      end: charOffset(record.text, f.end),
      kind: f.kind,
      rule: f.rule,
    }));
    assert.deepEqual(findings, expected.get(record.id), record.id);
    compared += 1;
  }
  assert.equal(compared, expected.size);
});
