from __future__ import annotations

from storyweave.hashing import article_id, fingerprint, normalise_text


def test_same_text_same_id_and_outlet_matters() -> None:
    a = article_id("Kim met Putin.", outlet="AFP")
    assert a == article_id("Kim met Putin.", outlet="afp ")
    assert a != article_id("Kim met Putin.", outlet="Reuters")
    assert a != article_id("Kim met Putin today.", outlet="AFP")


def test_fingerprint_ignores_spacing_and_case() -> None:
    assert fingerprint("Kim  met\nPutin.") == fingerprint("kim met putin.")


def test_normalise_text() -> None:
    assert normalise_text("a  \r\nb\r\n\r\n\r\n\r\nc  ") == "a\nb\n\nc"
