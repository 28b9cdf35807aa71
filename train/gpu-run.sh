#!/usr/bin/env bash
# One training call on a lent GPU machine (device tool): resumes the committed checkpoint
# (train/checkpoint/ours.pt) for a new learning-rate cycle of MINUTES on the compact data copy
# (train/pack_data.py -> .device-data/, under 64 MiB with its MANIFEST.tsv), with the same recipe
# as train/session.sh at GPU batch size, and brings the whole resumable checkpoint back in $OUT.
# Here: /usr/bin/python3 train/pack_data.py --src ../shared/data/photos/train --out .device-data/train
#       (and --src .../val-scenes --out .device-data/val-scenes)
# Device: run with command "bash train/gpu-run.sh 8", carry [".device-data"], then copy
#         $OUT/ours.pt over train/checkpoint/ours.pt.
set -u
M=${1:-8}
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
export PYTHONUNBUFFERED=1
nvidia-smi -L; python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name())'
. train/recipe.sh
cp train/checkpoint/ours.pt /tmp/ours.pt
python3 train/train.py "${RECIPE[@]}" --data .device-data/train --val .device-data/val-scenes \
  --crop 160 --batch 128 --lr 2e-3 \
  --minutes "$M" --new-cycle --every 60 --threads 8 --workers 8 --ckpt /tmp/ours.pt > "$OUT/ours.log" 2>&1
cp /tmp/ours.pt "$OUT/ours.pt"
tail -n 3 "$OUT/ours.log"
nvidia-smi --query-gpu=name,memory.used --format=csv
