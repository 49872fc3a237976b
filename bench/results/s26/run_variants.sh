#!/bin/bash
# usage: run_variants.sh V1 V2 ...  (sequential, one thread each)
cd /work/main/bench/results/s26
export PATH=/work/main/.venv/bin:$PATH PYTHONPATH=/work/main
for v in "$@"; do
  python sample_variant.py /work/runs/s22/p2_model /work/runs/s26/p2_$v.npz 2 128 0 $v > /work/runs/s26/p2_$v.log 2>&1
  python ../s22/connect_all.py /work/runs/s22/p2_model /work/runs/s22/p2_truth.npy /work/runs/s26/p2_$v.npz 0 default,net2 > p2_${v}_connect.txt 2>&1
done
