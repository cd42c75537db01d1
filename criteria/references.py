"""Each stream's reference prefix: the letters that start its application references and
certificate numbers. Unique per stream, so a number always says which award it is."""

from collections.abc import Collection


def suggest_reference_prefix(award_title: str, *, taken: Collection[str]) -> str:
    """The award's initials ("SOS" for School of Sanctuary); when another stream has them,
    the initials with the first word's next letters worked in ("COS" for College of
    Sanctuary, then "COOS", "CUOS" for Council of Sanctuary), then with a number."""
    words = [word for word in award_title.split() if word[:1].isalpha()]
    initials = "".join(word[0] for word in words).upper()[:4] or "SA"
    candidates = [initials]
    if words:
        first, rest = words[0].upper(), initials[1:]
        candidates += [first[0] + letter + rest for letter in first[1:] if letter.isalpha()]
    candidates += [f"{initials[:4]}{letter}" for letter in "ABCDEFGHJKLMNPQRSTUVWXYZ"]
    for candidate in candidates:
        candidate = candidate[:6]
        if candidate not in taken:
            return candidate
    raise ValueError("No free reference prefix: choose one by hand.")
