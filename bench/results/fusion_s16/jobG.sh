cd /work/main; source .venv/bin/activate
T=/work/runs/s16/finegrf_truth256.npy; W=/work/runs/s16/finegrf
for f in "--set fusion=spectral" ""; do
python bench/bench_truth.py --truth-file $T --weights $W --n 8 --side 64 --threads 1 $f
done
for f in "--set fusion=spectral" ""; do
python bench/bench_truth.py --truth-file $T --weights $W --n 2 --side 128 --threads 1 $f
done
