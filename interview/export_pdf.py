"""The transcript as a PDF, through fpdf2 (pure Python, LGPL-3.0, used unmodified as a library).

Text is written as text objects, never interpreted as markup, so an answer holding
``<script>`` prints those characters (QUALITY B4). The font is DejaVu Sans when it is
installed (Debian's ``fonts-dejavu-core``; it covers Latin, Greek, Cyrillic, Hebrew, Arabic
and many symbols), otherwise the PDF core font Helvetica (Latin-1 only). Characters the
font cannot draw (typically CJK and emoji) are replaced by ``[?]`` and the first page says
so; the Markdown and JSON exports always keep every character (QUALITY B3).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF

from interview.export import explain_flag, flag_label
from interview.models import Feedback, SessionRecord, Turn
from interview.summary import summarise
from interview.turns import label

MISSING = "[?]"
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
_KEEP = {"\n", "\t"}


def find_dejavu(dirs: Iterable[Path] = FONT_DIRS) -> tuple[Path, Path] | None:
    """Paths of DejaVuSans.ttf and DejaVuSans-Bold.ttf in the first folder holding both."""
    for folder in dirs:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


@lru_cache(maxsize=4)
def _covered(font: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fpdf2 needs it

    with TTFont(str(font), lazy=True) as tt:
        cmap: dict[int, str] = tt.getBestCmap() or {}
    return frozenset(cmap)


class _Writer:
    """Draws paragraphs with the chosen font and counts characters it had to replace."""

    def __init__(self, fonts: tuple[Path, Path] | None) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.replaced = 0
        self.blocks: list[tuple[str, float, bool, float]] = []
        self._has: Callable[[int], bool]
        if fonts is not None:
            self.pdf.add_font("DejaVu", "", str(fonts[0]))
            self.pdf.add_font("DejaVu", "B", str(fonts[1]))
            self.family = "DejaVu"
            self._has = _covered(fonts[0]).__contains__
        else:
            self.family = "Helvetica"
            self._has = lambda code: code < 256

    def clean(self, text: str) -> str:
        """``text`` with undrawable characters as ``[?]`` (one marker per run)."""
        out: list[str] = []
        for char in text:
            if char in _KEEP or self._has(ord(char)):
                out.append(char)
            elif unicodedata.category(char) in {"Cc", "Cf", "Mn"}:
                continue  # invisible joiners, variation selectors: nothing to show
            elif not out or out[-1] != MISSING:
                out.append(MISSING)
                self.replaced += 1
        return "".join(out)

    def para(self, text: str, *, size: float = 10, bold: bool = False, gap: float = 1) -> None:
        """Queue one paragraph; ``render`` wraps it to the page width."""
        self.blocks.append((self.clean(text), size, bold, gap))

    def render(self) -> bytes:
        """The PDF, opening with a note if any character had to be replaced."""
        blocks = self.blocks
        if self.replaced:
            note = (
                f"Note: {self.replaced} run(s) of characters this PDF's font cannot draw (e.g. "
                f"emoji or CJK) appear as {MISSING}; the Markdown and JSON exports keep them."
            )
            blocks = [(note, 8.0, False, 3.0), *blocks]
        self.pdf.add_page()
        for text, size, bold, gap in blocks:
            self.pdf.set_font(self.family, "B" if bold else "", size)
            self.pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
            self.pdf.ln(gap)
        return bytes(self.pdf.output())


def to_pdf(record: SessionRecord, font_dirs: Iterable[Path] = FONT_DIRS) -> bytes:
    """The interview as PDF bytes, in DejaVu Sans if found in ``font_dirs``, else Helvetica."""
    writer = _Writer(find_dejavu(font_dirs))
    _header(writer, record)
    for turn in record.turns:
        _turn(writer, turn, len(record.plan) or record.num_questions, label(record, turn))
    _summary(writer, record)
    return writer.render()


def _header(w: _Writer, record: SessionRecord) -> None:
    summary = summarise(record)
    w.para("Mock interview transcript", size=16, bold=True, gap=3)
    date = record.started_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    overall = "not scored" if summary.overall is None else f"{summary.overall:g} / 5"
    for line in [
        f"Role focus: {record.role.label}",
        f"Mode: {record.mode.value.capitalize()}",
        f"Date: {date} ({'finished' if record.finished_at else 'in progress'})",
        f"Questions: {summary.asked} asked, {summary.answered} answered, "
        f"{summary.skipped} skipped",
        f"Overall score: {overall}",
    ]:
        w.para(line, gap=0)
    w.blocks[-1] = (*w.blocks[-1][:3], 4.0)


def _turn(w: _Writer, turn: Turn, total: int, number: str | None = None) -> None:
    q = turn.question
    number = number or f"Question {turn.index + 1} of {max(total, turn.index + 1)}"
    number = number.replace(" — ", " - ")  # the Helvetica fallback cannot draw an em dash
    w.para(
        f"{number}: {q.category.label} ({q.difficulty.value})",
        size=12,
        bold=True,
    )
    w.para(q.text, bold=True)
    if turn.skipped:
        w.para("Skipped.")
    if turn.answer is not None:
        w.para("Your answer:", bold=True, gap=0)
        w.para(turn.answer)
    if turn.feedback is not None:
        _feedback(w, turn.feedback)
    w.blocks[-1] = (*w.blocks[-1][:3], 4.0)


def _feedback(w: _Writer, fb: Feedback) -> None:
    w.para(f"Score: {fb.score} / 5 (graded by {fb.grader})", bold=True)
    for c in fb.criteria:
        line = f"- {c.name}: {c.score} / 5" + (f" - {c.comment}" if c.comment else "")
        w.para(line, gap=0)
    sections = [
        ("Strengths", fb.strengths),
        ("To improve", fb.improvements),
        ("Key points missed", fb.key_points_missed),
        ("Flags", [f"{flag_label(f)}: {explain_flag(f)}" for f in fb.flags]),
        ("Notices", fb.notices),
    ]
    for title, items in sections:
        if items:
            w.para(title, bold=True, gap=0)
            for item in items:
                w.para(f"- {' '.join(item.split())}", gap=0)
    if fb.follow_up:
        w.para(f"A follow-up to prepare: {fb.follow_up}")


def _summary(w: _Writer, record: SessionRecord) -> None:
    summary = summarise(record)
    w.para("Summary", size=12, bold=True)
    for c in summary.categories:
        w.para(f"{c.label}: {c.average:g} / 5 over {c.answered} answer(s)", gap=0)
    if summary.weakest:
        w.para("Work on: " + ", ".join(c.label for c in summary.weakest))
