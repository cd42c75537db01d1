"""The application's own sections (as opposed to its criteria): each one's key (its URL),
title, fields and when it is asked. The task list, the section form and the section page
all read these, so a section is named and described once."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str
    title: str | Promise
    fields: tuple[str, ...]
    # What the page says above the form.
    intro: str | Promise = ""
    # Asked only in a renewal.
    renewal_only: bool = False


ABOUT = Section("about", _("About your organisation"), ("organisation_context",))
PROGRESS = Section(
    "progress",
    _("Progress since your last award"),
    ("progress_since_award",),
    intro=_(
        "This is a renewal. Tell the panel what has changed since your last award: what you "
        "have kept doing, what is new, and what you learned. Your answers from last time are "
        "already filled in: check and update each one."
    ),
    renewal_only=True,
)
LIVED_EXPERIENCE = Section(
    "lived-experience",
    _("How people with lived experience shaped this work"),
    ("lived_experience",),
    intro=_(
        "Tell us who with lived experience of seeking sanctuary helped plan, deliver or review "
        "your work, and how they shaped this application. Do not name anyone without their "
        "consent."
    ),
)
CONSENT = Section(
    "consent",
    _("Consent and safeguarding"),
    ("safeguarding_lead", "consent_confirmed", "consent_notes"),
)
ENDORSEMENT = Section(
    "endorsement",
    _("Senior endorsement"),
    ("senior_signatory_name", "senior_signatory_role", "senior_endorsed_on"),
    intro=_(
        "Your head teacher, vice-chancellor, chief executive or council leader endorses the "
        "application before you submit it."
    ),
)
SECTIONS: dict[str, Section] = {
    section.key: section for section in (ABOUT, PROGRESS, LIVED_EXPERIENCE, CONSENT, ENDORSEMENT)
}


def section_for(application, key: str) -> Section | None:
    """The section called ``key`` if this application asks it."""
    section = SECTIONS.get(key)
    if section is None or (section.renewal_only and not application.renewal_of_id):
        return None
    return section
