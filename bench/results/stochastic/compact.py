"One line per phase of a `truth_report` (errors per axis, noise floor in brackets): the format of sig.py and refk.py."

def print_compact(rows, n_phases: int, header: str):
    print(header)
    for ph in range(n_phases):
        g = lambda name: [r for r in rows if r.phase == ph and r.name == name]
        f = lambda name, fmt="{:+.1f}": "/".join(fmt.format(r.err) for r in g(name))
        fl = lambda name: max(abs(r.floor) for r in g(name))
        print(f"  phase {ph}: vf {g('vf')[0].err:+.3f}  S2 {f('s2', '{:.1f}')} ({fl('s2'):.1f})  SSA {g('ssa')[0].err:+.1f}  "
              f"chord {f('chord')}  tau {f('tau', '{:+.0f}')} (truth {g('tau')[0].truth:.2f})", flush=True)
