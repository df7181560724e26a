// Bundles each editor test page's script (every file directly in src/) into dist/ with esbuild.
// The pages are served with `script-src 'self'`, so every script must be a file: one bundle per
// page, plus the CSS the page's editor library ships, which esbuild extracts next to it.
// Idempotent; takes well under a second. Run: node tests/e2e/pages/build.mjs
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const entryPoints = readdirSync(here('src'), { withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
  .map((entry) => here(`src/${entry.name}`));

await build({
  entryPoints,
  outdir: here('dist'),
  bundle: true,
  format: 'iife',
  target: 'chrome120',
  jsx: 'automatic',
  // The production builds of React and Lexical, as chat sites ship them.
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
