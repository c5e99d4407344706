"""Articles in a language storyweave does not read are never mangled (issue 20): no English
model runs on them, they hold no entities, quotes, times or claims, and every output says so.

Texts are our own, written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from storyweave.cli import main
from storyweave.nlp.languages import analysed, analysis, unanalysed_note
from storyweave.pipeline import Pipeline
from storyweave.pipeline.language import LANGUAGE_CONFIDENCE, detect_language
from storyweave.report import validate_report
from tests.conftest import EXAMPLES, make_article

SPANISH = (
    "La alcaldesa de Valparaíso, Camila Rojas, anunció el martes que el puerto cerrará durante "
    'tres días por el temporal. "Tenemos que proteger a los trabajadores", dijo Rojas. '
    "Hablaremos de las pérdidas la próxima semana, añadió."
)
VIETNAMESE = (
    "Hôm thứ Ba, chính quyền thành phố Đà Nẵng cho biết cơn bão đã làm hư hại khoảng 200 ngôi "
    "nhà. Địa phương đã sơ tán hơn 3.000 người dân đến nơi an toàn."
)


THAI = "เมื่อวันอังคาร ทางการเมืองเชียงใหม่ระบุว่าพายุทำให้บ้านเรือนเสียหายราว 200 หลัง"


def test_another_language_gets_no_english_analysis() -> None:
    arts = [
        make_article(SPANISH, ref="es.txt"),
        make_article(VIETNAMESE, ref="vi.txt"),
        make_article(THAI, ref="th.txt"),
    ]
    items = Pipeline().run(arts).articles
    assert [i.language for i in items] == ["es", "vi", "th"]
    for item in items:
        assert item.sentences  # split by its own language's rules
        assert item.mentions == ()
        assert item.claim_units is not None and not item.claim_units.units
        assert item.doc is not None and item.doc.text == item.article.body
        assert not item.doc.has_annotation("DEP")  # tokens only: no English parse ran
    assert [analysis(i.language) for i in items] == ["partial", "partial", "text-only"]
    spanish, vietnamese, thai = items
    # the Spanish quote is found by its marks and "dijo", never by the English parser
    found = {(a.kind, a.speaker_name) for a in spanish.attributions}
    # "..., añadió." credits the sentence before it, to a speaker it does not name
    assert found == {("direct", "Rojas"), ("indirect", "Camila Rojas"), ("indirect", None)}
    # "... Đà Nẵng cho biết cơn bão ...": Vietnamese reports without "rằng"; the weekday
    # "thứ Ba" is no speaker
    (reported,) = vietnamese.attributions
    assert reported.kind == "indirect" and reported.speaker_name == "Đà Nẵng"
    assert thai.attributions == ()
    # weekdays are read by the language's own names; no date without a publication date
    assert [(x.value, x.anchored) for x in spanish.timexes] == [("XXXX-XX-XX", False)]
    assert [x.span.text_in(vietnamese.article.text) for x in vietnamese.timexes] == ["thứ Ba"]
    assert thai.timexes == ()


def test_the_date_line_of_another_language_anchors_its_body() -> None:
    text = "Cierra el puerto de Valparaíso\n3 de febrero de 2025\n" + SPANISH
    (item,) = Pipeline().run([make_article(text, ref="es-dated.txt")]).articles
    assert item.language == "es"
    # Monday 3 February: "anunció el martes" is the Tuesday before
    assert [(x.type, x.value) for x in item.timexes] == [
        ("DATE", "2025-02-03"), ("DATE", "2025-01-28"),
    ]  # fmt: skip
    assert item.mentions == ()


def test_a_short_english_line_of_uncertain_language_is_read_as_english() -> None:
    line = "Lena Dunham apologizes for molestation joke"
    code, confidence = detect_language(line)
    assert code != "en" and confidence < LANGUAGE_CONFIDENCE  # what the detector says alone
    (item,) = Pipeline().run([make_article(line, ref="headline.txt")]).articles
    assert item.language == "en" and analysed(item.language)


def test_the_note_names_each_language() -> None:
    assert unanalysed_note(["en", "en"]) is None
    note = unanalysed_note(["en", "es", "es", "vi", "th"])
    assert note is not None
    assert note.startswith("2 articles in Spanish (es) and 1 in Vietnamese (vi) were read in part")
    assert "1 article in Thai (th) was stored" in note and "read in English only" in note


def test_a_foreign_article_leaves_the_english_story_as_it_was(tmp_path: Path) -> None:
    seeds = EXAMPLES / "kim-putin-summit.jsonl"
    spanish = tmp_path / "es.jsonl"
    spanish.write_text(
        json.dumps(
            {
                "id": "es-1",
                "outlet": "El Diario",
                "published": "2023-09-13",
                "text": "El líder norcoreano Tiên Kim Jong-un y el presidente ruso Vladímir Putin "
                'se reunieron el miércoles en el cosmódromo de Vostochni. "Tenemos mucho de '
                'qué hablar", dijo Putin, según la agencia TASS.',
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )

    def report(*inputs: Path, name: str) -> dict:  # type: ignore[type-arg]
        out = tmp_path / f"{name}.json"
        db = str(tmp_path / f"{name}.db")
        res = CliRunner().invoke(
            main, ["analyze", *map(str, inputs), "--db", db, "--json", str(out)]
        )
        assert res.exit_code == 0, res.output
        data: dict = json.loads(out.read_text(encoding="utf-8"))  # type: ignore[type-arg]
        validate_report(data)
        return data

    alone, mixed = report(seeds, name="alone"), report(seeds, spanish, name="mixed")
    assert sorted(e["name"] for e in mixed["entities"]) == sorted(
        e["name"] for e in alone["entities"]
    )
    rows = {a["ref"].split(":")[-1]: a for a in mixed["articles"]}
    assert [a["analysis"] for a in mixed["articles"] if a["language"] == "es"] == ["partial"]
    assert all(a["analysis"] == "full" for a in alone["articles"])
    assert any("Spanish (es)" in n for n in mixed["notes"])
    assert not any("Spanish" in n for n in alone["notes"])
    english = [s for s in alone["stories"] if len(s["articles"]) == 2]
    assert english, [s["articles"] for s in alone["stories"]]
    claims = {c["text"] for c in english[0]["claims"]}
    mixed_story = [s for s in mixed["stories"] if set(english[0]["articles"]) <= set(s["articles"])]
    spanish_id = next(a["id"] for a in mixed["articles"] if a["language"] == "es")
    # every English claim is still there, worded as before; what the Spanish report adds are
    # its own statements, in its own words
    assert claims <= {c["text"] for c in mixed_story[0]["claims"]}
    added = [c for c in mixed_story[0]["claims"] if c["text"] not in claims]
    assert all({e["article"] for e in c["evidence"]} == {spanish_id} for c in added)
    assert rows  # every article is listed
    # the Spanish report of the same meeting joins the story (by its names), without renaming it
    assert spanish_id in mixed_story[0]["articles"]
    assert mixed_story[0]["coverage"]["languages"] == ["en", "es"]
    assert mixed_story[0]["title"] == english[0]["title"]


def test_a_regional_tag_is_its_language() -> None:
    from storyweave.nlp.languages import language_name

    assert analysed("en-US") and analysed("EN") and analysed("en_GB")
    assert not analysed("es-MX")
    assert language_name("es-MX") == "Spanish (es-MX)"
