"""Replace Wagtail's placeholder welcome page with our home page and point the site at it."""

from django.db import migrations

HOME_INTRODUCTION = (
    "The Sanctuary Award recognises schools, colleges, universities, councils, libraries, "
    "health services, theatres, faith groups and shops that welcome people seeking sanctuary."
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("cms", "HomePage")
    Locale = apps.get_model("wagtailcore", "Locale")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()

    homepage_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    root = Page.objects.get(depth=1)
    locale = Locale.objects.first()
    # Build the tree path by hand: treebeard's API is not available in migrations.
    last_child = Page.objects.filter(depth=2).order_by("-path").first()
    next_number = int(last_child.path[-4:], 36) + 1 if last_child else 1
    path = root.path + _to_base36(next_number).rjust(4, "0")
    homepage = HomePage.objects.create(
        title="Sanctuary Award",
        draft_title="Sanctuary Award",
        slug="home",
        content_type=homepage_content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        introduction=HOME_INTRODUCTION,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": homepage, "site_name": "Sanctuary Award"},
    )


def _to_base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    result = ""
    while number:
        number, remainder = divmod(number, 36)
        result = digits[remainder] + result
    return result or "0"


def remove_homepage(apps, schema_editor):
    apps.get_model("cms", "HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
