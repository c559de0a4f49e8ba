"""The frozen one-folder application builds with installer/build.sh and passes --self-test,
with every file of resources/ and migrations/ inside it (no checkout needed at run time), and
prints a relevé (reportlab, openpyxl and the shipped font) with the libraries it bundled."""

import os
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.integration.test_wheel import ROOT, shipped_files


@pytest.mark.slow
def test_frozen_application_builds_and_passes_its_self_test(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    build = subprocess.run([ROOT / "installer" / "build.sh", str(tmp_path / "dist")], capture_output=True, text=True,
                           env=env, timeout=600)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    assert "self-test: ok" in build.stdout
    bundle = tmp_path / "dist" / "lawyer-billing" / "_internal" / "lawyer_billing"
    assert (bundle / "resources" / "tariff" / "entente-2008").is_dir()
    assert list((bundle / "migrations" / "versions").glob("*.py"))
    assert shipped_files(bundle) == shipped_files(ROOT)
    # python-docx builds every letter on its own template, a data file of its package
    assert (bundle.parent / "docx" / "templates" / "default.docx").is_file()
    moved = tmp_path / "elsewhere"
    (tmp_path / "dist" / "lawyer-billing").rename(moved)
    version = subprocess.run([moved / "lawyer-billing", "--version"], capture_output=True, text=True, env=env, cwd="/")
    assert version.returncode == 0 and version.stdout.startswith("lawyer-billing ")
    pdf, xlsx = tmp_path / "releve.pdf", tmp_path / "releve.xlsx"
    printed = subprocess.run([moved / "lawyer-billing", "statement", str(ROOT / "examples" / "statement-complete.json"),
                              "--pdf", str(pdf), "--xlsx", str(xlsx)], capture_output=True, text=True, env=env, cwd="/")
    assert printed.returncode == 0, printed.stderr
    fonts = {str(font["/BaseFont"]) for page in PdfReader(pdf).pages for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in name for name in fonts)
    assert xlsx.stat().st_size > 0
