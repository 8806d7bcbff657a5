// The linear memory of this realm's Declutter wasm instance: once loaded,
// the wasm-bindgen glue's init returns the instance's exports, `memory`
// among them, without loading anything again.
import initCore from "/pkg/declutter_core.js";

/** This realm's `WebAssembly.Memory`; call after Declutter's `init()`. */
export async function wasmMemory() {
  return (await initCore()).memory;
}
