"""The pure JavaScript modules in static/js pass their own tests under Node (`node --test`)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_javascript_modules_pass_their_node_tests():
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js is needed for the JavaScript tests under CI.")
        pytest.skip("Node.js is not installed")
    run = subprocess.run(
        [node, "--test", "static/js/tests/"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# fail 0" in run.stdout
