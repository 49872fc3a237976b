import sys, torch
from microlad.ldm import load_model
from microlad.data import read_micrograph, region_tiles
from microlad.descriptors import s2_report, phase_fractions, mean_s2_curves
from microlad.lmpdd import label_volumes, stored_fractions
torch.set_num_threads(2)
m = load_model(sys.argv[2]); P = m.n_phases
T = region_tiles(read_micrograph(sys.argv[1], n_phases=P))
for eta in (0.0, 1.0):
    pr = m.sample(n=64, size=64, steps=50, eta=eta, progress=False)
    am = pr.argmax(1)
    print('2D eta', eta, 'argmax vf', phase_fractions(am, P).numpy().round(4), [round(r.eps_rel, 2) for r in s2_report(am, T, P)])
    for ph, cg, cr in mean_s2_curves(am, T, P, 2, 2, 32)[1:]:
        print('  ', ph, 'x1000 r=0..16 step 2', ((cg - cr)[:17:2] * 1000).numpy().round(1))
