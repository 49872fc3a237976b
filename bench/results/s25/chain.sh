# Record of this session's run order: after the two trainings (train_eq.py on the denser packing's slice: eq 0.1 + ce
# 0.1, and the control ce 0.1 alone), two samplings of 2 x 128^3 per model and the truth comparison of each.
set -e
B=/work/main/bench/results; R=/work/runs/s25; T=/work/runs/s22/p2_truth.npy
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
for s in 0 1; do
  for m in eq ce; do python $B/s25/sample_z.py $R/p2_$m $R/p2_${m}_s128_seed$s.npz 2 128 $s > $R/p2_${m}_sample$s.log 2>&1 & done; wait
done
for s in 0 1; do
  for m in eq ce; do python $B/s22/connect_all.py $R/p2_$m $T $R/p2_${m}_s128_seed$s.npz $s default,net2 > $B/s25/p2_${m}_connect_seed$s.txt 2>&1 & done; wait
done
for s in 0 1; do for m in eq ce; do python $B/s25/axis_agree.py $R/p2_$m $R/p2_${m}_s128_seed$s.npz > $B/s25/p2_${m}_axis_agree_seed$s.txt 2>&1 & done; wait; done
echo chain done
