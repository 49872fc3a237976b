"""Is the particles' 3D over-connection visible in 2D slices? Per-slice topology (connected sections and Euler number
per 1000 px, 4-connectivity) and 3D topology (components and Euler number per 64³, 6-connectivity) of generated
volumes against crops of the 3D truth, per phase.

    python bench/results/connectivity/slice_topology.py WEIGHTS TRUTH.npy [N] [key=value LMPDDConfig overrides ...]"""
import sys, time, dataclasses
import numpy as np, torch
from skimage.measure import euler_number, label
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, reconstruct

def slice_stats(v: np.ndarray, phase: int) -> tuple[float, float]:
    "Mean over all slices of all three axes: (sections, Euler number) of `phase` per 1000 px."
    sec, eul, area = 0, 0, 0
    for a in range(3):
        for s in np.moveaxis(v == phase, a, 0):
            sec += label(s, connectivity=1).max(); eul += euler_number(s, connectivity=1); area += s.size
    return 1000 * sec / area, 1000 * eul / area

def volume_stats(v: np.ndarray, phase: int) -> tuple[float, float]:
    "(components, Euler number) of `phase` per 64³ voxels."
    m = v == phase
    return label(m, connectivity=1).max() * 64 ** 3 / m.size, euler_number(m, connectivity=1) * 64 ** 3 / m.size

def table(vols, P):
    return np.array([[[*slice_stats(v, p), *volume_stats(v, p)] for p in range(P)] for v in vols])   # (n, P, 4)

def main():
    weights, truth_file = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    cfg = LMPDDConfig.cpu()
    for kv in sys.argv[4:]:
        k, v = kv.split("="); cfg = dataclasses.replace(cfg, **{k: type(getattr(cfg, k))(v)})
    torch.set_num_threads(2)
    truth = np.load(truth_file).astype(np.int64); P = int(truth.max()) + 1
    rng = np.random.default_rng(0)
    crops = [truth[tuple(slice(o, o + 64) for o in rng.integers(0, truth.shape[0] - 64, 3))] for _ in range(2 * n)]
    t = time.perf_counter()
    gen = reconstruct(load_model(weights), (64, 64, 64), n=n, config=cfg, progress=False).numpy()
    print(f"# {weights}, {n} × 64³ in {time.perf_counter() - t:.0f} s; {cfg}")
    G, T, F = table(gen, P), table(crops[:n], P), table(crops[n:], P)
    names = ["slice sections /1000 px", "slice Euler /1000 px", "3D components /64³", "3D Euler /64³"]
    print("| phase | quantity | truth crops | other truth crops | generated | generated − truth (in truth-crop SDs) |")
    print("|---|---|---|---|---|---|")
    for p in range(P):
        for q, nm in enumerate(names):
            sd = T[:, p, q].std() or 1e-9
            print(f"| {p} | {nm} | {T[:, p, q].mean():.2f} ± {sd:.2f} | {F[:, p, q].mean():.2f} | {G[:, p, q].mean():.2f} ± "
                  f"{G[:, p, q].std():.2f} | {(G[:, p, q].mean() - T[:, p, q].mean()) / sd:+.1f} |")

if __name__ == "__main__": main()
