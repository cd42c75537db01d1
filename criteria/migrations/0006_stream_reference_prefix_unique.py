import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("criteria", "0005_stream_reference_prefixes_filled")]

    operations = [
        migrations.AlterField(
            model_name="stream",
            name="reference_prefix",
            field=models.CharField(
                help_text=(
                    "Starts every application reference and certificate number of this "
                    "stream, for example SOS for School of Sanctuary. Unique to the stream; "
                    "capital letters."
                ),
                max_length=6,
                unique=True,
                validators=[
                    django.core.validators.RegexValidator(
                        "^[A-Z]{2,6}$", "Use two to six capital letters."
                    )
                ],
                verbose_name="reference prefix",
            ),
        ),
    ]
