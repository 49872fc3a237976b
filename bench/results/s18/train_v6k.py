import dataclasses, sys
from microlad.pipeline import preset, train
from microlad.data import read_micrograph, n_phases_of
p = preset("cpu", n_phases_of(read_micrograph(sys.argv[1])))
p = dataclasses.replace(p, vae_train=dataclasses.replace(p.vae_train, steps=6000, every=500))
train(sys.argv[1], sys.argv[2], p=p, progress=False)
