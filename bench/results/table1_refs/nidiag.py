import torch, numpy as np
from microlad.ldm import load_model
from microlad.pipeline import bundled_weights, preset
from microlad.data import default_micrograph, read_micrograph, region_tiles
from microlad.descriptors import s2_report, mean_s2_curves, phase_fractions
from microlad.lmpdd import reconstruct
torch.set_num_threads(2)
name='sofc_anode'; m=load_model(bundled_weights(name)); P=3
mic=torch.as_tensor(read_micrograph(default_micrograph(name),n_phases=P))
T=region_tiles(mic)
lab=reconstruct(m,(64,)*3,n=10,config=preset('cpu',P).lmpdd,progress=False)
torch.manual_seed(0)
for eta in (0.0,1.0):
    s2d=m.sample(n=128,size=64,steps=50,eta=eta,progress=False) if 'progress' in m.sample.__code__.co_varnames else m.sample(n=128,size=64,steps=50,eta=eta)
    s2d=s2d.argmax(1) if s2d.is_floating_point() and s2d.dim()==4 else s2d
    print('2D eta',eta, phase_fractions(s2d,P).numpy().round(4), [round(r.eps_rel,2) for r in s2_report(s2d,T,P)])
print('3D', phase_fractions(lab,P).numpy().round(4), [round(r.eps_rel,2) for r in s2_report(lab,T,P)])
for ph,cg,cr in mean_s2_curves(lab,T,P,3,2,32):
    print(ph, 'gen-ref at r=0..32 step4', ((cg-cr)[::4]*1000).numpy().round(1), 'area', float(cg.sum()), float(cr.sum()))
