# Is prior_check's region count stable? p2 model: 128 training-region crops (PatchDataset, seed 0), their VAE round trip,
# 128 LDM samples (DDIM 50, eta 1, seeds 0 and 1), regions per image with 4- and 8-connectivity, in halves of 64.
import numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.data import read_micrograph, PatchDataset
from microlad.vae import encode_slices, decode_latents
torch.set_num_threads(1)
m, img = load_model("p2_model"), read_micrograph("p2_slice.png")
ds = PatchDataset(np.asarray(img), patch_size=64, n_patches=128, split="train", seed=0)
crops = torch.stack([torch.as_tensor(ds.labels(i)) for i in range(len(ds))]).long()
with torch.no_grad():
    rt = decode_latents(m.vae, encode_slices(m.vae, torch.nn.functional.one_hot(crops, 3).permute(0, 3, 1, 2).float())).argmax(1)
    sa = torch.cat([m.sample(64, 64, steps=50, eta=1.0, seed=s, progress=False).argmax(1) for s in (0, 1)])
for conn, st in (("4-conn", None), ("8-conn", np.ones((3, 3), bool))):
    for name, lab in (("crops", crops), ("round trip", rt), ("samples", sa)):
        L = lab.numpy()
        r = lambda part: " / ".join(f"{np.mean([ndimage.label(x == p, structure=st)[1] for x in part]):.2f}" for p in range(3))
        print(f"{conn} {name}: halves {r(L[:64])} | {r(L[64:])}; V_f {' / '.join(f'{(L == p).mean():.3f}' for p in range(3))}", flush=True)
