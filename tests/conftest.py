"""Shared fixtures and the Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set by the check script when ``CI`` is set) runs more
examples; the default ``dev`` profile keeps a local run quick.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture
def repo() -> Path:
    """The repository's top folder."""
    return REPO


@pytest.fixture(autouse=True)
def _english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads the locale from the environment: tests start from a neutral one."""
    for name in ("INTIMACY_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
