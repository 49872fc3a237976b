"""microlad.ensemble on a real LocalCluster of 2 worker processes: every task exactly once, resume,
a retried-then-reported bad task, a worker killed mid-run, the Parquet table, the CLI."""
import json, os, signal, threading, time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("dask.distributed")
pd = pytest.importorskip("pandas")

from microlad.data import load_volume
from microlad.ensemble import (EnsembleConfig, Task, ensemble_tasks, run_ensemble, worker_stats, volume_descriptors)
from microlad.fem import tortuosity
from microlad.lmpdd import LMPDDConfig, reconstruct
from microlad.pipeline import bundled_model, bundled_weights

CFG = EnsembleConfig(shape=(16, 16, 16), lmpdd=LMPDDConfig(steps=3, refine_iters=1), n_crops=8)


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c, Client(c) as client:
        client.wait_for_workers(2)
        yield c, client


def attempts(client) -> dict:
    "Attempts per task id summed over the live workers."
    tot = {}
    for s in client.run(worker_stats).values():
        for k, v in s["attempts"].items(): tot[k] = tot.get(k, 0) + v
    return tot


def delta(after: dict, before: dict) -> dict:
    return {k: v - before.get(k, 0) for k, v in after.items() if v != before.get(k, 0)}


def test_each_task_once_then_resume_and_table(cluster, tmp_path):
    c, client = cluster
    out, w = tmp_path / "ens", bundled_weights("porous")
    a0 = attempts(client)
    res = run_ensemble(w, n=4, out=out, config=CFG, client=client, progress=False)
    ids = [t.id for t in ensemble_tasks(4)]
    assert sorted(res.ran) == ids and res.errors == {} and res.skipped == []
    assert delta(attempts(client), a0) == {i: 1 for i in ids}              # exactly once each
    assert all(s["loads"] <= 1 for s in client.run(worker_stats).values())  # the model loaded once per worker, not per task
    files = sorted((out / "volumes").iterdir())
    assert [f.name for f in files] == [f"{i}.npy" for i in ids]
    model = bundled_model("porous")
    for i, f in enumerate(files):   # each file is the volume of its seed (same sampler, run here)
        ref = reconstruct(model, CFG.shape, seed=i, config=CFG.lmpdd, progress=False)[0].numpy()
        np.testing.assert_array_equal(load_volume(f), ref)

    # rerun: nothing runs, nothing is attempted, the table is unchanged
    a1 = attempts(client)
    again = run_ensemble(w, n=4, out=out, config=CFG, client=client, progress=False)
    assert again.ran == [] and sorted(again.skipped) == ids
    assert delta(attempts(client), a1) == {}
    pd.testing.assert_frame_equal(again.table, res.table)
    # a rerun asking for more tasks runs only the new ones
    more = run_ensemble(w, n=5, out=out, config=CFG, client=client, progress=False)
    assert more.ran == ["00004"] and len(more.skipped) == 4 and len(more.table) == 5

    # the results table, read back with pandas, against the saved volumes
    t = pd.read_parquet(out / "results.parquet")
    assert list(t.seed) == [0, 1, 2, 3, 4] and list(t.task) == ids + ["00004"]
    for _, row in t.iterrows():
        v = load_volume(out / row.file)
        np.testing.assert_allclose([row.vf_0, row.vf_1], np.bincount(v.ravel(), minlength=2) / v.size, atol=1e-7)
        for a, ax in enumerate("xyz"):
            assert row[f"tau_1_{ax}"] == pytest.approx(tortuosity(v, 1, a), rel=1e-6)
        assert row.s2_0 >= 0 and row.sa_1 > 0 and row.seconds > 0
    # other seeds under the same ids, or a different config, into the same folder are refused instead of mixed
    with pytest.raises(ValueError, match="seed 0"):
        run_ensemble(w, n=2, seed=100, out=out, config=CFG, client=client, progress=False)
    with pytest.raises(ValueError, match="other settings"):
        run_ensemble(w, n=4, out=out, config=EnsembleConfig(shape=(32, 32, 32)), client=client, progress=False)


def test_bad_task_retried_once_then_reported(cluster, tmp_path):
    c, client = cluster
    tasks = ensemble_tasks(3, CFG.shape) + [Task("bad", 7, (20, 20, 20))]      # 20 is not a multiple of 16
    a0 = attempts(client)
    res = run_ensemble(bundled_weights("porous"), tasks=tasks, out=tmp_path, config=CFG, client=client, progress=False)
    assert list(res.errors) == ["bad"] and "multiple of 16" in res.errors["bad"]
    assert delta(attempts(client), a0)["bad"] == 2                          # first try + retries=1
    assert sorted(res.ran) == ["00000", "00001", "00002"] and len(res.table) == 3
    assert json.loads((tmp_path / "errors.json").read_text()) == res.errors
    assert not (tmp_path / "rows" / "bad.json").exists()


def test_worker_killed_mid_run(cluster, tmp_path):
    c, client = cluster
    pids = set(client.run(os.getpid).values())
    box = {}
    th = threading.Thread(target=lambda: box.update(res=run_ensemble(
        bundled_weights("porous"), n=8, out=tmp_path, config=CFG, scheduler=c.scheduler_address, progress=False)))
    th.start()
    t0 = time.time()
    while not list((tmp_path / "rows").glob("*.json")) and time.time() - t0 < 60: time.sleep(0.05)
    victim = sorted(pids)[0]
    os.kill(victim, signal.SIGKILL)                                       # a worker dies mid-run
    done_at_kill = len(list((tmp_path / "rows").glob("*.json")))
    th.join(120)
    assert 1 <= done_at_kill < 8
    res = box["res"]
    assert victim not in set(client.run(os.getpid).values())               # it really died
    assert res.errors == {} and len(res.table) == 8 and sorted(res.table.seed) == list(range(8))
    assert len(res.ran) + len(res.skipped) == 8
    assert all(load_volume(tmp_path / f).shape == CFG.shape for f in res.table.file)


def test_cli_on_a_running_scheduler(cluster, tmp_path):
    from microlad.cli import main
    c, client = cluster
    argv = ["ensemble", "--weights", str(bundled_weights("porous")), "--n", "2", "--shape", "16", "16", "16",
            "--out", str(tmp_path), "--scheduler", c.scheduler_address, "--steps", "3"]
    assert main(argv) == 0
    t = pd.read_parquet(tmp_path / "results.parquet")
    assert list(t.seed) == [0, 1] and {"tau_1_x", "vf_1", "s2_1", "sa_1"} <= set(t.columns)
    assert main(argv) == 0                                                  # rerun: resumes, still 2 rows
    assert len(pd.read_parquet(tmp_path / "results.parquet")) == 2


@pytest.mark.parametrize("flag, field", [("--convex-particles", "particle_phase"), ("--network-phase", "network_phase")])
def test_cli_phase_priors(cluster, tmp_path, flag, field):
    "`microlad ensemble --convex-particles 1` / `--network-phase 1` reach every task's sampler config (run.json) and keep the phase fractions of the plain run."
    from microlad.cli import main
    import json
    c, client = cluster
    argv = ["ensemble", "--weights", str(bundled_weights("porous")), "--n", "1", "--shape", "32", "32", "32",
            "--scheduler", c.scheduler_address, "--steps", "3"]
    assert main(argv + ["--out", str(tmp_path / "plain")]) == 0
    assert main(argv + ["--out", str(tmp_path / "prior"), flag, "1"]) == 0
    cfg = json.loads((tmp_path / "prior" / "run.json").read_text())["config"]["lmpdd"]
    assert cfg[field] == 1 and sum(cfg[f] is not None for f in ("particle_phase", "network_phase")) == 1
    a, b = (pd.read_parquet(tmp_path / k / "results.parquet") for k in ("plain", "prior"))
    assert a.vf_1[0] == b.vf_1[0]
    if field == "particle_phase": assert a.tau_1_x[0] != b.tau_1_x[0]


def test_cli_fusion(cluster, tmp_path):
    "`microlad ensemble --fusion spectral` reaches every task's sampler config (run.json); the phase fractions stay the training region's."
    from microlad.cli import main
    import json
    c, client = cluster
    argv = ["ensemble", "--weights", str(bundled_weights("porous")), "--n", "1", "--shape", "32", "32", "32",
            "--scheduler", c.scheduler_address, "--steps", "3"]
    assert main(argv + ["--out", str(tmp_path / "fused"), "--fusion", "spectral"]) == 0
    assert json.loads((tmp_path / "fused" / "run.json").read_text())["config"]["lmpdd"]["fusion"] == "spectral"
    assert abs(pd.read_parquet(tmp_path / "fused" / "results.parquet").vf_1[0] - 0.35) < 0.01
