# Shared by floor_stages.py and floor_fusion.py: the representation-floor setup (a model's VAE, two 128^3 truth crops of
# seed 0 and their fractions and descriptors) and the per-phase tau / sections / chord report against those crops.
import types, numpy as np, torch
from microlad.vae import load_vae
from microlad.lmpdd import LMPDDConfig, label_volumes
from microlad.truth import truth_crops, _descriptors, _err

def floor_setup(folder, truth_file):
    "→ (model namespace with the VAE, cpu LMPDDConfig, truth crops (2,128,128,128), their fractions (2,P), their descriptors per phase)."
    vae = load_vae(folder + "/vae.pt")
    P = vae.cfg.n_phases
    ref = truth_crops(np.load(truth_file), 4, 128, 0)[:2]
    fr = torch.as_tensor(np.bincount(ref.ravel(), minlength=P) / ref.size).expand(len(ref), -1)
    return types.SimpleNamespace(vae=vae, n_phases=P), LMPDDConfig.cpu(), ref, fr, [_descriptors(ref, p, 64, True) for p in range(P)]

def label_at(probs, fr):
    "Labels at the crops' fractions, no smoothing."
    return np.asarray(label_volumes(probs, 0.0, fr))

def report(name, v, ref, truth_d):
    print(f"## {name}: voxels as the truth {(v == ref).mean():.3f}", flush=True)
    for p in range(len(truth_d)):
        g = _descriptors(v, p, 64, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[p][a]):+.1f}" for a in range(3))
        print(f"  phase {p}: tau % {row('tau')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
