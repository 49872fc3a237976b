"""Ball prior; the other phases relabelled so that their layering around the particles is kept: each phase's share at
distance d from the particles, P(q | d), measured on the volume before the prior, moved from the old particle surface to
the new one. Variants: 'dist' = log P(q|d_new) only; 'bayes' = log p_dec + log P(q|d_new) - log P(q|d_old)."""
import sys, os, numpy as np, torch
from scipy import ndimage
torch.set_num_threads(2)
sys.path.insert(0, "bench/results/sphere_prior")
from sphere_prior import sphere_parts
from microlad.descriptors import phase_fractions
from microlad.truth import truth_report, format_truth_report

D_MAX = 16
def layer_table(vol, m, P):
    d = np.minimum(np.rint(ndimage.distance_transform_edt(~m)), D_MAX).astype(int)
    tab = np.ones((D_MAX + 1, P))                                   # +1: no empty bins
    np.add.at(tab, (d[~m], vol[~m]), 1)
    return tab / tab.sum(1, keepdims=True), d

def relabel(vol, p, new, phase, f, variant):
    P = p.shape[0]
    tab, d_old = layer_table(vol, vol == phase, P)
    d_new = np.minimum(np.rint(ndimage.distance_transform_edt(~new)), D_MAX).astype(int)
    lp = p.clamp_min(1e-12).log().numpy()
    score = np.log(tab[d_new]).transpose(3, 0, 1, 2)
    if variant == "bayes": score = score + lp - np.log(tab[d_old]).transpose(3, 0, 1, 2)
    score[phase] = np.where(new, 0, -np.inf); others = [q for q in range(P) if q != phase]
    score[others] = np.where(new, -np.inf, score[others])
    # fraction matching on the other phases (two here): threshold the score difference
    a, b = others
    rest = ~new; dd = (score[b] - score[a])[rest]
    k = int(round(float(f[b]) * new.size)); thr = np.sort(dd)[::-1][k - 1] if k > 0 else np.inf
    out = np.full(new.shape, phase); out[rest] = np.where(dd >= thr, b, a)
    return out

truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
lab, pr = torch.load("/work/runs/raw8_lp.pt")
for mode in ("volume", "inscribed"):
    news = [sphere_parts(l.numpy(), 1, mode)[0] for l in lab]
    for variant in ("dist", "bayes"):
        out = np.stack([relabel(l.numpy(), p, n_, 1, phase_fractions(l, 3), variant) for l, p, n_ in zip(lab, pr, news)])
        print(f"## balls sized by {mode}, other phases by {variant}; V_f", [round(float((out == k).mean()), 4) for k in range(3)], flush=True)
        print(format_truth_report(truth_report(out, truth, n_phases=3)), flush=True)
