#!/usr/bin/env bash
# The paper presets on one GPU inside a short device lease (bench/RESULTS.md "Paper presets on a GPU").
# Trains `--preset paper` on the SOFC anode micrograph and on one slice of the particulate truth side by side for
# TRAIN_MIN minutes of wall clock each (the paper's step counts do not fit a lease), then scores both with the
# paper sampler (DDPM-1000, 5 refinement passes): Table 1 for the SOFC anode, the 3D-truth row for the particulate.
# Every stage writes its own log into $OUT and runs even if an earlier one failed.
#   inputs (.gpu/in, git-ignored, carried to the device): particulate_slice.png (a copy of
#   bench/results/particulate/particulate_slice.png, the slice the CPU particulate model was trained on),
#   particulate_truth.npy (192³, seed 100: `bench/bench_truth.py --case particulate --truth-side 192 --save-truth …`)
#   and particulate_truth256.npy (`particulate_volume((256,)*3, seed=101)`, for the 2 × 128³ row; its printout says
#   "seed 100", a slip of bench_truth.py since mended)
#   run (repo root):  OUT=out/gpu TRAIN_MIN=4.5 bash bench/gpu_paper.sh
set -u
OUT=${OUT:-out/gpu}; RUNS=${RUNS:-/tmp/microlad_gpu}; TRAIN_MIN=${TRAIN_MIN:-4.5}; PRESET=${PRESET:-paper}
N64=${N64:-10}; N128=${N128:-2}; IN=${IN:-.gpu/in}; PY=${PY:-python3}
export PYTHONPATH=$PWD PYTHONUNBUFFERED=1 TQDM_MININTERVAL=20
mkdir -p "$OUT" "$RUNS"
{ date -u; nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>&1
  $PY -c "import torch, os; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), os.cpu_count(), 'cores')"; } > "$OUT/stages.txt" 2>&1
cli() { $PY -c 'import sys; from microlad.cli import main; sys.exit(main(sys.argv[1:]))' "$@"; }
train() {  # name image
  local t0=$SECONDS
  cli train "$2" --out "$RUNS/$1" --preset "$PRESET" --budget-min "$TRAIN_MIN" > "$RUNS/train_$1.log" 2>&1
  echo "train $1: exit $? after $((SECONDS - t0)) s" >> "$OUT/stages.txt"
  cp "$RUNS/$1/train_log.json" "$OUT/train_log_$1.json" 2>/dev/null
  tail -c 3000 "$RUNS/train_$1.log" > "$OUT/train_$1.tail.txt"
}
train sofc data/sofc_anode.png & train partic "$IN/particulate_slice.png" & wait
stage() {  # name cmd...
  local name=$1 t0=$SECONDS; shift
  "$@" > "$OUT/$name.md" 2>&1
  echo "$name: exit $? after $((SECONDS - t0)) s" >> "$OUT/stages.txt"
}
stage table1_sofc timeout 150 $PY bench/bench_table1.py --micrograph data/sofc_anode.png --weights "$RUNS/sofc" --n "$N64" --preset "$PRESET" --threads 16
stage truth_partic_64 timeout 120 $PY bench/bench_truth.py --truth-file "$IN/particulate_truth.npy" --weights "$RUNS/partic" --n "$N64" --side 64 --preset "$PRESET" --threads 16
stage truth_partic_128 timeout 150 $PY bench/bench_truth.py --truth-file "$IN/particulate_truth256.npy" --weights "$RUNS/partic" --n "$N128" --side 128 --preset "$PRESET" --threads 16
cat "$OUT/stages.txt"
