from __future__ import annotations

from storyweave.model import AnnotatedArticle, Article, Mention, Span
from storyweave.pipeline.entities import mention_repair_stage
from storyweave.pipeline.registry import get_stage


def test_mention_repair_stage_contract():
    st = get_stage("mention_repair")
    assert st.requires == {"mentions", "doc"}
    assert st.produces == {"mentions"}
    assert st.version == "4"


def test_mention_repair_stage_trims():
    text = "Citing Kremlin sources, TASS said."
    item = AnnotatedArticle(
        article=Article(id="a", text=text, ref="a"), mentions=(Mention(Span(0, 14), "ORG"),)
    )
    (out,) = mention_repair_stage(item)["mentions"]
    assert out.span.text_in(text) == "Kremlin"
