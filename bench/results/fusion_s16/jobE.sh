cd /work/main; source .venv/bin/activate
for f in "--set fusion=spectral" ""; do
python bench/bench_truth.py --truth-file .gpu/in/particulate_truth256.npy --weights /work/runs/partic_ldm4k --n 2 --side 128 --threads 1 $f
done
