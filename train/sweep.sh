#!/usr/bin/env bash
# Widths at equal wall-clock (issue 10, "a model sized by measurement"): trains each widths
# setting from scratch for MINUTES with the shared recipe (recipe.sh), then scores each on
# val-scenes with a few decodes, and prints one table: weights, GMAC per 256x256 pass, steps,
# the best PSNR gain over gray whose CF is at least 0.70 of the truth's, that CF and magenta share.
# Usage: bash train/sweep.sh MINUTES "16,32,64,128 24,48,96,192 ..." [PHOTOS]
#   here (2 cores):  bash train/sweep.sh 20 "16,32,64,128 24,48,96,192"
#   a lent GPU:      PHOTOS=.device-data BATCH=128 CROP=160 LR=2e-3 THREADS=8 bash train/sweep.sh 3 "..."
#                    (device call with carry [".device-data"]; results in $OUT/sweep.md)
# PHOTOS holds train/ and val-scenes/ (the compact copy of pack_data.py works: its MANIFEST.tsv
# gives the groups). Scores on the compact copy are lower than on the full photos: compare the
# rows with each other, not with models/eval.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. train/recipe.sh
M=${1:?minutes per setting}; SETTINGS=${2:?widths settings, space separated}
P=${3:-${PHOTOS:-../shared/data/photos}}
OUT=${OUT:-train/runs/sweep-$(date -u +%Y-%m-%d-%H%M)}; mkdir -p "$OUT"
PY=${PY:-/usr/bin/python3}; [ -x "$PY" ] || PY=python3
DECODES=0.7:1:1,0.8:1:1,0.8:1.05:1,0.9:1.1:1,0.6:0.7:0
for w in $SETTINGS; do
  tag=w${w//,/-}
  "$PY" train/train.py "${RECIPE[@]}" --widths "$w" --data "$P/train" --val "$P/val-scenes" \
    --crop "${CROP:-128}" --batch "${BATCH:-32}" --lr "${LR:-1.5e-3}" --threads "${THREADS:-2}" \
    --workers "${THREADS:-2}" --minutes "$M" --every 120 --ckpt "$OUT/$tag.pt" > "$OUT/$tag.log" 2>&1
  "$PY" train/eval.py --photos "$P" --sets val-scenes --no-v1 --shipped '' --ours "$OUT/$tag.pt" \
    --decodes "$DECODES" --threads "${THREADS:-2}" --json "$OUT/$tag.json" --md "$OUT/$tag.md" \
    --sheet '' --sheet-dir "$OUT" > "$OUT/$tag.eval.log" 2>&1
done
"$PY" - "$OUT" $SETTINGS <<'PY' | tee "$OUT/sweep.md"
import json, sys, torch
sys.path.insert(0, 'train')
from model import build_model, macs_per_pass
out, settings = sys.argv[1], sys.argv[2:]
print('| widths | weights | GMAC / 256 pass | steps | best decode (CF >= 0.70) | PSNR vs gray | CF / truth | magenta % |')
print('|---|---|---|---|---|---|---|---|')
for w in settings:
    tag = 'w' + w.replace(',', '-')
    r = json.load(open(f'{out}/{tag}.json'))
    o = r['sets']['val-scenes']['overall']
    gray = o['gray']['psnr']
    cands = [k for k in o if k.startswith('ours')]
    ok = [k for k in cands if o[k]['cf_ratio'] >= 0.70] or cands
    best = max(ok, key=lambda k: o[k]['psnr'])
    net = build_model('ours', 254, [int(v) for v in w.split(',')], 4)
    print(f"| {w} | {sum(p.numel() for p in net.parameters()):,} | {macs_per_pass(net) / 1e9:.2f} | {r['ours']['step']} | "
          f"{best} | {o[best]['psnr'] - gray:+.2f} | {o[best]['cf_ratio']:.2f} | {100 * o[best]['hue']['magenta']:.1f} |")
PY
