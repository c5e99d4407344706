"""`storyweave serve`: loopback detection and the token rule beyond loopback."""

from __future__ import annotations

import pytest

from storyweave.errors import ConfigError
from storyweave.server.server import check_exposure, is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.1.2.3", True), ("localhost", True), ("::1", True),
     ("[::1]", True), ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
     ("example.org", False), ("localhost.evil.example", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("host", "token", "refused"),
    [("127.0.0.1", None, False), ("0.0.0.0", None, True), ("0.0.0.0", "", True),
     ("0.0.0.0", "t0ken", False), ("10.0.0.1", None, True)],
)  # fmt: skip
def test_token_required_beyond_loopback(host: str, token: str | None, refused: bool) -> None:
    if refused:
        with pytest.raises(ConfigError, match="E609"):
            check_exposure(host, token)
    else:
        check_exposure(host, token)
