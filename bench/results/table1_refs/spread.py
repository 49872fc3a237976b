import torch, numpy as np, sys
from dataclasses import replace
from microlad.ldm import load_model
from microlad.pipeline import bundled_weights, preset
from microlad.data import default_micrograph, read_micrograph, region_tiles, reference_crops
from microlad.descriptors import s2_report, phase_fractions
from microlad.lmpdd import reconstruct
torch.set_num_threads(2)
name=sys.argv[1]; m=load_model(bundled_weights(name)); P=m.n_phases
mic=torch.as_tensor(read_micrograph(default_micrograph(name),n_phases=P))
T=region_tiles(mic); V=reference_crops(mic,256)
def slice_sd(lab):
    sl=torch.cat([lab.flatten(0,1), lab.transpose(1,2).flatten(0,1), lab.transpose(1,3).flatten(0,1)])
    return torch.stack([(sl==p).float().mean((1,2)).std() for p in range(P)]).numpy().round(4)
print('tiles slice sd', torch.stack([(T==p).float().mean((1,2)).std() for p in range(P)]).numpy().round(4))
for sp in (False, True):
    for seed in (0,1):
        cfg=replace(preset('cpu',P).lmpdd, fraction_spread=sp)
        lab=reconstruct(m,(64,)*3,n=10,seed=seed,config=cfg,progress=False,micrograph=mic.numpy() if sp else None)
        print('spread',sp,'seed',seed,'slice sd',slice_sd(lab),'vs region',[round(r.eps_rel,2) for r in s2_report(lab,T,P)],'vs heldout',[round(r.eps_rel,2) for r in s2_report(lab,V,P)], flush=True)
