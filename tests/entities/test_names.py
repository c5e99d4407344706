from __future__ import annotations

import pytest

from storyweave.entities.names import (
    acronym,
    fold,
    is_acronym,
    joined,
    org_key_tokens,
    person_key_tokens,
    person_words,
    translit,
    without_nicknames,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Yury", "Yuri"),
        ("Shoigu", "Shoygu"),
        ("Dmitry", "Dmitri"),
        ("Sergei", "Sergey"),
        ("Zürich", "Zurich"),
        ("Khodorkovsky", "Hodorkovski"),
        ("Centre", "Center"),
    ],
)
def test_transliteration_variants_share_a_key(a, b):
    assert translit(a) == translit(b)


@pytest.mark.parametrize(("a", "b"), [("Putin", "Kim"), ("Jong", "Yong"), ("Ivan", "Iran")])
def test_different_names_keep_different_keys(a, b):
    assert translit(a) != translit(b)


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Kim Jong-un", ("kim", "jong", "un")),
        ("Kim Jong Un", ("kim", "jong", "un")),
        ("North Korean leader Kim Jong-un", ("kim", "jong", "un")),
        ("Russian President Vladimir Putin", ("vladimir", "putin")),
        ("President Putin's", ("putin",)),
        ("Putin’s", ("putin",)),
        ("George W. Bush", ("george", "bush")),
        ("W. Mark Felt , Sr.", ("mark", "felt")),
        ("Ms. Palin", ("palin",)),
        ("Attorney Shawn Holley", ("shawn", "holi")),
        ("the president", ()),
    ],
)
def test_person_key_tokens(surface, expected):
    assert person_key_tokens(surface) == expected


def test_spacing_variants_join_to_one_key():
    assert joined(person_key_tokens("Kim Jongun")) == joined(person_key_tokens("Kim Jong-un"))


def test_person_words_keep_particles():
    assert person_words("Ludwig van Beethoven") == ["Ludwig", "van", "Beethoven"]


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("the Vostochny Cosmodrome", ("vostochni", "cosmodrome")),
        ("Microsoft Corp.", ("microsoft",)),
        (
            "the Promises Treatment Centre in Malibu , California",
            ("promises", "treatment", "center"),
        ),
        ("Bank of America", ("bank", "of", "america")),
    ],
)
def test_org_key_tokens(surface, expected):
    assert org_key_tokens(surface) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("World Institute for Korean Affairs", "WIKA"),
        ("Federal Bureau of Investigation", "FBI"),
        ("Microsoft", None),
    ],
)
def test_acronym(surface, expected):
    assert acronym(surface) == expected


@pytest.mark.parametrize(
    ("surface", "expected"), [("FBI", True), ("U.N.", True), ("Kim", False), ("A", False)]
)
def test_is_acronym(surface, expected):
    assert is_acronym(surface) is expected


def test_fold_strips_diacritics_and_case():
    assert fold("Élysée") == "elysee"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        # appositions with no name in them are dropped: ages, credentials
        ("Eric Allen Kirkpatrick, 61", ("eric", "alen", "kirkpatrik")),
        ("Regina Benjamin, M.D.", ("regina", "benjamin")),
        ("Francis S. Collins, MD, PhD", ("francis", "colins")),
        ("Foundation Trustee, Regina Benjamin, M.D.", ("regina", "benjamin")),
        ("Gov.Sarah Palin", ("sarah", "palin")),
        # initials before a lone surname are its given name, however they are spaced
        ("A.J. Smith", ("aj", "smith")),
        ("A . J . Smith", ("aj", "smith")),
        # negative: initials next to a given name are dropped; a title alone stays
        ("T. Boone Pickens", ("bone", "pikens")),
        ("George H. W. Bush", ("george", "bush")),
        ("Lawyer", ("lawier",)),
        ("U.S.", ()),
    ],
)
def test_person_key_tokens_of_appositions_and_initials(surface, expected):
    assert person_key_tokens(surface) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ('Vincent "The Chin" Gigante', "Vincent Gigante"),
        ("Kimani (Kiki) Gray", "Kimani Gray"),
        ("O'Neill", "O'Neill"),  # negative: an apostrophe inside a name is no quote
        ("Kim Jong-un", "Kim Jong-un"),
    ],
)
def test_without_nicknames(surface, expected):
    assert without_nicknames(surface) == expected
