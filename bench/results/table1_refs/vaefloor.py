import sys, torch
from microlad.ldm import load_model
from microlad.data import read_micrograph, region_tiles, to_probs
from microlad.descriptors import s2_report, phase_fractions, mean_s2_curves
from microlad.vae import encode_slices, decode_latents
from microlad.lmpdd import reconstruct, stored_fractions, match_phase_fractions
torch.set_num_threads(2)
mic_path, w = sys.argv[1], sys.argv[2]
m = load_model(w); P = m.n_phases
T = region_tiles(read_micrograph(mic_path, n_phases=P))
with torch.no_grad():
    pr = decode_latents(m.vae, encode_slices(m.vae, to_probs(T, P).float()))
am = pr.argmax(1)
print('VAE recon argmax vf', phase_fractions(am, P).numpy().round(4), 'eps vs tiles', [round(r.eps_rel, 2) for r in s2_report(am, T, P)])
lab = reconstruct(m, (64,)*3, n=10, progress=False)
for ph, cg, cr in mean_s2_curves(lab, T, P, 3, 2, 32):
    print(ph, 'gen-ref x1000 r=0..32 step 2', ((cg - cr)[::2] * 1000).numpy().round(1))
for ph, cg, cr in mean_s2_curves(am, T, P, 2, 2, 32):
    print(ph, 'vae-ref x1000 r=0..32 step 2', ((cg - cr)[::2] * 1000).numpy().round(1))
