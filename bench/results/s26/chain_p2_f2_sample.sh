#!/bin/bash
until grep -q done /work/runs/s26/p2_f2_ldm.log; do sleep 10; done
cd /work/main/bench/results/s25
export PYTHONPATH=/work/main
/work/main/.venv/bin/python sample_z.py /work/runs/s26/p2_f2 /work/runs/s26/p2_f2_s128.npz 2 128 0 > /work/runs/s26/p2_f2_sample.log 2>&1
cd ../s26
/work/main/.venv/bin/python ../s22/connect_all.py /work/runs/s26/p2_f2 /work/runs/s22/p2_truth.npy /work/runs/s26/p2_f2_s128.npz 0 default,net2 > p2_f2_connect.txt 2>&1
