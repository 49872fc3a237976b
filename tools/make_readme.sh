#!/bin/sh
# README.md is generated from nbs/index.ipynb (nbdev_readme needs Quarto, which we do not require).
set -e
jupyter nbconvert --to markdown --log-level=ERROR --stdout nbs/index.ipynb > README.md.tmp
mv README.md.tmp README.md
