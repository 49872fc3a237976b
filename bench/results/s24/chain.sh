#!/bin/bash
# s24: quality preset (quality VAE + cpu U-Net 8000 steps) vs quality VAE + wide U-Net (96/192/192, cpu recipe 4000 steps), denser packing
set -x
source /work/main/.venv/bin/activate
B=/work/main/bench/results; T=/work/runs/s22/p2_truth.npy; S=/work/runs/s22/p2_slice.png
# (ran after `microlad train /work/runs/s22/p2_slice.png --preset quality --out p2_quality` had finished)
evalm() { m=$1
  python $B/s21/sample_seed.py $m ${m}_s128_seed0.npz 2 128 0 > ${m}_sample0.log 2>&1 &
  python $B/s21/sample_seed.py $m ${m}_s128_seed1.npz 2 128 1 > ${m}_sample1.log 2>&1; wait
  python $B/s22/connect_all.py $m $T ${m}_s128_seed0.npz 0 default,net2 > ${m}_connect_seed0.txt 2>&1 &
  python $B/s22/connect_all.py $m $T ${m}_s128_seed1.npz 1 default,net2 > ${m}_connect_seed1.txt 2>&1; wait; }
date; evalm p2_quality; date
mkdir -p p2_qwide && cp p2_quality/vae.pt p2_qwide/
python $B/s23/ldm_variant.py p2_qwide $S 96,192,192 1 64 64 2 > p2_qwide.log 2>&1
date; evalm p2_qwide; date
