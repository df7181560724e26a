// The built wasm module (what the extension ships), loaded under node: it answers like the engine
// and its spans are exact UTF-16 offsets for any text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load.mjs';

const { HushEngine, engineVersion } = loadEngine();
const engine = new HushEngine();

/** `text` restored in `conversation`: the restored pieces' texts joined. */
function restored(hush, conversation, text) {
  return hush.restorePieces(conversation, text).map((piece) => piece.text).join('');
}

/** The substrings the engine flagged in `text`, by kind. */
function flagged(text, hush = engine) {
  return hush.scan(text).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

const ACME = {
  clients: [
    {
      id: 'c1',
      name: 'Acme Corp',
      alias: 'CLIENT_A',
      terms: [
        { term: 'Acme Corp', aliases: ['Acme', 'ACME Inc.'], category: 'client' },
        { term: 'Zoë Brûlé', aliases: [], category: 'contact' },
        { term: '阿里巴巴', aliases: [], category: 'project' },
      ],
      patterns: [{ id: 'acme-ticket', regex: 'ACME-\\d{4}', label: 'Acme ticket number' }],
    },
    { id: 'c2', name: 'Globex', terms: [{ term: 'Globex', aliases: [], category: 'client' }], patterns: [] },
  ],
};

test('the module reports its version', () => {
  assert.match(engineVersion(), /^\d+\.\d+\.\d+$/);
});

test('spans are UTF-16 offsets that JavaScript can slice with', () => {
  for (const prefix of ['', 'é', '😀😀 ', '请联系', '👩‍👩‍👧 famille: ', '\u{1F600}\u0301']) {
    assert.deepEqual(flagged(`${prefix}mail ana@example.org now`), [['EMAIL', 'ana@example.org']], prefix);
  }
});

test('findings carry kind, rule, label, confidence and severity', () => {
  const [finding] = engine.scan('AKIAIOSFODNN7EXAMPLE');
  assert.equal(finding.kind, 'SECRET');
  assert.equal(finding.rule, 'secret.aws_access_key_id');
  assert.equal(finding.label, 'AWS access key id');
  assert.equal(finding.severity, 'critical');
  assert.ok(finding.confidence > 0.9);
  assert.equal('client' in finding, false);
});

test('lone surrogates and empty text do not break the engine', () => {
  assert.deepEqual(flagged(''), []);
  assert.deepEqual(flagged('\uD800 x@example.com'), [['EMAIL', 'x@example.com']]);
});

test('a dictionary finds client terms case-, accent- and width-insensitively, in CJK text too', () => {
  const hush = new HushEngine();
  hush.setDictionary(ACME);
  const text = '😀 ACME INC. asked zoe brule about 阿里巴巴的项目, ticket ACME-1234, cc Globex’s team';
  assert.deepEqual(flagged(text, hush), [
    ['CLIENT_TERM', 'ACME INC.'],
    ['CLIENT_TERM', 'zoe brule'],
    ['CLIENT_TERM', '阿里巴巴'],
    ['CUSTOM', 'ACME-1234'],
    ['CLIENT_TERM', 'Globex'],
  ]);
  const findings = hush.scan(text);
  assert.equal(findings[0].client, 'c1');
  assert.equal(findings[0].label, 'Client: Acme Corp');
  assert.equal(findings[3].label, 'Acme ticket number');
  assert.equal(findings[4].client, 'c2');
});

test('a bad dictionary throws a JsError with a kind and keeps the previous dictionary', () => {
  const hush = new HushEngine();
  hush.setDictionary(ACME);
  const bad = structuredClone(ACME);
  bad.clients[0].patterns[0].regex = 'SecretName(';
  assert.throws(
    () => hush.setDictionary(bad),
    (e) => e instanceof Error && e.message.startsWith('dictionary: ') && !e.message.includes('SecretName'),
  );
  assert.throws(() => hush.setDictionary({ clients: [{ id: 'c1', name: 'Hidden Name', terms: 'Hidden Name' }] }), (e) =>
    e.message.startsWith('dictionary: ') && !e.message.includes('Hidden Name'),
  );
  assert.throws(() => hush.setDictionary(42), /^Error: dictionary: /);
  assert.deepEqual(flagged('Acme', hush), [['CLIENT_TERM', 'Acme']]);
});

test('detectors can be switched off by id or rule id', () => {
  const hush = new HushEngine();
  const text = 'AKIAIOSFODNN7EXAMPLE ana@example.org';
  hush.setDisabledDetectors(['email']);
  assert.deepEqual(flagged(text, hush), [['SECRET', 'AKIAIOSFODNN7EXAMPLE']]);
  hush.setDisabledDetectors(['secret.aws_access_key_id']);
  assert.deepEqual(flagged(text, hush), [['EMAIL', 'ana@example.org']]);
  hush.setDisabledDetectors([]);
  assert.equal(hush.scan(text).length, 2);
});

test('lists its detectors with words for the settings page, each one switching off what it finds', () => {
  const hush = new HushEngine();
  const detectors = hush.detectors();
  assert.ok(detectors.some((d) => d.id === 'email' && d.label === 'Email addresses'));
  for (const { id, label } of detectors) assert.ok(id && label && label !== id, `${id} has words`);
  hush.setDisabledDetectors(detectors.map((d) => d.id));
  assert.deepEqual(hush.scan('AKIAIOSFODNN7EXAMPLE ana@example.org +44 20 7946 0958'), []);
});

test('allowed values are no longer reported, by a key that does not hold the value', () => {
  const hush = new HushEngine();
  const key = hush.allowKey('Ana@Example.org');
  assert.match(key, /^[0-9a-f]{64}$/);
  hush.setAllowedKeys([key]);
  assert.deepEqual(flagged('ana@example.org bob@example.org', hush), [['EMAIL', 'bob@example.org']]);
});

test('redact replaces findings with stable placeholders and restore brings them back', () => {
  const hush = new HushEngine();
  hush.setDictionary(ACME);
  const text = '😀 Acme Corp: write to ana@example.org, Globex and ana@example.org';
  const { text: redacted, edits } = hush.redact('conv-1', text);
  assert.equal(redacted, '😀 [CLIENT_A]: write to [EMAIL_1], [CLIENT_1] and [EMAIL_1]');
  assert.deepEqual(
    edits.map((e) => [text.slice(e.start, e.end), e.placeholder]),
    [
      ['Acme Corp', '[CLIENT_A]'],
      ['ana@example.org', '[EMAIL_1]'],
      ['Globex', '[CLIENT_1]'],
      ['ana@example.org', '[EMAIL_1]'],
    ],
  );
  assert.equal(restored(hush, 'conv-1', redacted), text);
  assert.equal(restored(hush, 'conv-1', 'Dear [CLIENT_A], [EMAIL_1] replied'), 'Dear Acme Corp, ana@example.org replied');
  assert.deepEqual(hush.restorePieces('conv-1', '[[EMAIL_1]] and [TODO]'), [
    { text: '[' },
    { text: 'ana@example.org', placeholder: '[EMAIL_1]' },
    { text: '] and [TODO]' },
  ]);
  assert.deepEqual(hush.restorePieces('never-seen', ''), []);
  // Placeholders are per conversation.
  assert.equal(hush.redact('conv-2', 'bob@example.org').text, '[EMAIL_1]');
  assert.equal(restored(hush, 'conv-2', '[CLIENT_A]'), '[CLIENT_A]');
  assert.equal(restored(hush, 'never-seen', '[EMAIL_1]'), '[EMAIL_1]');
});

test('a conversation kept as JSON restores in a new engine, which numbers on from it', () => {
  const first = new HushEngine();
  const redacted = first.redact('c', 'write to ana@example.org').text;
  assert.equal(first.exportConversation('never-seen'), undefined);
  const kept = JSON.parse(JSON.stringify(first.exportConversation('c')));
  const second = new HushEngine();
  second.importConversation('c', kept);
  assert.equal(restored(second, 'c', redacted), 'write to ana@example.org');
  assert.equal(second.redact('c', 'bob@example.org').text, '[EMAIL_2]');
  second.forgetConversation('c');
  assert.equal(restored(second, 'c', redacted), redacted);
  assert.throws(() => second.importConversation('c', { originals: 'ana@example.org' }), (error) => {
    assert.match(error.message, /^input: not a conversation: /);
    assert.doesNotMatch(error.message, /ana@example/);
    return true;
  });
});

test('redact never wraps a placeholder twice', () => {
  const hush = new HushEngine();
  hush.setDictionary(ACME);
  const once = hush.redact('c', 'Acme and bob@example.org').text;
  const twice = hush.redact('c', once);
  assert.equal(twice.text, once);
  assert.deepEqual(twice.edits, []);
});

test('redact with spans replaces only the findings they overlap', () => {
  const hush = new HushEngine();
  const text = 'ana@example.org and bob@example.org';
  const { text: redacted, edits } = hush.redact('c', text, [{ start: 22, end: 23 }]);
  assert.equal(redacted, 'ana@example.org and [EMAIL_1]');
  assert.deepEqual(edits, [{ start: 20, end: 35, placeholder: '[EMAIL_1]' }]);
  assert.throws(() => hush.redact('c', text, 'nope'), /^Error: input: /);
});
