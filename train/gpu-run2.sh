#!/usr/bin/env bash
# Second, short GPU call: two variants of ours side by side (the first 8-minute run overfit
# after ~2 minutes): A = Zhang's rebalancing (lambda 0.5), B = milder rebalancing, more decay.
set -u
M=${1:-3.2}
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
export PYTHONUNBUFFERED=1
common="--model ours --data .device-data/train --val .device-data/val --crop 160 --every 30 --threads 6 --workers 6 --batch 128 --lr 2e-3 --minutes $M"
python3 train/train.py $common --rebalance 0.5 --wd 1e-4 --ckpt /tmp/a.pt --lean "$OUT/ours-a.pt" > "$OUT/ours-a.log" 2>&1 &
python3 train/train.py $common --rebalance 0.8 --wd 1e-3 --ckpt /tmp/b.pt --lean "$OUT/ours-b.pt" > "$OUT/ours-b.log" 2>&1 &
wait
tail -n 2 "$OUT"/*.log
