cd /work/main; source .venv/bin/activate
for f in "--set fusion=spectral" ""; do
python bench/bench_table1.py --micrograph /work/runs/s16/finegrf_slice.png --weights /work/runs/s16/finegrf --n 10 --threads 1 $f
done
python bench/bench_truth.py --truth-file /work/runs/s16/finegrf_truth256.npy --micrograph /work/runs/s16/finegrf_slice.png --n 8 --side 64 --no-tau
