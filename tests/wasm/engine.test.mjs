// The built wasm module (what the extension ships), loaded under node: it answers like the engine
// and its spans are exact UTF-16 offsets for any text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const bindings = new URL('../../target/wasm/bindgen/', import.meta.url);
const { initSync, HushEngine, engineVersion } = await import(new URL('hush_wasm.js', bindings));
initSync({ module: readFileSync(new URL('hush_wasm_bg.wasm', bindings)) });
const engine = new HushEngine();

/** The substrings the engine flagged in `text`, by kind. */
function flagged(text) {
  return engine.scan(text).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

test('the module reports its version', () => {
  assert.match(engineVersion(), /^\d+\.\d+\.\d+$/);
});

test('spans are UTF-16 offsets that JavaScript can slice with', () => {
  for (const prefix of ['', 'é', '😀😀 ', '请联系', '👩‍👩‍👧 famille: ', '\u{1F600}\u0301']) {
    assert.deepEqual(flagged(`${prefix}mail ana@example.org now`), [['EMAIL', 'ana@example.org']], prefix);
  }
});

test('findings carry kind, rule, confidence and severity', () => {
  const [finding] = engine.scan('AKIAIOSFODNN7EXAMPLE');
  assert.equal(finding.kind, 'SECRET');
  assert.equal(finding.rule, 'secret.aws_access_key_id');
  assert.equal(finding.severity, 'critical');
  assert.ok(finding.confidence > 0.9);
});

test('lone surrogates and empty text do not break the engine', () => {
  assert.deepEqual(flagged(''), []);
  assert.deepEqual(flagged('\uD800 x@example.com'), [['EMAIL', 'x@example.com']]);
});
