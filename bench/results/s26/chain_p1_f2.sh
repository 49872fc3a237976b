#!/bin/bash
cd /work/main/bench/results/s25
export PYTHONPATH=/work/main OMP_NUM_THREADS=1
while pgrep -f floor_fusion.py > /dev/null; do sleep 10; done
/work/main/.venv/bin/python train_vae_f2.py /work/runs/s22/p1_slice.png /work/runs/s26/p1_f2 > /work/runs/s26/p1_f2.log 2>&1   # one thread: OMP_NUM_THREADS
/work/main/.venv/bin/python truth_roundtrip.py /work/runs/s26/p1_f2/vae.pt /work/runs/s22/p1_truth.npy 0 > ../s26/p1_f2_truth_roundtrip.txt 2>&1
