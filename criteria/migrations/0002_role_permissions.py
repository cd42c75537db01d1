"""Give the staff role groups their permissions on streams and criteria versions.

Which streams a stream coordinator may change is decided per object (Stream.coordinators);
these model permissions only say what kind of change the role may make at all.
"""

from django.db import migrations

ROLE_PERMISSIONS = {
    "National admins": [
        "add_stream", "change_stream", "view_stream",
        "add_criteriaversion", "change_criteriaversion", "view_criteriaversion",
        "delete_criteriaversion", "publish_criteriaversion",
    ],
    "Stream coordinators": [
        "change_stream", "view_stream",
        "add_criteriaversion", "change_criteriaversion", "view_criteriaversion",
        "delete_criteriaversion", "publish_criteriaversion",
    ],
}


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("criteria"), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="criteria", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="criteria", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("criteria", "0001_initial"),
        ("accounts", "0002_create_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
