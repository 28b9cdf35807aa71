#!/usr/bin/env bash
# One training call on a lent GPU machine (device tool): trains ours, v3 and v2 side by side on
# the compact data copy (train/pack_data.py -> .device-data/), writes lean checkpoints and logs
# to $OUT. Usage there: bash train/gpu-run.sh [minutes for ours, default 7]
set -u
M=${1:-7}
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
export PYTHONUNBUFFERED=1
nvidia-smi -L; python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name())'
common="--data .device-data/train --val .device-data/val --crop 160 --every 30 --threads 4"
python3 train/train.py --model ours $common --batch 128 --lr 2e-3 --minutes "$M" --workers 8 \
  --ckpt /tmp/ours.pt --lean "$OUT/ours.pt" > "$OUT/ours.log" 2>&1 &
python3 train/train.py --model v3 $common --batch 64 --lr 5e-4 --minutes "$(python3 -c "print($M - 1)")" --workers 4 \
  --ckpt /tmp/v3.pt --lean "$OUT/v3.pt" > "$OUT/v3.log" 2>&1 &
python3 train/train.py --model v2 $common --batch 64 --lr 1e-3 --minutes "$(python3 -c "print(min($M - 2, 3))")" --workers 4 \
  --ckpt /tmp/v2.pt --lean "$OUT/v2.pt" > "$OUT/v2.log" 2>&1 &
wait
tail -n 3 "$OUT"/*.log
nvidia-smi --query-gpu=name,memory.used --format=csv
