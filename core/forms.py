from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    """Render every form and field with our GOV.UK-pattern templates (error summary, hints,
    inline errors) unless a form names its own template."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
