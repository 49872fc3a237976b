cd /work/main; source .venv/bin/activate
for f in "" "--set fusion=spectral"; do
  python bench/bench_table1.py --micrograph /work/shared/data/sandstone_256.npy --weights /work/runs/s14/sandstone --n 10 --threads 1 $f
  for nm in porous anode sofc_anode; do python bench/bench_table1.py --name $nm --n 10 --threads 1 $f; done
  python bench/bench_table1.py --name carbonate --n 10 --threads 1 $f
done
