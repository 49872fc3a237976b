cd /work/main; source .venv/bin/activate
S="--micrograph /work/shared/data/sandstone_256.npy --weights /work/runs/s14/sandstone"
for seed in 1 2; do for f in "" "--set fusion=spectral"; do
  python bench/bench_table1.py $S --n 10 --threads 1 --seed $seed $f
done; done
for p in 1 4; do python bench/bench_table1.py $S --n 10 --threads 1 --set fusion=spectral --set fusion_power=$p; done
