"""The models that moved to their own apps take their content types (and with them their
permissions, and every group's grant of those permissions) to the new app label. A data
migration of its own; reversible."""

from django.db import migrations

MOVED = {
    "organisations": [
        "organisation",
        "membership",
        "invitation",
        "localcoordinator",
        "evidenceitem",
        "actionplan",
        "planaction",
    ],
    "panels": [
        "assessorprofile",
        "panel",
        "panelmember",
        "conflictdeclaration",
        "assessment",
        "criterionjudgement",
        "panelmeeting",
        "payment",
    ],
    "audit": ["auditentry"],
    "reporting": ["dataexport"],
}


def _move(apps, *, source, target_for):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, models in MOVED.items():
        target = target_for(app_label)
        for model in models:
            old = ContentType.objects.filter(app_label=source(app_label), model=model).first()
            if old is None:
                continue
            new = ContentType.objects.filter(app_label=target, model=model).first()
            if new is None:
                old.app_label = target
                old.save(update_fields=["app_label"])
                continue
            # Both exist (the new one made by an earlier post_migrate): keep the new one and
            # bring the old one's permissions across, grants included.
            for permission in Permission.objects.filter(content_type=old):
                twin = Permission.objects.filter(
                    content_type=new, codename=permission.codename
                ).first()
                if twin is None:
                    permission.content_type = new
                    permission.save(update_fields=["content_type"])
                else:
                    for group in permission.group_set.all():
                        group.permissions.add(twin)
                    for user in permission.user_set.all():
                        user.user_permissions.add(twin)
                    permission.delete()
            old.delete()


def forwards(apps, schema_editor):
    _move(apps, source=lambda app_label: "awards", target_for=lambda app_label: app_label)


def backwards(apps, schema_editor):
    _move(apps, source=lambda app_label: app_label, target_for=lambda app_label: "awards")


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0012_models_moved_to_their_apps"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
