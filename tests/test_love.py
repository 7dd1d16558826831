"""Love languages: the item bank's balance, scoring properties, profiles, decks, the quiz CLI."""

from __future__ import annotations

import io
import itertools
import json
import re
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from intimacy import (
    DeckError,
    DeckSpec,
    Direction,
    Engine,
    LoveLanguage,
    Profile,
    QuizError,
    QuizItem,
    Relationship,
    Scores,
    describe_love_language,
    load_catalog,
    mismatch,
    profile,
    quiz_items,
    render_question,
    score,
    select,
    suggestions,
)
from intimacy._deck import candidates
from tests.test_cli import run

ITEMS = quiz_items()
CATALOG = load_catalog()
ROMANTIC = re.compile(r"\b(kiss|love you|cuddl|asleep|romantic)", re.IGNORECASE)


# -- the item bank ---------------------------------------------------------------------


def test_item_bank_is_balanced() -> None:
    assert len(ITEMS) == 30
    assert [item.id for item in ITEMS] == [f"q{n:02d}" for n in range(1, 31)]
    pairings = Counter(frozenset(item.languages) for item in ITEMS)
    assert len(pairings) == 10  # every pairing of five languages
    assert set(pairings.values()) == {3}
    languages = Counter(lang for item in ITEMS for lang in item.languages)
    assert languages == dict.fromkeys(LoveLanguage, 12)


def test_statements_are_distinct_in_every_relationship() -> None:
    for relationship in Relationship:
        texts = [s.source(relationship)[1] for item in ITEMS for s in (item.a, item.b)]
        assert len(set(texts)) == 60


def test_romantic_statements_are_for_partners_only() -> None:
    for item in ITEMS:
        for statement in (item.a, item.b):
            for relationship in (Relationship.FRIEND, Relationship.FAMILY, Relationship.COLLEAGUE):
                assert not ROMANTIC.search(statement.source(relationship)[1])


def test_an_item_cannot_pair_a_language_with_itself() -> None:
    with pytest.raises(ValueError, match="with itself"):
        QuizItem(id="x", a=ITEMS[0].a, b=attrs.evolve(ITEMS[0].b, language=ITEMS[0].a.language))


def test_questions_name_the_relationship() -> None:
    engine = Engine("en")
    question = render_question(ITEMS[0], engine, Relationship.COLLEAGUE, Direction.RECEIVE)
    assert question.question == "Which would feel more like care, coming from your colleague?"
    give = render_question(ITEMS[2], engine, Relationship.COLLEAGUE, Direction.GIVE)
    assert give.question == "Which are you more likely to offer your colleague?"
    assert [lang for lang, _ in give.options] == list(ITEMS[2].languages)
    assert give.options[0][1] == "A warm handshake"  # the colleague variant of a hug


def test_descriptions_and_suggestions_exist_for_every_combination() -> None:
    for language in LoveLanguage:
        assert describe_love_language(language)
        for relationship in Relationship:
            found = suggestions(relationship, language)
            assert len(found) >= 3
            assert all(text.endswith(".") for text in found)
    for language in LoveLanguage:
        for relationship in (Relationship.FRIEND, Relationship.FAMILY, Relationship.COLLEAGUE):
            assert not any(ROMANTIC.search(t) for t in suggestions(relationship, language))


# -- scoring ---------------------------------------------------------------------------

answers_strategy = st.lists(
    st.tuples(st.sampled_from(ITEMS), st.booleans()), unique_by=lambda x: x[0].id
).map(lambda picks: {item.id: item.languages[int(second)] for item, second in picks})


@given(answers_strategy)
def test_scores_sum_to_the_number_of_answered_items(answers: dict[str, LoveLanguage]) -> None:
    scores = score(answers)
    assert scores.total == len(answers)
    assert all(scores[lang] == list(answers.values()).count(lang) for lang in LoveLanguage)
    assert all(0 <= scores[lang] <= 12 for lang in LoveLanguage)


@given(answers_strategy, st.permutations(list(LoveLanguage)))
def test_relabelling_the_languages_relabels_the_profile(
    answers: dict[str, LoveLanguage], order: list[LoveLanguage]
) -> None:
    sigma = dict(zip(LoveLanguage, order, strict=True))
    relabelled = [
        attrs.evolve(
            item,
            a=attrs.evolve(item.a, language=sigma[item.a.language]),
            b=attrs.evolve(item.b, language=sigma[item.b.language]),
        )
        for item in ITEMS
    ]
    before = score(answers)
    after = score({k: sigma[v] for k, v in answers.items()}, relabelled)
    assert all(after[sigma[lang]] == before[lang] for lang in LoveLanguage)
    assert set(after.top()) == {sigma[lang] for lang in before.top()}


def test_ties_are_kept_not_broken() -> None:
    tied = Scores(words_of_affirmation=5, quality_time=5, acts_of_service=2)
    assert tied.top() == (LoveLanguage.WORDS_OF_AFFIRMATION, LoveLanguage.QUALITY_TIME)
    assert set(Scores().top()) == set(LoveLanguage)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"q99": "quality_time"}, "unknown item 'q99'"),
        ({"q01": "chocolate"}, "'chocolate' is not a love language"),
        ({"q01": "quality_time"}, "q01 offers words_of_affirmation or acts_of_service"),
    ],
)
def test_bad_answers_are_quiz_errors(answers: dict[str, str], message: str) -> None:
    with pytest.raises(QuizError, match=re.escape(message)):
        score(answers)


def test_profile_reads_both_shapes() -> None:
    flat = profile({"q01": "acts_of_service"})
    assert flat.receive.acts_of_service == 1
    assert flat.give.total == 0
    both = profile({"receive": {"q01": "acts_of_service"}, "give": {"q02": "quality_time"}})
    assert (both.receive.total, both.give.quality_time) == (1, 1)
    with pytest.raises(QuizError):
        profile(["q01"])
    with pytest.raises(QuizError):
        profile({"receive": ["q01"]})


scores_strategy = st.builds(
    Scores, *[st.integers(0, 12) for _ in LoveLanguage]
)  # fmt: skip
profiles = st.builds(Profile, scores_strategy, scores_strategy)


@given(profiles, profiles)
def test_mismatch_is_a_symmetric_distance(a: Profile, b: Profile) -> None:
    value = mismatch(a, b)
    assert 0.0 <= value <= 1.0
    assert value == mismatch(b, a)
    mirrored = Profile(receive=a.give, give=a.receive)
    assert mismatch(a, mirrored) == pytest.approx(0.0, abs=1e-9)


def test_mismatch_of_disjoint_habits_is_one() -> None:
    a = Profile(receive=Scores(quality_time=3), give=Scores(acts_of_service=3))
    b = Profile(receive=Scores(receiving_gifts=3), give=Scores(physical_touch=3))
    assert mismatch(a, b) == 1.0


# -- decks that speak a profile ------------------------------------------------------------


def _count(language: LoveLanguage, spec: DeckSpec) -> int:
    return sum(language in p.love_languages for p in select(CATALOG, spec).prompts)


@settings(max_examples=10)
@given(st.sampled_from(list(LoveLanguage)), st.sampled_from(list(Relationship)))
def test_a_profile_weighted_deck_speaks_the_receivers_top_language(
    top: LoveLanguage, relationship: Relationship
) -> None:
    pools = candidates(CATALOG, DeckSpec(relationship))
    # Only a language the eligible prompts speak can be favoured (colleague decks
    # have no touch prompts, and friends' touch exercises carry care notes).
    assume(any(top in p.love_languages for pool in pools.values() for p in pool))
    receiver = Profile(receive=Scores(**{top.value: 12}))
    weighted = unweighted = 0
    for seed in range(25):
        spec = DeckSpec(relationship, count=12, seed=seed)
        unweighted += _count(top, spec)
        weighted += _count(top, attrs.evolve(spec, profiles=(receiver,)))
    assert weighted > unweighted


def test_two_profiles_at_most() -> None:
    one = Profile()
    DeckSpec(Relationship.PARTNER, profiles=(one, one))
    with pytest.raises(DeckError, match="at most two"):
        DeckSpec(Relationship.PARTNER, profiles=(one, one, one))


# -- the quiz command ------------------------------------------------------------------------


def test_quiz_items_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "quiz", "--items", "--format", "json", "--relationship", "friend")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [item["id"] for item in data["items"]] == [item.id for item in ITEMS]
    for item, listed in zip(ITEMS, data["items"], strict=True):
        assert [s["language"] for s in listed["statements"]] == [x.value for x in item.languages]
        assert [s["text"] for s in listed["statements"]] == [
            item.a.source(Relationship.FRIEND)[1],
            item.b.source(Relationship.FRIEND)[1],
        ]
    assert set(data["questions"]) == {"receive", "give"}


def test_quiz_answers_file_scores_non_interactively(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = {item.id: item.languages[n % 2].value for n, item in enumerate(ITEMS)}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"receive": answers, "give": {}}), encoding="utf-8")
    code, out, err = run(capsys, "quiz", "--answers", str(path), "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["receive"]["scores"] == score(answers).as_dict()
    assert data["receive"]["answered"] == 30
    assert data["give"]["answered"] == 0
    code, text, _ = run(capsys, "quiz", "--answers", str(path))
    assert code == 0
    assert "not a diagnosis" in text
    assert "█" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a JSON file"),
        ('{"q01": "hugs"}', "'hugs' is not a love language"),
        ('["q01"]', "JSON object"),
    ],
)
def test_quiz_bad_answers_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "quiz", "--answers", str(path))
    assert code in {1, 2}
    assert out == ""
    assert err.startswith("intimacy: error: ")
    assert err.count("\n") == 1
    assert message in err


def test_interactive_quiz_shows_progress_and_scores_the_choices(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    choices = list(itertools.islice(itertools.cycle(["1", "2", "2"]), 30))
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(choices) + "\n"))
    code, out, _ = run(
        capsys, "quiz", "--direction", "receive", "--relationship", "family", "--format", "json"
    )
    assert code == 0
    assert "[1/30]" in out
    assert "[30/30]" in out
    result = json.loads(out[out.index('{\n  "relationship"') :])
    expected = score(
        {item.id: item.languages[int(c) - 1] for item, c in zip(ITEMS, choices, strict=True)}
    )
    assert result["receive"]["scores"] == expected.as_dict()


def test_interactive_quiz_cut_short_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n2\n"))
    code, _, err = run(capsys, "quiz")
    assert code == 130
    assert err.strip().endswith("aborted")
