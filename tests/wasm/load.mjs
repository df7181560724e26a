// Loads the BUILT wasm module (target/wasm/bindgen, made by `cargo xtask build`) under node.
import { readFileSync } from 'node:fs';

const bindings = new URL('../../target/wasm/bindgen/', import.meta.url);
const glue = await import(new URL('hush_wasm.js', bindings));
glue.initSync({ module: readFileSync(new URL('hush_wasm_bg.wasm', bindings)) });

/** The module's exports, initialised. */
export function loadEngine() {
  return glue;
}
