"""Give every stream a unique reference prefix: its award's initials, unless an earlier stream
(by id) has them, then the initials with the first word's next letters worked in (College of
Sanctuary keeps COS; Council of Sanctuary becomes COOS). Coordinators can change them in the
admin."""

from django.db import migrations


def _suggest(award_title, taken):
    words = [word for word in award_title.split() if word[:1].isalpha()]
    initials = "".join(word[0] for word in words).upper()[:4] or "SA"
    candidates = [initials]
    if words:
        first, rest = words[0].upper(), initials[1:]
        candidates += [first[0] + letter + rest for letter in first[1:] if letter.isalpha()]
    candidates += [f"{initials[:4]}{letter}" for letter in "ABCDEFGHJKLMNPQRSTUVWXYZ"]
    return next(c[:6] for c in candidates if c[:6] not in taken)


def fill(apps, schema_editor):
    Stream = apps.get_model("criteria", "Stream")
    taken = set()
    for stream in Stream.objects.order_by("pk"):
        stream.reference_prefix = _suggest(stream.award_title, taken)
        taken.add(stream.reference_prefix)
        stream.save(update_fields=["reference_prefix"])


class Migration(migrations.Migration):
    dependencies = [("criteria", "0004_stream_reference_prefix")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
