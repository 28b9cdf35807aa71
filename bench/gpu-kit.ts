// Packs what the GPU figures need on a lent GPU machine that has no Node, no Chromium and no
// network (bench/README.md, "GPU machine"): into .gpukit/ (ignored by git, carried by the device
// call): Node itself (xz), bench/gpu-node.ts bundled with tfjs and the engine into one file, Dawn's
// WebGPU for Node (the `webgpu` package's Linux x64 build, fetched here with `npm pack`), the
// Vulkan loader (Debian's libvulkan1, fetched here with `apt-get download`), and gray test photos.
// Then on the device: `bash bench/gpu-kit-run.sh` (it unpacks and runs them).
//
//   node --import tsx bench/gpu-kit.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { build } from 'vite';
import { makePhoto } from './lib/photos.ts';

const DAWN_PACKAGE = 'webgpu@0.6.2';
const root = resolve(import.meta.dirname, '..');
const kit = resolve(root, '.gpukit');
const scratch = resolve(kit, 'scratch');
rmSync(kit, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
const run = (command: string, args: string[], cwd = scratch) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });

// The benchmark and everything it imports, one ES module for Node; Node's own modules stay imports.
await build({
  configFile: false,
  root,
  publicDir: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { noExternal: true },
  build: {
    ssr: resolve(root, 'bench/gpu-node.ts'),
    outDir: kit,
    emptyOutDir: false,
    target: 'node20',
    minify: true,
    reportCompressedSize: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'gpu-node.mjs', codeSplitting: false } },
  },
});

// Dawn: the package's loader and its Linux x64 binary only (the package holds every platform's).
run('npm', ['pack', '--silent', DAWN_PACKAGE]);
const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))!;
run('tar', ['xzf', tarball, 'package/index.js', 'package/package.json', 'package/LICENSE.md', 'package/dist/linux-x64/dawn.node']);
mkdirSync(join(kit, 'dawn/dist/linux-x64'), { recursive: true });
for (const file of ['index.js', 'package.json', 'LICENSE.md']) copyFileSync(join(scratch, 'package', file), join(kit, 'dawn', file));
writeFileSync(join(kit, 'dawn/dist/linux-x64/dawn.node.xz'), execFileSync('xz', ['-T2', '-6', '-c', join(scratch, 'package/dist/linux-x64/dawn.node')], { maxBuffer: 256 << 20 }));

// The Vulkan loader Dawn opens (the driver's ICD comes with the machine's NVIDIA driver).
mkdirSync(join(kit, 'debs'));
run('apt-get', ['download', 'libvulkan1'], join(kit, 'debs'));

// Node: this machine's, if it is a self-contained build (glibc and libstdc++ only).
const libraries = execFileSync('ldd', [process.execPath], { encoding: 'utf8' });
if (/libnode|libuv|libssl|libicu/.test(libraries)) throw new Error(`${process.execPath} needs shared libraries the device lacks:\n${libraries}`);
writeFileSync(join(kit, 'node.xz'), execFileSync('xz', ['-T2', '-6', '-c', process.execPath], { maxBuffer: 256 << 20 }));

// Gray photos (bench/lib/photos.ts), one byte a pixel, gzipped: the device has no JPEG decoder for Node.
mkdirSync(join(kit, 'photos'));
for (const [width, height] of [[512, 512], [1024, 768], [3000, 2000]]) {
  const photo = await makePhoto(width, height);
  const gray = await sharp(photo.jpeg).grayscale().raw().toBuffer();
  writeFileSync(join(kit, 'photos', `${width}x${height}.gray.gz`), gzipSync(gray));
}

rmSync(scratch, { recursive: true, force: true });
const size = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => sum + (entry.isDirectory() ? size(join(dir, entry.name)) : statSync(join(dir, entry.name)).size), 0);
console.log(`.gpukit: ${(size(kit) / 1048576).toFixed(1)} MiB (the device call carries at most 64 MiB with the repository)`);
console.log('on the GPU machine: bash bench/gpu-kit-run.sh   (device run with carry [".gpukit"])');
