cd /work/main; source .venv/bin/activate
for f in "--set fusion=spectral" ""; do
  echo "=== $f"
  python bench/bench_truth.py --truth-file /work/runs/partic_truth192.npy --weights /work/runs/partic_ldm4k --n 8 --side 64 --threads 1 $f
  python bench/bench_truth.py --case grf --weights data/weights/porous --n 8 --side 64 --truth-side 192 --threads 1 $f
  python bench/bench_truth.py --case three_phase --weights data/weights/anode --n 8 --side 64 --truth-side 192 --threads 1 $f
done
