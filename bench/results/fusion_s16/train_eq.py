"""The cpu preset with the VAE's orientation-consistency term (`VAETrainConfig.equivariance_weight`) on a micrograph,
and the cross-entropy term `ce_weight` (on the fine field the consistency term alone dead-starts the VAE: pore nowhere).

    python bench/results/fusion_s16/train_eq.py IMAGE OUT [WEIGHT] [CE_WEIGHT]"""
import sys
from dataclasses import replace
from microlad.pipeline import preset, train
from microlad.data import read_micrograph, n_phases_of
img, out = sys.argv[1], sys.argv[2]
w = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
ce = float(sys.argv[4]) if len(sys.argv) > 4 else 0.1
p = preset("cpu", n_phases_of(read_micrograph(img)))
p = replace(p, vae_train=replace(p.vae_train, equivariance_weight=w, ce_weight=ce))
train(img, out, "cpu", p=p, progress=False)
