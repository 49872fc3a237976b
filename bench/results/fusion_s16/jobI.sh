cd /work/main; source .venv/bin/activate
M=$1
while [ ! -f /work/runs/s16/$M/train_done ] && ! grep -q '"ldm_seconds"' /work/runs/s16/$M/train_log.json 2>/dev/null; do sleep 15; done
T=/work/runs/s16/finegrf_truth256.npy
python bench/bench_truth.py --truth-file $T --weights /work/runs/s16/$M --n 8 --side 64 --threads 1
python bench/bench_truth.py --truth-file $T --weights /work/runs/s16/$M --n 2 --side 128 --threads 1
python bench/bench_table1.py --micrograph /work/runs/s16/finegrf_slice.png --weights /work/runs/s16/$M --n 10 --threads 1
