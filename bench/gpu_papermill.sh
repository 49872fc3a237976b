#!/usr/bin/env bash
# Paper-scale notebook runs and short paper-preset trainings in one device lease (bench/RESULTS.md
# "Paper-scale papermill on a GPU"). Everything runs side by side on the one GPU:
#   t = 0     train `--preset paper` (λ_KL 1e-4) on the SOFC anode and on the particulate slice, TRAIN_MIN each;
#             papermill 02_lmpdd at paper scale (10 × 64³ per micrograph, paper sampler DDPM-1000 / K = 5,
#             256 held-out crops) with the shipped weights; papermill 03_sds on the GPU (64³, SDS_STEPS steps).
#   trained   papermill 02_lmpdd with the freshly trained SOFC anode weights (paper sampler, 10 × 64³);
#             bench_truth.py on the trained particulate model (8 × 64³ against the 192³ truth, default sampler).
# Each stage writes its own output into $OUT and a line into $OUT/stages.txt, and runs even if another failed.
#   inputs: .whl (papermill, ipykernel, plotly, fastcore and their missing needs, cp312 wheels; git-ignored), made with
#           pip download --only-binary=:all: --python-version 3.12 --implementation cp --abi cp312 --abi abi3 --abi none
#             --platform manylinux_2_17_x86_64 (… _2_24, _2_27, _2_28, _2_31, _2_34, manylinux2014, any) -d .whl
#             papermill==2.7.0 ipykernel==7.4.0 ipython==9.18.1 jupyter_client==8.10.0 fastcore==1.12.47 plotly==7.1.0
#             nbclient==0.11.0 nbformat==5.11.1
#           then deleting the wheels of packages the device image already has (attrs certifi charset_normalizer click
#           idna narwhals packaging psutil pygments python_dateutil pyyaml requests tqdm typing_extensions urllib3 tzdata)
#           .gpu/in/particulate_slice.png, .gpu/in/particulate_truth.npy (see bench/gpu_paper.sh)
#   run (repo root):  OUT=out/gpu bash bench/gpu_papermill.sh      (SMOKE=1: tiny sizes, to check the plumbing on a CPU)
#   device call: carry [".whl", ".gpu/in/particulate_truth.npy", ".gpu/in/particulate_slice.png"] (about 59 MB with the
#   repo); about 330 s of command on an H200. Records of the eighth session's run: bench/results/gpu_h200/ (there 03_sds
#   failed on CUDA and ran in a second call, after the fix of volume_slices/put_slices).
set -u
OUT=${OUT:-out/gpu}; RUNS=${RUNS:-/tmp/microlad_gpu}; IN=${IN:-.gpu/in}; PY=${PY:-python3}
TRAIN_MIN=${TRAIN_MIN:-3.5}; TRAIN_TIMEOUT=${TRAIN_TIMEOUT:-370}; STAGE_TIMEOUT=${STAGE_TIMEOUT:-140}
SDS_STEPS=${SDS_STEPS:-500}; SDS_TIMEOUT=${SDS_TIMEOUT:-450}
N=10; SIDE=64; NREF=256; SDS_SIDE=64
if [ "${SMOKE:-0}" = 1 ]; then N=1; SIDE=16; NREF=16; SDS_SIDE=16; fi
mkdir -p "$OUT" "$RUNS"
if [ -d .whl ] && [ "${SKIP_INSTALL:-0}" != 1 ]; then
  $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl \
    > "$OUT/install.txt" 2>&1 || { cat "$OUT/install.txt"; exit 1; }
  export PYTHONPATH=/tmp/site:$PWD
else export PYTHONPATH=$PWD; fi
export PYTHONUNBUFFERED=1 TQDM_MININTERVAL=20 OMP_NUM_THREADS=${OMP_NUM_THREADS:-4}
{ date -u; nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>&1
  $PY -c "import torch, os; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), os.cpu_count(), 'cores')"; } > "$OUT/stages.txt" 2>&1
T0=$SECONDS
stage() {  # name timeout_s logfile cmd...: run, log its exit status and end time
  local name=$1 limit=$2 log=$3 t0=$SECONDS; shift 3
  timeout "$limit" "$@" > "$log" 2>&1
  echo "$name: exit $? after $((SECONDS - t0)) s (ended at +$((SECONDS - T0)) s)" >> "$OUT/stages.txt"
}
PM="$PY -m papermill --cwd nbs --kernel python3 --log-output"          # then: notebook output -p ...
CLI=("$PY" -c 'import sys; from microlad.cli import main; sys.exit(main(sys.argv[1:]))')
train() {  # name image
  stage "train_$1" "$TRAIN_TIMEOUT" "$RUNS/train_$1.log" "${CLI[@]}" train "$2" --out "$RUNS/$1" --preset paper --budget-min "$TRAIN_MIN"
  cp "$RUNS/$1/train_log.json" "$RUNS/train_log_$1.json" 2>/dev/null
}
train sofc data/sofc_anode.png & P1=$!
train partic "$IN/particulate_slice.png" & P2=$!
stage pm02_shipped_paper $((TRAIN_TIMEOUT + STAGE_TIMEOUT)) "$RUNS/pm02_shipped.log" $PM nbs/02_lmpdd.ipynb "$OUT/02_paper_shipped.ipynb" \
  -p n_volumes $N -p size $SIDE -p n_ref $NREF -p preset paper &
stage pm03_gpu "$SDS_TIMEOUT" "$RUNS/pm03.log" $PM nbs/03_sds.ipynb "$OUT/03_sds_gpu.ipynb" \
  -p n_volumes 1 -p size $SDS_SIDE -p steps "$SDS_STEPS" -y 'names: [sofc_anode]' -p n_crops 32 &
wait $P1 $P2
[ -f "$RUNS/sofc/ldm.pt" ] && stage pm02_trained_paper "$STAGE_TIMEOUT" "$RUNS/pm02_trained.log" $PM nbs/02_lmpdd.ipynb "$OUT/02_paper_trained.ipynb" \
  -p n_volumes $N -p size $SIDE -p n_ref $NREF -p preset paper -y 'names: [sofc_anode]' -y 'compare_combine: false' \
  -y "weights: {sofc_anode: $RUNS/sofc}" &
[ -f "$RUNS/partic/ldm.pt" ] && stage truth_partic "$STAGE_TIMEOUT" "$RUNS/truth_partic_64.md" $PY bench/bench_truth.py \
  --truth-file "$IN/particulate_truth.npy" --weights "$RUNS/partic" --n $((N < 8 ? N : 8)) --side $SIDE --threads 8 &
wait
tar -czf "$OUT/logs.tar.gz" -C "$RUNS" --exclude='*.pt' --exclude='*.ckpt' . 2>/dev/null
cat "$OUT/stages.txt"
