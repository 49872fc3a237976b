# A cross-slice sharpener: a small 2D network trained on the training micrograph ALONE (isotropy: its rows stand in for
# the axis a single-axis decoding is coarse along) that maps "every f rows averaged, linearly re-interpolated between
# the blocks' centres" back to the labels; applied across each single-axis decoding (in the sections that contain its
# coarse axis) before the three are fused.
# python sharpener.py train MICROGRAPH OUT.pt [STEPS] [mean|argmax]   (the block's probabilities averaged, or its argmax)
import sys, time, torch, torch.nn as nn, torch.nn.functional as F
from microlad.data import PatchDataset, stack
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from coarsen_check import coarsen

class Sharpener(nn.Module):
    "Probabilities `(N,P,H,W)`, coarse along H → logits `(N,P,H,W)`: dilated residual CNN (receptive field 2·(1+Σd)+1 px)."
    def __init__(self, P: int, width: int = 32, dilations=(1, 2, 4, 8, 2, 1)):
        super().__init__()
        self.inp = nn.Conv2d(P, width, 3, padding=1)
        self.blocks = nn.ModuleList(nn.Conv2d(width, width, 3, padding=d, dilation=d) for d in dilations)
        self.out = nn.Conv2d(width, P, 1)
    def forward(self, x):
        h = F.silu(self.inp(x))
        for b in self.blocks: h = h + F.silu(b(h))
        return self.out(h) + 4 * x                        # starts near the input's argmax

def degrade(x, f: int, sharp: bool):
    "One-hot crops `(N,P,H,W)` → coarse along H (as a 3D decoding is along its axis), each crop with a random block phase."
    out = torch.empty_like(x)
    for i, o in enumerate(torch.randint(0, f, (len(x),)).tolist()):
        y = torch.roll(x[i:i + 1], -o, 2)[:, :, None]                 # (1,P,1,H,W): rows = spatial axis 1 of a volume
        out[i] = torch.roll(coarsen(y, 1, f, sharp)[:, :, 0], o, 2)[0]
    return out

def train(image, out, steps=1500, f=4, sharp=False, batch=32, ps=64, lr=2e-3, seed=0):
    "Train on crops of the micrograph `image` (training region; validation on its held-out band), degraded by `degrade`."
    tr = stack(PatchDataset(image, ps, 4000, "train", seed=seed))
    va = stack(PatchDataset(image, ps, 128, "val", seed=seed))
    fit(lambda y: (degrade(y, f, sharp), y.argmax(1)), tr, (degrade(va, f, sharp), va.argmax(1)), out, steps, batch, lr, seed,
        {"f": f, "sharp": sharp})

def fit(pairs, tr, val, out, steps, batch, lr, seed, meta):
    "Fit a Sharpener to `pairs(tr[batch])` → (input, labels); report CE / accuracy on `val` = (input, labels); save."
    torch.manual_seed(seed)
    P = tr.shape[1] if meta.get("P") is None else meta["P"]
    net = Sharpener(P); opt = torch.optim.Adam(net.parameters(), lr)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=steps)
    vx, vy = val
    t0 = time.time()
    for s in range(1, steps + 1):
        x, y = pairs(tr[torch.randint(0, len(tr), (batch,))])
        loss = F.cross_entropy(net(x), y)
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        if s % 100 == 0 or s == steps:
            with torch.no_grad(): vl = net(vx)
            print(f"step {s} train CE {loss.item():.4f} | val CE {F.cross_entropy(vl, vy).item():.4f} acc {(vl.argmax(1) == vy).float().mean():.4f}"
                  f" (degraded input's argmax {(vx.argmax(1) == vy).float().mean():.4f}) | {time.time() - t0:.0f} s", flush=True)
    torch.save({"state": net.state_dict(), "P": P, **meta}, out)

def load(path):
    "A saved Sharpener in eval mode; its training settings (`f`, `sharp`, `P`) in `net.meta`."
    d = torch.load(path); net = Sharpener(d["P"]); net.load_state_dict(d.pop("state")); net.meta = d; return net.eval()

def to_sections(v, axis: int, c: int):
    "Volumes `(n,K,D,H,W)` → their sections `(n·L_c,K,L_axis,L_b)` normal to spatial axis `c` (≠ `axis`), rows = `axis`."
    w = v.movedim(axis + 2, 2).movedim(c + 2 if c > axis else c + 3, 3)       # (n,K,L_axis,L_c,L_b)
    return w.permute(0, 3, 1, 2, 4).reshape(-1, v.shape[1], w.shape[2], w.shape[4])

def from_sections(s, n: int, axis: int, c: int):
    "Inverse of `to_sections` for `n` volumes."
    N, K, La, Lb = s.shape
    r = s.reshape(n, N // n, K, La, Lb).permute(0, 2, 3, 1, 4)                  # (n,K,L_axis,L_c,L_b)
    return r.movedim(3, c + 2 if c > axis else c + 3).movedim(2, axis + 2)

@torch.no_grad()
def sharpen_axis(net, probs, axis: int, batch: int = 64):
    """Probabilities `(n,P,D,H,W)`, coarse along spatial `axis` → the net's softmax in the sections normal to each of the
    two other axes (rows = `axis`), the two averaged."""
    outs = []
    for c in (a for a in range(3) if a != axis):
        s = to_sections(probs, axis, c)
        outs.append(from_sections(torch.cat([net(s[i:i + batch]).softmax(1) for i in range(0, len(s), batch)]), len(probs), axis, c))
    return sum(outs) / len(outs)

if __name__ == "__main__" and sys.argv[1] == "train":
    torch.set_num_threads(int(__import__("os").environ.get("THREADS", "1")))
    train(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1500, sharp=sys.argv[5:6] == ["argmax"])
