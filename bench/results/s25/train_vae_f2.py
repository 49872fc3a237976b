# The cpu VAE with a latent twice as fine (VAEConfig.downsample = 2) and the cross-entropy term 0.1 (as the ce control
# p2_ce), no LDM: for truth_roundtrip.py. Without the VAE's attention: with it, attention over 32 x 32 latent pixels
# made a step over 3 s on two threads (no checkpoint at 250 steps after 12 min), too slow for this session.
# python train_vae_f2.py IMAGE OUT
import sys
from dataclasses import replace
from microlad.data import read_micrograph, n_phases_of
from microlad.vae import VAEConfig, VAETrainConfig, train_vae
img = read_micrograph(sys.argv[1])
train_vae(img, replace(VAEConfig.cpu(n_phases_of(img)), downsample=2, attention=False), replace(VAETrainConfig.cpu(), ce_weight=0.1), sys.argv[2], progress=False)
