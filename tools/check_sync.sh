#!/bin/sh
# Fails when microlad/*.py is not what nbdev_export makes of nbs/, or when a notebook is not clean.
set -e
digest() { find "$1" -type f \( -name '*.py' -o -name '*.ipynb' \) ! -path '*/.ipynb_checkpoints/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum; }
before=$(digest microlad)
nbdev_export
after=$(digest microlad)
if [ "$before" != "$after" ]; then
  echo "FAIL: microlad/ was out of sync with nbs/ (nbdev_export changed it). Edit the notebooks, run nbdev_export, commit both."
  git status --short -- microlad 2>/dev/null || true
  exit 1
fi
before=$(digest nbs)
nbdev_clean
after=$(digest nbs)
if [ "$before" != "$after" ]; then
  echo "FAIL: notebooks were not clean (nbdev_clean changed them). Run nbdev_clean and commit."
  git status --short -- nbs 2>/dev/null || true
  exit 1
fi
before=$(sha256sum README.md 2>/dev/null || true)
sh tools/make_readme.sh
if [ "$before" != "$(sha256sum README.md)" ]; then
  echo "FAIL: README.md was not generated from nbs/index.ipynb. Run sh tools/make_readme.sh and commit."
  exit 1
fi
echo "sync-check: microlad/ matches nbs/, notebooks clean, README.md matches nbs/index.ipynb"
