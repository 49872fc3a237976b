"""Headless tests of the interactive panels (`microlad.widgets`).

Each panel is built with a fake of the function it wraps; widget values are set from Python,
buttons are pressed with `button.click()` (no browser needed), and we check what the fake
received and what the figures show. Invalid input must end up as a message in the panel's
`status`, never as an exception."""
import io, json, time
from types import SimpleNamespace
from dataclasses import replace

import numpy as np
import pytest
import torch

pytest.importorskip("anywidget", reason="plotly FigureWidget needs anywidget")

from microlad.widgets import (ReconstructPanel, SDSPanel, UMAPExplorer, make_objective, parse_target, labels_png,
                              placeholder_png, close_panels)
from microlad.data import load_volume
from microlad.sds import StepRecord, SDSConfig
from microlad.lmpdd import LMPDDConfig


def _volume(shape=(32, 32, 32), n_phases=2):
    v = torch.zeros(shape, dtype=torch.long)
    for p in range(1, n_phases): v[p * shape[0] // n_phases:] = p
    return v


class FakeReconstruct:
    def __init__(self, n_phases=2): self.calls, self.n_phases = [], n_phases
    def __call__(self, model, shape, **kw):
        self.calls.append(dict(model=model, shape=shape, **kw))
        return _volume(shape, self.n_phases)[None]


class FakeGuide:
    "Records its arguments, drives the callback like `microlad.sds.guide`, honours KeyboardInterrupt."
    def __init__(self, delay=0.0): self.calls, self.delay = [], delay
    def __call__(self, vol, model, objectives, *, seed, config, progress, callback, **extra):
        steps = config.steps
        self.calls.append(dict(vol=vol, model=model, objectives=list(objectives), steps=steps, lr=config.lr,
                               slices_per_step=config.slices_per_step, seed=seed, progress=progress, config=config, extra=extra))
        v = torch.as_tensor(np.asarray(vol))
        probs = torch.nn.functional.one_hot(v, 2).permute(3, 0, 1, 2).float()
        done, interrupted = 0, False
        try:
            for done in range(1, steps + 1):
                if self.delay: time.sleep(self.delay)
                per = {o.label: 0.3 + 0.01 * done for o in objectives}
                callback(StepRecord(done - 1, done % 3, [done % 32], 300.0, 0.5, 10.0 - done, per,
                                    {n: 1.0 for n in per}, {n: 0.0 for n in per}, volume=probs))
        except KeyboardInterrupt:
            interrupted, done = True, done - 1
        hist = dict(step=list(range(done)), total=[10.0 - i for i in range(done)],
                    values={o.label: [0.3 + 0.01 * i for i in range(done)] for o in objectives})
        return SimpleNamespace(labels=v, probs=probs, history=hist, step=done, interrupted=interrupted)


def is_error(panel): return "microlad-error" in panel.status.value
def is_ok(panel): return "microlad-ok" in panel.status.value


# ---------------------------------------------------------------- ReconstructPanel
def test_reconstruct_panel_passes_settings_and_draws():
    fake = FakeReconstruct(n_phases=3)
    p = ReconstructPanel(model=SimpleNamespace(n_phases=3), reconstruct_fn=fake, threaded=False)
    p.size.value, p.steps.value, p.refine.value, p.seed.value = 48, 9, 1, 11
    p.run_button.click()
    assert is_ok(p), p.status.value
    c = fake.calls[-1]
    assert c["shape"] == (48, 48, 48)
    assert (c["n"], c["config"].steps, c["config"].refine_iters, c["seed"], c["progress"]) == (1, 9, 1, 11, False)
    assert c["config"] == replace(LMPDDConfig.cpu(), steps=9, refine_iters=1)     # every other knob: the cpu recipe
    assert c["callback"] == p._on_progress          # drives the progress bar and the Stop button
    assert p.volume.shape == (48, 48, 48)
    # one isosurface per phase, three slice heatmaps showing the middle slices, one slider per axis
    assert [t.type for t in p.iso.data] == ["isosurface"] * 3
    assert len(p.slices.data) == 3 and len(p.slices.layout.sliders) == 3
    np.testing.assert_array_equal(np.asarray(p.slices.data[0].z), p.volume[24])
    np.testing.assert_array_equal(np.asarray(p.slices.data[2].z), p.volume[:, :, 24])


def test_reconstruct_panel_loads_named_model_and_reports_errors():
    loaded = []
    def load(name):
        loaded.append(name)
        if name == "anode": raise FileNotFoundError("No bundled weights for 'anode'")
        return "porous-model"
    fake = FakeReconstruct()
    p = ReconstructPanel(reconstruct_fn=fake, load_fn=load, threaded=False)
    assert p.name.value == "sofc_anode"                 # the real default material comes first
    p.name.value = "porous"
    p.size.value = 32
    p.run_button.click()
    assert loaded == ["porous"] and fake.calls[-1]["model"] == "porous-model" and is_ok(p)
    p.name.value = "anode"
    p.run_button.click()
    assert is_error(p) and "No bundled weights" in p.status.value and len(fake.calls) == 1


@pytest.mark.parametrize("field,value,msg", [("size", 40, "multiple of 16"), ("size", 0, "≥ 16"),
                                             ("steps", 0, "DDIM steps"), ("refine", -1, "refine passes")])
def test_reconstruct_panel_invalid_inputs_are_messages(field, value, msg):
    fake = FakeReconstruct()
    p = ReconstructPanel(model="m", reconstruct_fn=fake, threaded=False)
    getattr(p, field).value = value
    p.run_button.click()                      # must not raise
    assert is_error(p) and msg in p.status.value and fake.calls == []


def test_reconstruct_panel_failure_of_the_function_is_a_message():
    def boom(*a, **k): raise RuntimeError("out of memory")
    p = ReconstructPanel(model="m", reconstruct_fn=boom, threaded=False)
    p.size.value = 16
    p.run_button.click()
    assert is_error(p) and "RuntimeError: out of memory" in p.status.value


def test_reconstruct_panel_export(tmp_path):
    saved = []
    p = ReconstructPanel(model="m", reconstruct_fn=FakeReconstruct(), save_fn=lambda v, path: saved.append((v, path)) or path,
                         threaded=False)
    p.export_button.click()
    assert is_error(p) and "reconstruct first" in p.status.value
    p.size.value = 16
    p.run_button.click()
    p.path.value = str(tmp_path / "a.vti")
    p.export_button.click()
    assert saved[-1][1] == str(tmp_path / "a.vti") and saved[-1][0].shape == (16, 16, 16)
    # with the real save_volume: a TIFF that loads back
    q = ReconstructPanel(model="m", reconstruct_fn=FakeReconstruct(), threaded=False)
    q.size.value = 16; q.run_button.click()
    q.path.value = str(tmp_path / "b.tif"); q.export_button.click()
    assert is_ok(q)
    np.testing.assert_array_equal(load_volume(tmp_path / "b.tif"), q.volume)


def test_reconstruct_panel_feeds_sds_panel():
    sds = SDSPanel(model="m", guide_fn=FakeGuide(), threaded=False)
    p = ReconstructPanel(model="m", reconstruct_fn=FakeReconstruct(), on_result=sds.set_volume, threaded=False)
    p.size.value = 16; p.run_button.click()
    assert sds.volume is p.volume


def test_reconstruct_panel_threaded_progress_and_stop():
    "Threaded (the default): the callback moves the progress bar; Stop ends the run and keeps the old volume."
    calls = []
    def slow(model, shape, *, n, progress, callback, config, seed):
        steps = config.steps
        calls.append(steps)
        for i in range(1, steps + 1):
            time.sleep(0.01); callback("sample", i, steps)
        for i in range(1, 4): callback("decode", i * 16, 48)
        return _volume(shape)[None] + seed % 2
    p = ReconstructPanel(model="m", reconstruct_fn=slow)
    p.size.value, p.steps.value, p.seed.value = 16, 3, 0
    p.run_button.click()
    assert p.wait(30) and is_ok(p), p.status.value
    assert (p.progress.description, p.progress.value, p.progress.max) == ("decode", 48, 48)
    first = p.volume
    p.steps.value, p.seed.value = 100_000, 1
    p.run_button.click()
    for _ in range(600):
        if p.progress.value >= 2: break
        time.sleep(0.05)
    assert p.running and not p.stop_button.disabled and p.run_button.disabled
    p.run_button.click()                      # a second Run while running: a message, no second call
    assert "already running" in p.status.value and calls == [3, 100_000]
    p.stop_button.click()
    assert p.wait(30)
    assert "stopped" in p.status.value and p.progress.value < 100_000
    assert p.volume is first and not p.run_button.disabled and p.stop_button.disabled


# ---------------------------------------------------------------- SDSPanel
def test_parse_target_and_make_objective():
    assert parse_target("+") == "+" and parse_target(" ++") == "++" and parse_target("0.25") == 0.25
    with pytest.raises(ValueError, match="number"): parse_target("max")
    o = make_objective("surface area", 2, "0.05", 3.0)
    assert (o.label, o.target, o.weight) == ("SA[2]", 0.05, 3.0)


def test_sds_panel_passes_objectives_and_settings():
    g = FakeGuide()
    vol = _volume()
    p = SDSPanel(model="M", volume=vol, guide_fn=g, threaded=False,
                 guide_kwargs=dict(config=replace(SDSConfig.cpu(), t_range=(100, 300)), checkpoint="run.ckpt"))
    p.w_m.value, p.w_p.value = 5.0, 0.5          # w_M goes to descriptor objectives, w_P to the property
    p.kind.value, p.phase.value, p.target.value = "volume fraction", 1, "0.6"
    p.add_button.click()
    p.kind.value, p.phase.value, p.target.value = "diffusivity", 0, "0.2"
    p.add_button.click()
    p.lr.value, p.steps.value, p.slices.value, p.seed.value = 0.01, 7, 3, 2
    p.run_button.click()
    assert is_ok(p), p.status.value
    c = g.calls[-1]
    assert c["vol"] is vol and c["model"] == "M"
    assert (c["steps"], c["lr"], c["slices_per_step"], c["seed"], c["progress"]) == (7, 0.01, 3, 2, False)
    assert c["config"] == replace(SDSConfig.cpu(), t_range=(100, 300), steps=7, lr=0.01, slices_per_step=3)
    assert c["extra"] == dict(checkpoint="run.ckpt")              # other guide_kwargs are passed on as they are
    assert [(o.label, o.target, o.weight) for o in c["objectives"]] == [("V_f[1]", 0.6, 5.0), ("D_e[0]", 0.2, 0.5)]
    assert p.progress.value == 7
    # the final figure holds the returned history: loss and one trace per objective, targets as lines
    names = [t.name for t in p.loss_fig.data]
    assert names == ["loss", "V_f[1]", "D_e[0]"]
    assert list(p.loss_fig.data[0].y) == [10.0 - i for i in range(7)]
    assert list(p.loss_fig.data[0].x) == list(range(1, 8))
    assert {s.y0 for s in p.loss_fig.layout.shapes} == {0.6, 0.2}
    assert [t.type for t in p.iso.data] == ["isosurface"] * 2


def test_sds_panel_single_row_objective_and_plus_target_resolution():
    g = FakeGuide()
    from microlad.sds import VolumeFraction
    class Stats:
        def max(self, key, phase): return 0.4
    p = SDSPanel(model=SimpleNamespace(n_phases=2), volume=_volume(), guide_fn=g, threaded=False, stats=Stats())
    p.target.value = "++"                      # no objective added: Run uses the row
    p.run_button.click()
    assert is_ok(p), p.status.value
    (o,) = g.calls[-1]["objectives"]
    assert isinstance(o, VolumeFraction) and o.target == pytest.approx(0.8)     # '++' = twice the training maximum


def test_sds_panel_live_plot_updates_during_run():
    seen = []
    g = FakeGuide()
    p = SDSPanel(model="M", volume=_volume(), guide_fn=g, threaded=False, plot_every=2)
    orig = p._on_step
    def spy(rec):
        orig(rec)
        seen.append((rec.done, len(p.loss_fig.data[1].y or ())))
        if rec.done % 2 == 0:     # the live point is what the step measured: its total loss and V_f value
            assert p.loss_fig.data[0].y[-1] == rec.total and p.loss_fig.data[1].y[-1] == rec.values["V_f[1]"]
    p._on_step = spy
    p.target.value, p.steps.value = "0.5", 6
    p.run_button.click()
    assert seen == [(1, 0), (2, 1), (3, 1), (4, 2), (5, 2), (6, 3)]
    assert p.steps.value == 6 and is_ok(p)


@pytest.mark.parametrize("setup,msg", [
    (dict(target="big"), "target must be a number"),
    (dict(target="1.5"), "[0, 1]"),
    (dict(lr=-1.0), "lr must be a positive"),
    (dict(steps=0), "steps must be an integer"),
    (dict(slices=0), "slices / step"),
    (dict(kind="two-point correlation", target="0.3"), "takes no target"),
])
def test_sds_panel_invalid_inputs_are_messages(setup, msg):
    g = FakeGuide()
    p = SDSPanel(model="M", volume=_volume(), guide_fn=g, threaded=False)
    for k, v in setup.items(): getattr(p, k).value = v
    p.run_button.click()
    assert is_error(p) and msg in p.status.value.replace("&#x27;", "'"), p.status.value
    assert g.calls == []
    if set(setup) & {"target", "kind"}:       # a bad objective row: Add gives the same message, adds nothing
        p.say("info", "")
        p.add_button.click()
        assert is_error(p) and p.objectives == []


def test_sds_panel_without_model_is_a_message():
    p = SDSPanel(guide_fn=FakeGuide(), threaded=False)
    p.target.value = "0.3"
    p.run_button.click()
    assert is_error(p) and "no model" in p.status.value


def test_sds_panel_guide_failure_is_a_message():
    def boom(*a, **k): raise ValueError("t_range (200, 500) must lie in [0, 99]")
    p = SDSPanel(model="M", volume=_volume(), guide_fn=boom, threaded=False)
    p.target.value = "0.3"
    p.run_button.click()
    assert is_error(p) and "t_range" in p.status.value
    assert not p.run_button.disabled and p.stop_button.disabled


def test_sds_panel_starts_from_reconstruction_when_no_volume():
    rec, g = FakeReconstruct(), FakeGuide()
    p = SDSPanel(model="M", guide_fn=g, reconstruct_fn=rec, threaded=False, size=32)
    p.target.value, p.seed.value = "0.3", 4
    p.run_button.click()
    assert rec.calls[-1]["shape"] == (32, 32, 32) and rec.calls[-1]["seed"] == 4
    assert tuple(g.calls[-1]["vol"].shape) == (32, 32, 32)


def test_sds_panel_stop_button_interrupts_threaded_run():
    g = FakeGuide(delay=0.01)
    p = SDSPanel(model="M", volume=_volume(), guide_fn=g, plot_every=10)
    p.target.value, p.steps.value = "0.3", 100_000
    p.run_button.click()
    t0 = time.time()
    while p.progress.value < 3 and time.time() - t0 < 60: time.sleep(0.02)
    assert p.running and not p.stop_button.disabled and p.run_button.disabled
    p.run_button.click()                       # a second Run while running: a message, not a second thread
    assert is_error(p) and "already running" in p.status.value
    p.stop_button.click()
    assert p.wait(60)
    assert p.result.interrupted and 3 <= p.result.step < 100_000
    assert "stopped after" in p.status.value
    assert not p.run_button.disabled and p.stop_button.disabled
    assert len(g.calls) == 1


def test_sds_panel_export(tmp_path):
    p = SDSPanel(model="M", volume=_volume(), guide_fn=FakeGuide(), threaded=False)
    p.export_button.click()
    assert is_error(p) and "run first" in p.status.value
    p.target.value, p.steps.value = "0.3", 2
    p.run_button.click()
    p.path.value = str(tmp_path / "r.tif")
    p.export_button.click()
    assert is_ok(p)
    np.testing.assert_array_equal(load_volume(tmp_path / "r.tif"), _volume().numpy())


# ---------------------------------------------------------------- UMAPExplorer
def _explorer(**kw):
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(10, 8)).astype(np.float32)
    imgs = rng.integers(0, 3, (10, 8, 8))
    calls = []
    def project(e, seed):
        calls.append((e, seed))
        return np.stack([np.arange(10.0), np.arange(10.0) ** 2], 1)
    ex = UMAPExplorer(embeddings=emb, images=imgs, colours={"V_f": imgs.mean((1, 2)), "SA": np.arange(10.0)},
                      groups=["x"] * 4 + ["dataset"] * 6, project_fn=project, seed=3, **kw)
    return ex, emb, imgs, calls


def test_umap_explorer_projects_embeddings_and_groups():
    ex, emb, imgs, calls = _explorer()
    assert calls[0][1] == 3 and np.array_equal(calls[0][0], emb)
    assert [t.name for t in ex.fig.data] == ["x", "dataset"]
    assert list(ex.fig.data[1].customdata) == [4, 5, 6, 7, 8, 9]
    assert list(ex.fig.data[1].y) == [float(i * i) for i in range(4, 10)]


def test_umap_explorer_colour_and_hover():
    ex, emb, imgs, _ = _explorer()
    ex.colour.value = "SA"
    np.testing.assert_allclose(np.asarray(ex.fig.data[1].marker.color), np.arange(4, 10.0))
    assert ex.fig.data[0].marker.colorbar.title.text == "SA"
    ex.colour.value = "group"
    assert isinstance(ex.fig.data[0].marker.color, str)
    # a hover event on the second trace's third point = point index 6
    ex._on_point(ex.fig.data[1], SimpleNamespace(point_inds=[2]))
    assert ex.selected == 6
    assert ex.image.value == labels_png(imgs[6], 3, ex.image_side) and "dataset #6" in ex.caption.value
    assert "dataset #6" in ex.status.value and "SA = 6" in ex.status.value
    # handlers survive a colour change (the figure is rebuilt)
    ex.colour.value = "V_f"
    ex._on_point(ex.fig.data[0], SimpleNamespace(point_inds=[1]))
    assert ex.selected == 1


def test_umap_explorer_invalid_inputs():
    with pytest.raises(ValueError, match="images has 2 entries"):
        UMAPExplorer(points=np.zeros((3, 2)), images=np.zeros((2, 4, 4)))
    with pytest.raises(ValueError, match="points"):
        UMAPExplorer()
    ex, *_ = _explorer()
    ex._on_point(ex.fig.data[0], SimpleNamespace(point_inds=[]))      # empty hover: nothing happens
    assert ex.selected is None and not is_error(ex)


def test_umap_explorer_from_volume():
    from microlad.vae import VAE, VAEConfig
    torch.manual_seed(0)
    vae = VAE(VAEConfig(2, (8, 8, 16), 1, False, 4, 4)).eval()
    rng = np.random.default_rng(0)
    vol, crops = rng.integers(0, 2, (16, 16, 16)), rng.integers(0, 2, (8, 32, 32))
    calls = []
    def coherence(v, vae_, c, seed):          # slice_coherence without the (slow) UMAP fit
        from microlad.analysis import slice_coherence
        calls.append(seed)
        coh = slice_coherence(v, vae_, c, seed=seed, umap=False)
        coh.points = {k: e[:, :2] for k, e in coh.embeddings.items()}
        return coh
    ex = UMAPExplorer.from_volume(vol, vae, crops, seed=5, coherence_fn=coherence)
    assert calls == [5]
    assert [t.name for t in ex.fig.data] == ["x", "y", "z", "dataset"]
    assert len(ex.points) == 16 * 3 + 8 and list(ex.colours) == ["V_f (phase 1)", "SA (phase 1)"]
    ex.select(16 * 3 + 2)                     # the third crop in the shuffled order of the 'dataset' row
    assert ex.image.value == labels_png(crops[ex.coherence.order[2]], 2, ex.image_side)
    ex.select(16 + 5)                         # slice 5 normal to y
    assert ex.image.value == labels_png(vol[:, 5], 2, ex.image_side)


def test_panels_display_as_widgets():
    for p in (ReconstructPanel(model="m", reconstruct_fn=FakeReconstruct(), threaded=False), SDSPanel(model="m", guide_fn=FakeGuide()),
              _explorer()[0]):
        b = p._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in b


# ---------------------------------------------------------------- replace, do not accumulate
from ipywidgets.widgets.widget import _instances as LIVE, _remove_buffers


def _tree(w):
    return [w, *(x for c in getattr(w, "children", ()) for x in _tree(c))]


def _figures(panel):
    return [w for w in _tree(panel.widget) if hasattr(w, "data") and hasattr(w, "add_traces")]


def _state_bytes(panel):
    "What a page opening the notebook receives for this panel: JSON state plus binary buffers."
    n = 0
    for w in _tree(panel.widget):
        st, _, bufs = _remove_buffers(w.get_state())
        n += len(json.dumps(st, default=str)) + sum(len(b) for b in bufs)
    return n


def _snapshot(panel):
    figs = _figures(panel)
    return len(LIVE), [len(f.data) for f in figs], [len(f.layout.shapes or ()) for f in figs], _state_bytes(panel)


def _sds():
    p = SDSPanel(model="M", volume=_volume(), guide_fn=FakeGuide(), threaded=False)
    p.kind.value, p.target.value, p.steps.value = "volume fraction", "0.4", 5
    return p


def _umap():
    ex = _explorer()[0]
    names = list(ex.colour.options)
    def run():                                                   # "a run" of the explorer: recolour (a new figure), then a hover
        ex.colour.value = names[(names.index(ex.colour.value) + 1) % len(names)]
        ex.select(len(ex.points) - 1)
    ex.run_button = SimpleNamespace(click=run)
    return ex


@pytest.mark.parametrize("make", [lambda: ReconstructPanel(model="m", reconstruct_fn=FakeReconstruct(), size=32, threaded=False),
                                  _sds, _umap], ids=["reconstruct", "sds", "umap"])
def test_runs_replace_not_accumulate(make):
    """Five runs of a panel leave the number of live widgets, of figure traces and shapes, and the size of its
    widget state where the first run left them; `close()` frees every widget of the panel."""
    n_start = len(LIVE)
    p = make()
    p.run_button.click()
    assert p.status_kind != "error", p.message
    first = _snapshot(p)
    assert first[0] > n_start and first[3] > 1_000_000          # the panel's widgets exist; FigureWidgets carry plotly.js
    for _ in range(4): p.run_button.click()
    last = _snapshot(p)
    assert last[:3] == first[:3], (first, last)
    assert abs(last[3] - first[3]) < 64, (first[3], last[3])     # edit counters and the run time in the status line only
    p.close()
    assert len(LIVE) == n_start


def test_rebuilding_panels_with_close_panels_keeps_the_count():
    "What the notebook's demo cells do on a re-run: close the old panels, build new ones."
    n_start, panels = len(LIVE), (None, None)
    for _ in range(3):
        close_panels(*panels)
        panels = (ReconstructPanel(model="m", reconstruct_fn=FakeReconstruct(), threaded=False), _sds())
        n_built = len(LIVE)
    assert n_built == len(LIVE) and n_built > n_start
    close_panels(*panels)
    assert len(LIVE) == n_start


def test_umap_image_box_before_and_after_hover():
    "Before the first hover the box is a grey placeholder with text, not a solid phase-coloured square."
    from PIL import Image
    ex, emb, imgs, _ = _explorer()
    assert ex.image.value == placeholder_png("hover a point\nto see its slice", ex.image_side)
    px = np.asarray(Image.open(io.BytesIO(ex.image.value)).convert("RGB"))
    colours = {tuple(c) for c in px.reshape(-1, 3)}
    assert len(colours) > 3 and (246, 246, 246) in colours       # light background, border, anti-aliased text
    ex.select(4)
    px = np.asarray(Image.open(io.BytesIO(ex.image.value)).convert("RGB"))
    k = px.shape[0] // imgs.shape[1]
    from microlad.analysis import PHASE_COLOURS
    rgb = lambda h: tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))
    want = np.array([rgb(PHASE_COLOURS[v]) for v in imgs[4].ravel()]).reshape(*imgs[4].shape, 3)
    np.testing.assert_array_equal(px[::k, ::k], want)            # one k×k block per pixel, in the phase colours
