# The training recipe shared by session.sh (this 2-core machine), gpu-run.sh (a lent GPU) and
# sweep.sh (widths at equal wall-clock): sourced, not run. The machine-specific settings (crop,
# batch, learning rate, threads) stay in each script.
RECIPE=(--model ours --rebalance 0.8 --wd 1e-3 --hints --min-cf 15
        --group-mix scene=.34,object=.20,animal=.18,people=.20,food=.08
        --source-mix cars=2,kcatdog=2,catdog=1.5)
# --face-crops .1 (close-ups around the faces of faces.tsv) was tried in cycle 3 and left out: it made
# close-up faces over-saturated (UTK val CF 1.24 of the truth's, -1.1 dB); see models/README.md.
