// What tfjs holds: tensors (they must return to the baseline after every image) and, on wasm, the
// size of the module's linear memory, which grows to the largest image's working set and stays.
import * as tf from '@tensorflow/tfjs';

export interface EngineMemory {
  backend: string;
  numTensors: number;
  numBytes: number;
  numDataBuffers: number;
  /** wasm backend only: bytes of linear memory (it never shrinks). */
  wasmHeapBytes?: number;
}

/** Call only once an engine is loaded: tf.memory() would otherwise initialize a backend itself. */
export function engineMemory(): EngineMemory {
  const memory = tf.memory();
  const backend = tf.getBackend();
  const wasm = backend === 'wasm' ? (tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm : undefined;
  return {
    backend,
    numTensors: memory.numTensors,
    numBytes: memory.numBytes,
    numDataBuffers: memory.numDataBuffers,
    wasmHeapBytes: wasm?.HEAPU8?.buffer.byteLength,
  };
}
