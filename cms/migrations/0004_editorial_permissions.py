"""Editorial set-up for the staff roles.

- National admins approve pages in Wagtail's moderation workflow (the default "Moderators
  approval" task assigned to the whole site), so local group editors' changes reach them.
- National admins, stream coordinators and local group editors may add and choose images and
  documents in the root collection (Wagtail checks collection permissions, not model ones).
"""

from django.db import migrations

COLLECTION_PERMISSIONS = {
    "National admins": [
        ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"), ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"), ("wagtailimages", "choose_image"),
    ],
    "Stream coordinators": [
        ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"),
        ("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
    ],
    "Local group editors": [
        ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"),
        ("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
    ],
}


def set_up(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    national = Group.objects.get(name="National admins")
    for task in GroupApprovalTask.objects.filter(active=True):
        task.groups.add(national)

    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for group_name, permissions in COLLECTION_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        for app_label, codename in permissions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_stream_and_local_group_pages"),
        ("accounts", "0002_create_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
