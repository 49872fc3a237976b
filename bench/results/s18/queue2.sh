cd /work/main
while pgrep -f "bench_truth.py --case three_phase" > /dev/null || pgrep -f "finegrf_truth256" > /dev/null; do sleep 10; done
P2="--truth-file /work/runs/p2/truth256.npy --weights /work/runs/p2/model --n 2 --side 128 --threads 1 --truth-fractions"
.venv/bin/python bench/bench_truth.py $P2 --set smooth_sigma_range=0.5,0.75 > /work/runs/s18/p2_oracle_cap075.log 2>&1
.venv/bin/python bench/bench_truth.py $P2 --set smooth_sigma=0 > /work/runs/s18/p2_oracle_nosmooth.log 2>&1
.venv/bin/python bench/bench_truth.py --truth-file .gpu/in/particulate_truth256.npy --weights /work/runs/partic_ldm4k --n 2 --side 128 --threads 1 --truth-fractions > /work/runs/s18/p1_oracle.log 2>&1
