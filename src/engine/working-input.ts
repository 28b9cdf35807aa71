// The lightness channel of the model's input (models/README.md, "Input contract"): x = L/50 - 1 on
// an S x S square, S = 256; the image is resized so its long side is S, aspect kept, and the rest
// padded by repeating the edge (a constant pad would look like a frame to the network and bleed
// its colors inward). A hint-ready model's other channels: hint-input.ts.
import { lightnessBlockMeans } from './lab-buffers.ts';
import { reductionFactors, resamplePlane } from './resample.ts';

export const WORKING_SIZE = 256;

export interface WorkingGeometry {
  /** Square side the network sees. */
  size: number;
  /** Content size inside it; the rest is padding (right and bottom). */
  width: number;
  height: number;
}

export function workingGeometry(width: number, height: number, size = WORKING_SIZE): WorkingGeometry {
  const scale = size / Math.max(width, height);
  return {
    size,
    width: Math.min(size, Math.max(1, Math.round(width * scale))),
    height: Math.min(size, Math.max(1, Math.round(height * scale))),
  };
}

/** Full-resolution RGBA -> normalized, padded network input (size * size floats) from L alone. */
export function workingInput(rgba: ArrayLike<number>, width: number, height: number, geo: WorkingGeometry): Float32Array {
  const [kx, ky] = reductionFactors(width, height, geo.width, geo.height);
  const blocks = lightnessBlockMeans(rgba, width, height, kx, ky);
  const small = resamplePlane(blocks, Math.ceil(width / kx), Math.ceil(height / ky), geo.width, geo.height);
  const { size } = geo;
  const input = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    const sy = Math.min(y, geo.height - 1) * geo.width;
    for (let x = 0; x < size; x++) {
      const L = 116 * small[sy + Math.min(x, geo.width - 1)] - 16;
      input[y * size + x] = L / 50 - 1;
    }
  }
  return input;
}
