// The detector's sRGB (8-bit) -> CIE Lab (D65): the conversion of src/shared/lab.ts, tabulated for
// speed over a 64x64 buffer on a page's main thread. Each 8-bit code's share of X/Xn, Y and Z/Zn
// per channel is a 256-entry table (9 tables), and f() a 2048-entry table with linear
// interpolation (error < 0.01 L* against the exact srgbToLab). The per-pixel code reads only these
// local tables: no constant from another module, which a test runner's module transform would turn
// into a property load per use.
import { labF, LUMA_B, LUMA_G, LUMA_R, srgbDecode, X_B, X_G, X_R, XN, Z_B, Z_G, Z_R, ZN } from '../shared/lab.ts';

const F_TABLE_SIZE = 2048;
const F_TABLE_MAX = 1.01; // X/Xn, Y, Z/Zn of 8-bit sRGB stay within [0, 1]
const F_TABLE_SCALE = F_TABLE_SIZE / F_TABLE_MAX;

/** One channel's share of X/Xn, Y and Z/Zn for each 8-bit code. */
function shares(x: number, y: number, z: number): [Float64Array, Float64Array, Float64Array] {
  const tables: [Float64Array, Float64Array, Float64Array] = [new Float64Array(256), new Float64Array(256), new Float64Array(256)];
  for (let i = 0; i < 256; i++) {
    const linear = srgbDecode(i / 255);
    tables[0][i] = (x * linear) / XN;
    tables[1][i] = y * linear;
    tables[2][i] = (z * linear) / ZN;
  }
  return tables;
}

const [XR, YR, ZR] = shares(X_R, LUMA_R, Z_R);
const [XG, YG, ZG] = shares(X_G, LUMA_G, Z_G);
const [XB, YB, ZB] = shares(X_B, LUMA_B, Z_B);

const F_TABLE = new Float64Array(F_TABLE_SIZE + 2);
for (let i = 0; i < F_TABLE.length; i++) F_TABLE[i] = labF(i / F_TABLE_SCALE);

function tableF(t: number): number {
  const x = (t < 0 ? 0 : t > F_TABLE_MAX ? F_TABLE_MAX : t) * F_TABLE_SCALE;
  const i = x | 0;
  return F_TABLE[i] + (F_TABLE[i + 1] - F_TABLE[i]) * (x - i);
}

/** Writes L, a, b of one 8-bit sRGB colour into out[offset..offset+2] (tabulated srgbToLab). */
export function writeLabOfSrgb(r: number, g: number, b: number, out: Float32Array | Float64Array | number[], offset = 0): void {
  const fx = tableF(XR[r] + XG[g] + XB[b]);
  const fy = tableF(YR[r] + YG[g] + YB[b]);
  const fz = tableF(ZR[r] + ZG[g] + ZB[b]);
  out[offset] = 116 * fy - 16;
  out[offset + 1] = 500 * (fx - fy);
  out[offset + 2] = 200 * (fy - fz);
}
