// The engine's backend report in words a user reads: the engine explains its choice in a
// developer's terms ("hardware WebGL2 (ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2),
// OpenGL 4.6)); skipped: ..."); the options page says "WebGL on Intel UHD Graphics 620" and keeps
// the full text under "Details". Pure (table-tested in engine-words.test.ts).
import type { MessageKey } from './i18n.ts';

export interface Phrase {
  key: MessageKey;
  substitutions: string[];
}

const VENDORS: Record<string, string> = {
  intel: 'Intel',
  nvidia: 'NVIDIA',
  amd: 'AMD',
  ati: 'ATI',
  apple: 'Apple',
  qualcomm: 'Qualcomm',
  arm: 'ARM',
  microsoft: 'Microsoft',
  google: 'Google',
};

/** Splits "a, b (c, d), e" at the commas outside parentheses. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** Drops parenthesized groups, nested ones too. */
function withoutParentheses(text: string): string {
  let out = text;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/\([^()]*\)/g, ' ');
  }
  return out;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A graphics card's marketing name from a WebGL renderer string (ANGLE's on Chromium: vendor,
 * device, driver) or a WebGPU adapter's vendor, architecture and description.
 */
export function gpuName(renderer: string): string {
  let text = renderer.trim();
  const angle = /^ANGLE \((.*)\)$/s.exec(text);
  if (angle) {
    const parts = topLevelParts(angle[1]);
    text = parts[1] ?? parts[0];
  }
  text = text
    .replace(/ANGLE Metal Renderer:\s*/i, '')
    .replace(/^Mesa\s+/i, '')
    .replace(/\((?:R|TM|C)\)/gi, '')
    .replace(/\s(?:Direct3D|D3D\d|vs_\d|ps_\d|OpenGL|Vulkan)\S*.*$/, '')
    .replace(/\/.*$/, ''); // "GeForce GTX 1080/PCIe/SSE2"
  text = tidy(withoutParentheses(text));
  // WebGPU: "nvidia ampere NVIDIA GeForce RTX 3060" names the vendor twice; the description wins.
  const words = text.split(' ');
  const vendor = VENDORS[words[0]?.toLowerCase() ?? ''];
  if (vendor) {
    const again = words.findIndex((word, i) => i > 0 && word.toLowerCase() === words[0].toLowerCase());
    const rest = again > 0 ? words.slice(again + 1) : words.slice(1);
    text = [vendor, ...rest].join(' ');
  }
  return text || renderer.trim();
}

/** What is inside the outermost parentheses that follow `prefix`, or null where there are none. */
function parenthesized(text: string, prefix: RegExp): string | null | undefined {
  const match = prefix.exec(text);
  if (!match) return undefined;
  const rest = text.slice(match[0].length).trim();
  if (!rest.startsWith('(') || !rest.endsWith(')')) return null;
  return rest.slice(1, -1);
}

/** The engine's reason for its backend, as a catalog phrase. */
export function describeBackend(backend: string, reason: string): Phrase {
  const main = reason.split('; skipped: ')[0].trim();
  if (/forced by the allowed list/.test(main)) return { key: 'whyForced', substitutions: [backend] };
  const webgpu = parenthesized(main, /^hardware WebGPU adapter/);
  if (webgpu !== undefined) {
    return webgpu ? { key: 'whyWebgpu', substitutions: [gpuName(webgpu)] } : { key: 'whyWebgpuUnnamed', substitutions: [] };
  }
  const webgl = parenthesized(main, /^hardware WebGL\d?/);
  if (webgl) return { key: 'whyWebgl', substitutions: [gpuName(webgl)] };
  if (/^wasm\b/.test(main)) return { key: 'whyWasm', substitutions: [] };
  if (/^cpu is the last resort|^plain JavaScript/.test(main)) return { key: 'whyCpu', substitutions: [] };
  return { key: 'whyUnknown', substitutions: [backend] };
}
