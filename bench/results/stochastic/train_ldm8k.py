"cpu preset, VAE reused from /work/runs/particulate_cpu, LDM trained 8000 steps instead of 2000"
import sys, time, torch
from dataclasses import replace
from microlad.pipeline import preset, train
torch.set_num_threads(2)
p = preset("cpu", 3)
p = replace(p, ldm_train=replace(p.ldm_train, steps=int(sys.argv[2])))
t = time.time()
train("bench/results/particulate/particulate_slice.png", sys.argv[1], p=p, progress=False)
print(f"done in {time.time()-t:.0f} s")
