"""National admins manage who coordinates which local group."""

from django.db import migrations

CODENAMES = ["add_localcoordinator", "change_localcoordinator", "delete_localcoordinator",
             "view_localcoordinator"]


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("awards"), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="National admins").permissions.add(
        *Permission.objects.filter(content_type__app_label="awards", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [("awards", "0003_triage"), ("accounts", "0002_create_role_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
