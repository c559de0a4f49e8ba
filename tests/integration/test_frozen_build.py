"""The frozen one-folder application builds with installer/build.sh and passes --self-test,
with resources/ and migrations/ inside it (no checkout needed at run time)."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


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
    moved = tmp_path / "elsewhere"
    (tmp_path / "dist" / "lawyer-billing").rename(moved)
    version = subprocess.run([moved / "lawyer-billing", "--version"], capture_output=True, text=True, env=env, cwd="/")
    assert version.returncode == 0 and version.stdout.startswith("lawyer-billing ")
