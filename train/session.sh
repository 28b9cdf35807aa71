#!/usr/bin/env bash
# Start (or resume) the colorizer's training in the background, as every working session should
# at its start. It resumes train/checkpoint/ours.pt (committed: EMA, optimizer state, step count);
# when the checkpoint's learning-rate cycle has ended, a new cycle of MINUTES begins (a warm
# restart). Log: train/runs/<date>.log. Usage: bash train/session.sh [MINUTES, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."
M=${1:-120}
P=${RECOLOR_PHOTOS:-../shared/data/photos}
. train/recipe.sh
mkdir -p train/checkpoint train/runs
log=train/runs/$(date -u +%Y-%m-%d-%H%M).log
nohup setsid /usr/bin/python3 train/train.py "${RECIPE[@]}" --data "$P/train" --val "$P/val-scenes" \
  --crop 128 --batch 32 --lr 1.5e-3 \
  --minutes "$M" --every 300 --ckpt train/checkpoint/ours.pt > "$log" 2>&1 &
echo "training in the background (pid $!), log: $log"
