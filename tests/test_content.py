"""The built-in content: sizes, originality against the seed articles, audience and care rules."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from intimacy import (
    ContentTag,
    Depth,
    Exercise,
    LoveLanguage,
    Relationship,
    Theme,
    load_catalog,
)
from tests.conftest import SEEDS

CATALOG = load_catalog()
PARTNER_ONLY = {ContentTag.ROMANTIC, ContentTag.PHYSICAL_INTIMACY}
CARE = {
    ContentTag.PHYSICAL_RISK,
    ContentTag.BETRAYAL,
    ContentTag.FORGIVENESS,
    ContentTag.PAINFUL_HISTORY,
}


def test_sizes() -> None:
    assert len(CATALOG) >= 70
    assert len(CATALOG.prompts) >= 1000
    for relationship in Relationship:
        for depth in Depth:
            count = len(CATALOG.find_prompts(relationship=relationship, depth=depth))
            assert count >= 60, (relationship, depth, count)
    focus = Counter(lang for e in CATALOG for lang in e.love_languages)
    for language in LoveLanguage:
        assert focus[language] >= 8, (language, focus[language])
    themes = Counter(theme for e in CATALOG for theme in e.themes)
    for theme in Theme:
        assert themes[theme] >= 4, (theme, themes[theme])


def prose(exercise: Exercise) -> list[str]:
    """Every sentence we wrote for an exercise (citations excluded: they quote titles)."""
    texts = [exercise.title, exercise.summary, exercise.why, *exercise.steps, *exercise.care_notes]
    for prompt in exercise.prompts:
        texts.append(prompt.text)
        if prompt.note:
            texts.append(prompt.note)
    return texts


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def ngrams(tokens: list[str], n: int = 8) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def test_ngram_check_catches_a_copied_run() -> None:
    seed = "we all want to feel seen and heard by the people we love most"
    ours = "Remember: we all want to feel seen and heard by someone."
    assert ngrams(words(seed)) & ngrams(words(ours))


def test_no_run_of_eight_words_from_the_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not beside the repository ({SEEDS})")
    seed_grams: set[tuple[str, ...]] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        seed_grams |= ngrams(words(path.read_text(encoding="utf-8")))
    assert seed_grams
    copied = [
        (exercise.id, " ".join(gram))
        for exercise in CATALOG
        for text in prose(exercise)
        for gram in ngrams(words(text)) & seed_grams
    ]
    assert copied == []


def test_romantic_and_physical_intimacy_content_is_partner_only() -> None:
    for exercise in CATALOG:
        if set(exercise.tags) & PARTNER_ONLY:
            assert exercise.relationships == (Relationship.PARTNER,), exercise.id
        for prompt in exercise.prompts:
            if set(prompt.tags) & PARTNER_ONLY or set(exercise.tags) & PARTNER_ONLY:
                assert prompt.relationships == (Relationship.PARTNER,), prompt.id


ROMANCE = re.compile(
    r"\b(kiss\w*|romanti\w*|sex\w*|flirt\w*|date night|in love|lover|naked|sensual)\b", re.I
)


def test_no_romance_words_outside_partner_prompts() -> None:
    for prompt in CATALOG.prompts:
        if set(prompt.relationships) - {Relationship.PARTNER}:
            assert not ROMANCE.search(prompt.text), prompt.id


def test_colleagues_get_no_touch_and_no_care_tagged_content() -> None:
    for exercise in CATALOG:
        for prompt in exercise.prompts:
            if Relationship.COLLEAGUE in prompt.relationships:
                assert LoveLanguage.PHYSICAL_TOUCH not in prompt.love_languages, prompt.id
                assert not set(prompt.tags) & (PARTNER_ONLY | {ContentTag.PHYSICAL_RISK}), prompt.id
        if Relationship.COLLEAGUE in exercise.relationships:
            assert ContentTag.PHYSICAL_RISK not in exercise.tags, exercise.id
            assert ContentTag.BETRAYAL not in exercise.tags, exercise.id


def test_care_noted_content_has_its_notes() -> None:
    tagged = [e for e in CATALOG if (set(e.tags) | {t for p in e.prompts for t in p.tags}) & CARE]
    assert tagged, "the catalog has exercises that need care notes"
    for exercise in tagged:
        assert exercise.care_notes, exercise.id
    risky = [e for e in CATALOG if ContentTag.PHYSICAL_RISK in e.tags]
    assert any(e.id == "trust-fall" for e in risky)
    for exercise in risky:
        notes = " ".join(exercise.care_notes).lower()
        assert "soft" in notes or "safe" in notes, exercise.id
    for exercise in CATALOG:
        if set(exercise.tags) & {ContentTag.BETRAYAL, ContentTag.FORGIVENESS}:
            notes = " ".join(exercise.care_notes).lower()
            assert "abuse" in notes, exercise.id
            assert any(w in notes for w in ("therapist", "counsellor", "professional")), exercise.id


def test_closeness_questions_follow_the_three_set_structure() -> None:
    for exercise_id, relationships in [
        ("closeness-questions", {Relationship.PARTNER, Relationship.FRIEND, Relationship.FAMILY}),
        ("team-closeness-questions", {Relationship.COLLEAGUE}),
    ]:
        exercise = CATALOG[exercise_id]
        assert set(exercise.relationships) == relationships
        sets = Counter(p.id.split(".")[1].split("-")[0] for p in exercise.prompts)
        assert sets == {"set1": 12, "set2": 12, "set3": 12}
        depths = [p.depth for p in exercise.prompts]
        assert depths == sorted(depths)  # rising depth
        assert {p.depth for p in exercise.prompts} == set(Depth)
    cited = CATALOG["closeness-questions"].sources
    assert any(c.year == 1997 and c.authors[0].startswith("Aron") for c in cited)


def test_no_duplicate_prompts() -> None:
    normalised = Counter(" ".join(words(p.text)) for p in CATALOG.prompts)
    assert [text for text, n in normalised.items() if n > 1] == []


def test_every_exercise_explains_why_and_has_steps() -> None:
    for exercise in CATALOG:
        assert len(exercise.why.split()) >= 15, exercise.id
        assert 3 <= len(exercise.steps) <= 8, exercise.id


def test_coverage_table_names_real_exercises(repo: Path) -> None:
    table = (repo / "docs" / "coverage.rst").read_text(encoding="utf-8")
    named = set(re.findall(r":exercise:`([a-z0-9-]+)`", table))
    assert named, "the coverage table lists exercises"
    assert named <= {e.id for e in CATALOG}, named - {e.id for e in CATALOG}
