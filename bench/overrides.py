"`--set FIELD=VALUE` for the bench scripts: replace fields of a config dataclass, each value parsed as its field's type."
import ast
from dataclasses import fields, replace


def apply_overrides(cfg, pairs):
    "`cfg` with the fields named in `pairs` (`['label_fractions=argmax', 'fraction_feedback_t=0']`) replaced."
    types = {f.name: type(getattr(cfg, f.name)) for f in fields(cfg)}
    new = {}
    for p in pairs or []:
        key, sep, val = p.partition("=")
        if not sep or key not in types: raise SystemExit(f"--set {p!r}: expected FIELD=VALUE with FIELD one of {sorted(types)}")
        t = types[key]
        if t is bool: new[key] = val.lower() in ("1", "true", "yes")
        elif t is tuple: new[key] = tuple(float(v) for v in val.split(","))     # e.g. smooth_sigma_range=0.5,2
        elif t is type(None): new[key] = ast.literal_eval(val)                 # an optional field, e.g. particle_phase=1
        else: new[key] = t(val)
    return replace(cfg, **new)
