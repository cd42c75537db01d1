"""Site search results that show why a page matched: the passage holding the searched words,
with each word marked. Plain string work: the search backend finds the pages, this explains
them."""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.search import index

# Endings cut from a searched word so that "welcoming" marks "welcome" and "celebrations"
# marks "celebrate", as the search backends' stemming finds them.
SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "es", "ed", "s", "e", "ly")
WORD = re.compile(r"\w+", re.UNICODE)


def query_stems(query: str) -> list[str]:
    """The searched words, lower-cased and cut to their stems (at least three letters)."""
    stems = []
    for word in WORD.findall(query.casefold()):
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        if len(word) >= 2 and word not in stems:
            stems.append(word)
    return stems


def _matches(text: str, stems: list[str]) -> list[re.Match]:
    """Every word of ``text`` that starts with one of the stems."""
    if not stems:
        return []
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.IGNORECASE
    )
    return list(pattern.finditer(text))


def excerpt(passages: Iterable[str], query: str, *, width: int = 220) -> SafeString:
    """The passage that holds the most searched words (the first of equals), cut to about
    ``width`` characters around the first of them, escaped, with each matching word in
    <mark>. Empty when no passage holds any."""
    stems = query_stems(query)
    best, best_score = None, 0
    for passage in passages:
        passage = " ".join(passage.split())
        found = _matches(passage, stems)
        words = {match.group(0).casefold() for match in found}
        score = sum(any(word.startswith(stem) for word in words) for stem in stems)
        if score > best_score:
            best, best_score = (passage, found), score
    if best is None:
        return mark_safe("")
    passage, found = best
    start = max(0, found[0].start() - width // 3)
    if start:
        start = passage.find(" ", start) + 1 or start  # begin at a word
    end = min(len(passage), start + width)
    if end < len(passage) and passage.rfind(" ", start, end) > found[0].end():
        end = passage.rfind(" ", start, end)  # end at a word
    pieces, cursor = [], start
    for match in found:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(passage[cursor : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        cursor = match.end()
    pieces.append(escape(passage[cursor:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(passage) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 every piece escaped


def page_passages(page, *, skip: Iterable[str] = ()) -> list[str]:
    """A page's searchable text, as the search index sees it (title and ``skip`` aside), one
    passage per line or block."""
    passages = []
    for field in page.search_fields:
        if not isinstance(field, index.SearchField) or field.field_name in {"title", *skip}:
            continue
        value = field.get_value(page)
        values = value if isinstance(value, list | tuple) else [value]
        for text in values:
            if text:
                passages.extend(line for line in str(text).splitlines() if line.strip())
    return passages
