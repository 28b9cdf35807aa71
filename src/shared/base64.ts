// Base64 for bytes. Native Uint8Array.prototype.toBase64 / Uint8Array.fromBase64 where the engine
// has them (Chrome 140+, Firefox 133+): a colorized 3000x2000 JPEG took ~50 ms of the page's main
// thread through atob and a loop. Otherwise in chunks: String.fromCharCode(...bytes) overflows
// the stack on large images.
const CHUNK = 0x8000;

interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
const nativeFrom = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
const nativeTo = (Uint8Array.prototype as NativeBase64).toBase64;

export function bytesToBase64(bytes: Uint8Array | Uint8ClampedArray): string {
  if (nativeTo) return nativeTo.call(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  if (nativeFrom) return nativeFrom(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
