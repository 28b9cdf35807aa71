#!/bin/bash
# On a lent GPU machine (a device run with carry [".gpukit"], from the repository root): unpacks
# what bench/gpu-kit.ts packed and runs bench/gpu-node.ts on WebGPU (Dawn, Vulkan, the NVIDIA
# driver). Writes gpu-node.md and gpu-node.json to $OUT (or /tmp/gpu-out). VK_DRIVER_FILES, if set,
# names another Vulkan driver (a try without a GPU: Chromium's SwiftShader, see bench/README.md).
set -euo pipefail
out=${OUT:-/tmp/gpu-out}
mkdir -p "$out"
for deb in .gpukit/debs/*.deb; do dpkg -x "$deb" /; done
ldconfig
icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$icd" ]; then export VK_DRIVER_FILES=$icd; fi
nvidia-smi -L || echo "no nvidia-smi"
unxz() { xz -dc "$1" 2>/dev/null || python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), sys.stdout.buffer)' "$1"; }
unxz .gpukit/node.xz > /tmp/recolor-node
chmod +x /tmp/recolor-node
# Unpacked outside the kit, which stays as carried (a second call sends no 21 MB binary twice).
dawn=/tmp/recolor-dawn
mkdir -p "$dawn/dist/linux-x64"
cp .gpukit/dawn/index.js .gpukit/dawn/package.json "$dawn/"
unxz .gpukit/dawn/dist/linux-x64/dawn.node.xz > "$dawn/dist/linux-x64/dawn.node"
RECOLOR_DAWN=$dawn/index.js /tmp/recolor-node --import ./bench/gpu-dawn.mjs .gpukit/gpu-node.mjs --model models/colorizer \
  --photos .gpukit/photos --runs "${RUNS:-20}" --out "$out/gpu-node.json" | tee "$out/gpu-node.md"
