cd /work/main; source .venv/bin/activate
for f in "--set fusion=spectral" ""; do
python bench/bench_truth.py --case three_phase --weights data/weights/anode --n 2 --side 128 --truth-side 256 --threads 1 $f
done
