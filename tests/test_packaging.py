"""What `pip install .` installs: the runtime package, not the development tooling."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli

ROOT = Path(__file__).resolve().parents[1]
#: Module names that are tooling wherever they would stand in the runtime package.
TOOLING = ("eval", "bench", "train", "build_", "loadtest", "sample")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*pip, "--wheel-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("dateline-*.whl")
    return built


def test_the_wheel_holds_no_tooling(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    modules = [n for n in names if n.endswith(".py")]
    assert any(n == "dateline/pipeline.py" for n in modules)
    assert not [n for n in names if n.startswith("dateline_dev/")]
    tooling = [
        n for n in modules if any(Path(n).stem.startswith(t) or f"/{t}/" in n for t in TOOLING)
    ]
    assert tooling == []


def test_the_runtime_package_never_imports_the_tooling() -> None:
    offenders = []
    for path in sorted((ROOT / "src" / "dateline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "dateline_dev"]
    assert offenders == []


def test_eval_without_the_tooling_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m.split(".")[0] == "dateline_dev"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "dateline_dev", None)  # importing it now fails
    for args in (["eval", "extraction"], ["bench", "nlp"], ["train", "lines"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert "E002" in result.output and "pip install -e '.[dev]'" in result.output
