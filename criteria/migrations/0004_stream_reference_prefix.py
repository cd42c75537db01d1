from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("criteria", "0003_criterion_pledge_is_evidence")]

    operations = [
        migrations.AddField(
            model_name="stream",
            name="reference_prefix",
            field=models.CharField(max_length=6, null=True, blank=True),
        ),
    ]
