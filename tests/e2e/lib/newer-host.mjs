#!/usr/bin/env node
// A stand-in for a future hush-host that speaks only protocol version 2, which this extension does
// not: it answers every request the way the real host answers a handshake with no common version
// (native messaging frames: a 4-byte little-endian length, then UTF-8 JSON). The real host cannot
// be made to speak another version, so the version check is tested against this script.
let pending = Buffer.alloc(0);

function reply(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  process.stdout.write(Buffer.concat([length, body]));
}

process.stdin.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32LE(0)) {
    const size = pending.readUInt32LE(0);
    const request = JSON.parse(pending.subarray(4, 4 + size).toString('utf8'));
    pending = pending.subarray(4 + size);
    reply({
      id: request.id ?? null,
      ok: false,
      error: { code: 'unsupported_version', message: 'this host speaks protocol version 2; update the extension or the host' },
    });
  }
});
process.stdin.on('end', () => process.exit(0));
