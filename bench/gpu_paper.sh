#!/usr/bin/env bash
# The paper presets on one GPU inside a short device lease (bench/RESULTS.md "Paper presets on a GPU").
# Trains `--preset paper` on the SOFC anode micrograph and on one slice of the particulate truth side by side for
# TRAIN_MIN minutes of wall clock each (the paper's step counts do not fit a lease; VAE_SHARE of it goes to the VAE),
# then scores both, the stages side by side, with each sampler preset in SAMPLERS (paper: DDPM-1000 and 5 refinement
# passes; cpu: the default DDIM-50): Table 1 for the SOFC anode, the 3D-truth rows (N64 × 64³, N128 × 128³) for the
# particulate model. Every stage writes its own log and runs even if an earlier one failed; $OUT gets stages.txt,
# results.tar.gz (tables, train logs) and, with HALF=1, the four trained weight files in float16.
#   inputs (.gpu/in, git-ignored, carried to the device): particulate_slice.png (a copy of
#   bench/results/particulate/particulate_slice.png, the slice the CPU particulate model was trained on),
#   particulate_truth.npy (192³, seed 100: `bench/bench_truth.py --case particulate --truth-side 192 --save-truth …`)
#   and particulate_truth256.npy (`particulate_volume((256,)*3, seed=101)`, for the 128³ rows)
#   fifth session (then with `microlad train` and the stages one at a time): the settings of
#                     OUT=out/gpu TRAIN_MIN=4.5 SAMPLERS=paper bash bench/gpu_paper.sh   (VAE share 0.33)
#   eleventh session: OUT=out/gpu TRAIN_MIN=4.5 VAE_SHARE=0.5 SAMPLERS="cpu paper" HALF=1 bash bench/gpu_paper.sh
#   twelfth session: OUT=out/gpu PRESET=quality TRAIN_MIN=6 VAE_SHARE=0.62 JOBS=sofc SAMPLERS=cpu HALF=1 bash bench/gpu_paper.sh
#   fifteenth session: OUT=out/gpu IN=.gpu/s15 TRAIN_MIN=6 VAE_SHARE=0.5 JOBS="sofc sand" SAMPLERS=cpu HALF=1 bash bench/gpu_paper.sh
#                     (sand: ../shared/data/sandstone_256.npy copied into $IN)
#   SMOKE=1: tiny sizes on a CPU, to check the plumbing before a lease.
set -u
OUT=${OUT:-out/gpu}; RUNS=${RUNS:-/tmp/microlad_gpu}; TRAIN_MIN=${TRAIN_MIN:-4.5}; PRESET=${PRESET:-paper}
VAE_SHARE=${VAE_SHARE:-0.33}; SAMPLERS=${SAMPLERS:-paper}; HALF=${HALF:-0}; THREADS=${THREADS:-4}
N64=${N64:-10}; N128=${N128:-2}; S64=64; S128=128; NREF=256; IN=${IN:-.gpu/in}; PY=${PY:-python3}
if [ "${SMOKE:-0}" = 1 ]; then N64=1; N128=1; S64=16; S128=32; NREF=8; fi
export PYTHONPATH=$PWD PYTHONUNBUFFERED=1 TQDM_MININTERVAL=20 OMP_NUM_THREADS=$THREADS
mkdir -p "$OUT" "$RUNS"
{ date -u; nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>&1
  $PY -c "import torch, os; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), os.cpu_count(), 'cores')"; } > "$OUT/stages.txt" 2>&1
T0=$SECONDS
stage() {  # name timeout_s cmd...: output into $RUNS/name.md, exit status and times into stages.txt
  local name=$1 limit=$2 t0=$SECONDS; shift 2
  timeout "$limit" "$@" > "$RUNS/$name.md" 2>&1
  echo "$name: exit $? after $((SECONDS - t0)) s (ended at +$((SECONDS - T0)) s)" >> "$OUT/stages.txt"
}
half=(); [ "$HALF" = 1 ] && half=(--half "$OUT")
JOBS=${JOBS:-sofc partic}   # which models to train and score: sofc, sand (Table 1) and/or partic (3D truth)
declare -A IMAGE=([sofc]=data/sofc_anode.png [sand]=$IN/sandstone_256.npy [partic]=$IN/particulate_slice.png)
has() { case " $JOBS " in *" $1 "*) return 0;; esac; return 1; }
for j in sofc sand partic; do
  has $j || continue
  stage "train_$j" $((${TRAIN_MIN%.*} * 60 + 90)) $PY bench/gpu_train.py "${IMAGE[$j]}" "$RUNS/$j" --preset "$PRESET" \
    --budget-min "$TRAIN_MIN" --vae-share "$VAE_SHARE" "${half[@]}" &
done
wait
for s in $SAMPLERS; do
  for j in sofc sand; do
    has $j && stage "table1_${j}_$s" 240 $PY bench/bench_table1.py --micrograph "${IMAGE[$j]}" --weights "$RUNS/$j" --n "$N64" \
      --size $S64 --n-ref $NREF --preset "$s" --threads "$THREADS" &
  done
  has partic && stage "truth_partic_64_$s" 240 $PY bench/bench_truth.py --truth-file "$IN/particulate_truth.npy" --weights "$RUNS/partic" \
    --n "$N64" --side $S64 --preset "$s" --threads "$THREADS" &
done
has partic && stage truth_partic_128_cpu 240 $PY bench/bench_truth.py --truth-file "$IN/particulate_truth256.npy" --weights "$RUNS/partic" \
  --n "$N128" --side $S128 --preset cpu --threads "$THREADS" &
wait
for d in sofc sand partic; do cp "$RUNS/$d/train_log.json" "$RUNS/train_log_$d.json" 2>/dev/null; done
tar -czf "$OUT/results.tar.gz" -C "$RUNS" --exclude='*.pt' --exclude='*.ckpt' --exclude='.microlad*' . 2>/dev/null
cat "$OUT/stages.txt"
