"""Packaging for microlad. All metadata lives in settings.ini (nbdev 2.x convention)."""
from configparser import ConfigParser
from pathlib import Path

import setuptools

cfg = ConfigParser(delimiters=["="])
cfg.read(Path(__file__).parent / "settings.ini")
cfg = cfg["DEFAULT"]

licenses = {"apache2": "Apache-2.0"}
statuses = ["1 - Planning", "2 - Pre-Alpha", "3 - Alpha", "4 - Beta", "5 - Production/Stable"]
py_versions = ["3.10", "3.11", "3.12", "3.13"]
min_python = cfg["min_python"]

here = Path(__file__).parent
readme = here / "README.md"

def bundled_data_files():
    "data/ (micrographs, their README, the shipped weights; not the *.ckpt training checkpoints) → <prefix>/share/microlad/data."
    keep = {".png", ".md", ".pt", ".json"}
    folders = [here / "data", *sorted(p for p in (here / "data" / "weights").glob("*") if p.is_dir())]
    out = []
    for d in folders:
        files = [f.relative_to(here).as_posix() for f in sorted(d.glob("*")) if f.is_file() and f.suffix in keep]
        if files: out.append(((Path("share") / "microlad" / d.relative_to(here)).as_posix(), files))
    return out

setuptools.setup(
    name=cfg["lib_name"],
    version=cfg["version"],
    description=cfg["description"],
    long_description=readme.read_text() if readme.exists() else "",
    long_description_content_type="text/markdown",
    author=cfg["author"],
    author_email=cfg["author_email"],
    license=licenses[cfg["license"]],
    url=cfg["git_url"],
    keywords=cfg["keywords"].split(),
    classifiers=[
        "Development Status :: " + statuses[int(cfg["status"]) - 1],
        "Intended Audience :: " + cfg["audience"],
        "Natural Language :: " + cfg["language"],
    ] + ["Programming Language :: Python :: " + v for v in py_versions[py_versions.index(min_python):]],
    packages=setuptools.find_packages(include=["microlad", "microlad.*"]),
    include_package_data=True,
    data_files=bundled_data_files(),
    python_requires=">=" + min_python,
    install_requires=cfg["requirements"].split(),
    extras_require={"dev": cfg["dev_requirements"].split()},
    entry_points={
        "console_scripts": cfg["console_scripts"].split(),
        "nbdev": [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"],
    },
    zip_safe=False,
)
