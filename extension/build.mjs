// Bundles the extension's TypeScript with esbuild.
//
//   node extension/build.mjs OUT_DIR WASM_BINDINGS_DIR   the extension's scripts, one file per context,
//                                                        in OUT_DIR/<browser> for each src/platform/<browser>.ts
//   node extension/build.mjs --tests OUT_DIR             every *.test.ts, for `node --test OUT_DIR`
//
// Called by `cargo xtask build` / `cargo xtask test`; each context is one self-contained IIFE so
// the same files load as a Chromium service worker, a Firefox background script and a content script.
// `hush-platform` is the browser's own module (see src/shared/platform.ts): each browser's build
// holds only the APIs that browser has.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const shared = {
  bundle: true,
  logLevel: 'warning',
  target: ['chrome116', 'firefox128'],
  // The wasm-bindgen glue mentions import.meta.url only for its default module path; the
  // background always passes the module's URL explicitly.
  logOverride: { 'empty-import-meta': 'silent' },
};

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const args = process.argv.slice(2);
if (args[0] === '--tests') {
  const out = args[1];
  rmSync(out, { recursive: true, force: true });
  await build({
    ...shared,
    entryPoints: Object.fromEntries(testFiles(src).map((f) => [relative(src, f).replace(/\.ts$/, ''), f])),
    outdir: out,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
  });
} else {
  const [out, bindings] = args;
  if (!out || !bindings) throw new Error('usage: node extension/build.mjs OUT_DIR WASM_BINDINGS_DIR');
  const browsers = readdirSync(join(src, 'platform')).map((file) => file.replace(/\.ts$/, ''));
  await Promise.all(
    browsers.map((browser) =>
      build({
        ...shared,
        entryPoints: {
          background: join(src, 'background/index.ts'),
          content: join(src, 'content/index.ts'),
          popup: join(src, 'popup/index.ts'),
          options: join(src, 'options/index.ts'),
          restore: join(src, 'restore/index.ts'),
        },
        outdir: join(out, browser),
        format: 'iife',
        alias: { 'hush-wasm': resolve(bindings, 'hush_wasm.js'), 'hush-platform': join(src, 'platform', `${browser}.ts`) },
      }),
    ),
  );
}
