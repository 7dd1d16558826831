"""The printable HTML deck, checked in a real browser (headless Chromium).

The deck is printed to PDF on A4 and on US Letter: the page count must match
eight cards per sheet and the page size must be the one asked for.  A copy of
the page with a measuring script is loaded too, and no card's content may
overflow its card.  The cards hold the catalog's longest prompts.

Chromium comes from Debian's ``chromium`` package, which the CI script
installs; without it these tests are skipped, with the reason.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from intimacy import LOCALES, Deck, DeckSpec, Engine, Relationship, RenderContext, load_catalog
from intimacy._export import CARDS_PER_SHEET, export, render_deck

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (Debian package 'chromium'; .ci/run installs it)",
)

# Points: A4 is 595 x 842, US Letter 612 x 792.
PAGE_SIZES = {"a4": (595, 842), "letter": (612, 792)}
MEASURE = """
<script>
const cards = [...document.querySelectorAll('.card')];
const over = cards
  .filter(c => c.scrollHeight > c.clientHeight + 1 || c.scrollWidth > c.clientWidth + 1)
  .map(c => c.id);
document.body.setAttribute('data-cards', String(cards.length));
document.body.setAttribute('data-overflow', JSON.stringify(over));
</script>
"""


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, timeout=120, check=True)


def _longest_deck(count: int, *, paper: str = "a4", locale: str = "en") -> str:
    catalog = load_catalog()
    engine = Engine(locale)
    context = RenderContext(Relationship.FRIEND, ["Bartholomew Alexander"])
    prompts = sorted(
        (p for e in catalog for p in e.prompts if Relationship.FRIEND in p.relationships),
        key=lambda p: (-len(engine.prompt_text(p, context)), p.id),
    )[:count]
    names = ["Maximiliana-Josefina", "Bartholomew Alexander"]
    spec = DeckSpec(Relationship.FRIEND, participants=names, count=count, seed=1)
    rendered = render_deck(Deck(spec=spec, prompts=tuple(prompts)), catalog, engine)
    return export(rendered, "html", engine, paper=paper)


@pytest.mark.parametrize(("paper", "count"), [("a4", 20), ("letter", 20), ("a4", 8), ("letter", 1)])
def test_printed_pages_match_cards_per_sheet_and_paper(
    tmp_path: Path, paper: str, count: int
) -> None:
    html = _longest_deck(count, paper=paper)
    page = tmp_path / "deck.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "deck.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert pages == math.ceil(count / CARDS_PER_SHEET)
    boxes = {
        tuple(round(float(n)) for n in box.split()[2:])
        for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)
    }
    assert boxes == {PAGE_SIZES[paper]}


@pytest.mark.parametrize("locale", LOCALES)
def test_no_card_overflows_with_the_longest_prompts(tmp_path: Path, locale: str) -> None:
    html = _longest_deck(24, locale=locale)
    assert "</body>" in html
    page = tmp_path / "deck.html"
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout.decode()
    cards = re.search(r'data-cards="(\d+)"', dom)
    overflow = re.search(r"data-overflow=\"([^\"]*)\"", dom)
    assert cards is not None, "the measuring script did not run"
    assert overflow is not None, "the measuring script did not run"
    assert int(cards.group(1)) == 24
    assert json.loads(overflow.group(1).replace("&quot;", '"')) == []


def test_the_overflow_check_catches_an_overflowing_card(tmp_path: Path) -> None:
    """The measurement itself works: a card with far too much text is reported."""
    html = _longest_deck(1).replace('<p class="text', '<p style="font-size:40pt" class="text')
    page = tmp_path / "deck.html"
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout.decode()
    overflow = re.search(r"data-overflow=\"([^\"]*)\"", dom)
    assert overflow is not None
    assert json.loads(overflow.group(1).replace("&quot;", '"')) == ["card-1"]
