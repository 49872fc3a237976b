import sys, runpy, torch
import microlad.sds as S
from microlad.data import to_probs
_enc = S.encode_slices
S.encode_slices = lambda vae, x, *a, **k: _enc(vae, to_probs(x.argmax(1), x.shape[1]).float(), *a, **k)
sys.argv = ['gsteps.py'] + sys.argv[1:]
runpy.run_path('/work/runs/s14/gsteps.py', run_name='__main__')
