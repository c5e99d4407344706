"""The Dask path gives the same report as the single-process run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyweave.cli import main
from tests.conftest import EXAMPLES

pytest.importorskip(
    "distributed", reason="Dask is not installed (pip install storyweave[distributed])"
)


def _analyse(tmp: Path, name: str, *extra: str) -> dict:  # type: ignore[type-arg]
    out = tmp / f"{name}.json"
    res = CliRunner().invoke(
        main,
        ["analyze", str(EXAMPLES), "--db", str(tmp / f"{name}.db"), "--json", str(out), *extra],
    )
    assert res.exit_code == 0, res.output
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.slow
def test_dask_run_equals_single_process_run(tmp_path: Path) -> None:
    single = _analyse(tmp_path, "single")
    distributed = _analyse(tmp_path, "dask", "--dask", "local:2")
    assert distributed == single
    assert single["attributions"] and single["timexes"] and single["entities"]


def test_bad_dask_spec(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        main, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "s.db"), "--dask", "nowhere"]
    )
    assert res.exit_code == 1 and "local:N or tcp://HOST:PORT" in res.output
