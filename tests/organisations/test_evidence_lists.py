"""Issue 14: the evidence library and the criterion page's evidence picker are paged and
searched, in a number of queries that does not grow with the library; the picker keeps every
chosen item listed and ticked whatever the page or search, and its search and page buttons
save the answer first, so nothing typed or ticked is lost."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.models import EvidenceItem


def _library(organisation, count: int, *, title="Item", description="") -> list[EvidenceItem]:
    return EvidenceItem.objects.bulk_create(
        EvidenceItem(
            organisation=organisation,
            kind="link",
            title=f"{title} {n:03d}",
            description=description,
            url="https://example.org",
            scan_status="clean",
        )
        for n in range(count)
    )


def _soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def _text(soup) -> str:
    return " ".join(soup.get_text(" ").split())


def _library_url(organisation) -> str:
    return f"/apply/organisations/{organisation.pk}/evidence/"


def _criterion_url(application, code="L1") -> str:
    return f"/apply/applications/{application.pk}/criteria/{code}/"


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# --- The evidence library -------------------------------------------------------------------


def test_evidence_library_query_count_does_not_grow_with_items(
    client, school, application, applicant_lead
):
    client.force_login(applicant_lead)
    answer = application.answers.create(
        criterion=application.criteria_version.criteria.get(code="L1"), narrative="Yes."
    )
    answer.evidence.add(*_library(school, 5, title="First"))
    small = _count_queries(client, _library_url(school))

    answer.evidence.add(*_library(school, 45, title="Second"))
    large = _count_queries(client, _library_url(school))

    assert small == large


def test_evidence_library_shows_25_a_page_with_the_total_and_page_links(
    client, school, applicant_lead
):
    _library(school, 30)
    client.force_login(applicant_lead)

    first = _soup(client.get(_library_url(school)))
    second = _soup(client.get(_library_url(school) + "?page=2"))

    assert len(first.select("table tbody tr")) == 25
    assert len(second.select("table tbody tr")) == 5
    assert "30 items" in _text(first.select_one("caption"))
    nav = first.select_one("nav.sa-pagination")
    assert _text(nav.select_one("[rel=next]")) == "Next page"
    assert nav.select_one("[rel=next]")["href"] == "?page=2"
    assert _text(second.select_one("nav.sa-pagination [rel=prev]")) == "Previous page"
    current = second.select_one("nav.sa-pagination [aria-current=page]")
    assert current.get_text(" ", strip=True) == "Page 2"


def test_evidence_library_search_matches_title_or_description_and_pages_keep_it(
    client, school, applicant_lead
):
    _library(school, 5, title="Assembly")
    _library(school, 26, title="Minutes", description="Notes of the welcome group")
    _library(school, 4, title="Welcome week photos")
    client.force_login(applicant_lead)

    response = client.get(_library_url(school) + "?q=welcome")
    soup = _soup(response)

    assert response.status_code == 200
    assert "30 items match “welcome”" in _text(soup.select_one("caption"))
    assert len(soup.select("table tbody tr")) == 25
    assert soup.select_one("nav.sa-pagination [rel=next]")["href"] == "?q=welcome&page=2"
    assert soup.select_one("input[name=q]")["value"] == "welcome"
    assert soup.find("label", string="Search your evidence library by title or description")
    assert "Assembly" not in _text(soup.select_one("table"))


def test_evidence_library_says_when_nothing_matches(client, school, applicant_lead):
    _library(school, 3)
    client.force_login(applicant_lead)

    soup = _soup(client.get(_library_url(school) + "?q=nothing-like-this"))

    assert "0 items match" in _text(soup.select_one("caption"))
    assert "No items match your search." in _text(soup.select_one("table tbody"))


def test_evidence_library_counts_the_criteria_each_item_on_the_page_is_used_for(
    client, school, application, applicant_lead
):
    [used] = _library(school, 1, title="Used")
    _library(school, 1, title="Unused")
    for criterion in application.criteria_version.criteria.filter(code__in=["L1", "E2"]):
        application.answers.create(criterion=criterion).evidence.add(used)
    client.force_login(applicant_lead)

    rows = {
        _text(row.select_one("td")): _text(row.select("td")[3])
        for row in _soup(client.get(_library_url(school))).select("table tbody tr")
    }

    assert rows == {"Used 000": "2 criteria", "Unused 000": "0 criteria"}


# --- The criterion page's evidence picker -----------------------------------------------------


def _chosen(soup) -> dict[str, bool]:
    """Label -> ticked, for the picker's "Chosen" group."""
    group = soup.find(attrs={"aria-labelledby": "evidence-chosen-title"})
    if group is None:
        return {}
    return {
        _text(item.select_one("label")): item.select_one("input").has_attr("checked")
        for item in group.select(".sa-checkboxes__item")
    }


def _more(soup) -> list[str]:
    group = soup.find(attrs={"aria-labelledby": "evidence-library-title"})
    if group is None:
        return []
    return [_text(label) for label in group.select("label")]


def test_criterion_page_query_count_does_not_grow_with_the_library(
    client, school, application, applicant_lead
):
    client.force_login(applicant_lead)
    answer = application.answers.create(
        criterion=application.criteria_version.criteria.get(code="L1"), narrative="Yes."
    )
    answer.evidence.add(*_library(school, 5, title="First")[:2])
    small = _count_queries(client, _criterion_url(application))

    _library(school, 45, title="Second")
    large = _count_queries(client, _criterion_url(application))

    assert small == large


def test_picker_lists_chosen_items_first_and_pages_the_rest(
    client, school, application, applicant_lead
):
    items = _library(school, 45)
    answer = application.answers.create(
        criterion=application.criteria_version.criteria.get(code="L1"), narrative="Yes."
    )
    answer.evidence.add(items[30], items[44])
    client.force_login(applicant_lead)

    first = _soup(client.get(_criterion_url(application)))
    third = _soup(client.get(_criterion_url(application) + "?page=3"))

    assert _chosen(first) == {"Item 030 (Link)": True, "Item 044 (Link)": True}
    assert _chosen(third) == _chosen(first)
    assert len(_more(first)) == 20
    assert "Item 030 (Link)" not in _more(first) + _more(third)
    assert _more(third) == ["Item 041 (Link)", "Item 042 (Link)", "Item 043 (Link)"]
    assert "43 more items in your library" in _text(first)
    nav = first.select_one("nav.sa-pagination")
    assert nav["aria-label"] == "More evidence pages"
    assert [_text(button) for button in nav.select("button")] == ["2", "3", "Next page"]
    assert [b["aria-label"] for b in nav.select("li button")] == ["Page 2", "Page 3"]
    assert nav.select_one("button[name=page][value='2']") is not None


def test_picker_search_keeps_the_chosen_items_listed_and_ticked(
    client, school, application, applicant_lead
):
    [chosen] = _library(school, 1, title="Assembly")
    _library(school, 3, title="Minutes", description="The welcome group met.")
    _library(school, 3, title="Photos")
    application.answers.create(
        criterion=application.criteria_version.criteria.get(code="L1")
    ).evidence.add(chosen)
    client.force_login(applicant_lead)

    soup = _soup(client.get(_criterion_url(application) + "?q=welcome"))

    assert _chosen(soup) == {"Assembly 000 (Link)": True}
    assert _more(soup) == ["Minutes 000 (Link)", "Minutes 001 (Link)", "Minutes 002 (Link)"]
    assert "3 more items match “welcome”" in _text(soup)
    assert soup.select_one("input[name=q]")["value"] == "welcome"


def test_picker_page_button_saves_the_answer_and_what_is_ticked_then_shows_the_page(
    client, school, application, applicant_lead
):
    items = _library(school, 45)
    client.force_login(applicant_lead)

    response = client.post(
        _criterion_url(application),
        {
            "version": 0,
            "narrative": "Pupils planned Refugee Week.",
            "self_assessment": "met",
            "evidence": [items[3].pk, items[5].pk],
            "q": "",
            "page": "2",
        },
    )

    answer = application.answers.get(criterion__code="L1")
    assert response.status_code == 302
    assert response["Location"] == _criterion_url(application) + "?page=2"
    assert answer.narrative == "Pupils planned Refugee Week."
    assert sorted(answer.evidence.values_list("pk", flat=True)) == [items[3].pk, items[5].pk]
    soup = _soup(client.get(response["Location"]))
    assert _chosen(soup) == {"Item 003 (Link)": True, "Item 005 (Link)": True}
    assert soup.select_one("textarea[name=narrative]").get_text().strip() == (
        "Pupils planned Refugee Week."
    )


def test_picker_search_button_saves_first_and_starts_the_search_on_its_first_page(
    client, school, application, applicant_lead
):
    items = _library(school, 3)
    client.force_login(applicant_lead)

    response = client.post(
        _criterion_url(application) + "?page=2",
        {
            "version": 0,
            "narrative": "Draft.",
            "evidence": [items[0].pk],
            "q": "welcome week",
            "search": "1",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == _criterion_url(application) + "?q=welcome+week"
    answer = application.answers.get(criterion__code="L1")
    assert (answer.narrative, list(answer.evidence.all())) == ("Draft.", [items[0]])


def test_picker_plain_save_comes_back_to_the_same_listing(
    client, school, application, applicant_lead
):
    _library(school, 45)
    client.force_login(applicant_lead)

    response = client.post(
        _criterion_url(application) + "?q=Item&page=2",
        {"version": 0, "narrative": "Draft.", "q": "Item", "save": ""},
    )

    assert response["Location"] == _criterion_url(application) + "?q=Item&page=2"


def test_picker_error_keeps_the_text_the_ticks_and_the_search(
    client, school, application, applicant_lead
):
    items = _library(school, 45)
    client.force_login(applicant_lead)
    long_text = "We welcome families. " * 40  # the limit is 500

    response = client.post(
        _criterion_url(application) + "?page=2",
        {
            "version": 0,
            "narrative": long_text,
            "evidence": [items[25].pk, items[40].pk],
            "q": "Item",
            "page": "3",
        },
    )

    soup = _soup(response)
    assert response.status_code == 200
    assert "There is a problem" in _text(soup)
    assert soup.select_one("textarea[name=narrative]").get_text().strip() == long_text.strip()
    assert _chosen(soup) == {"Item 025 (Link)": True, "Item 040 (Link)": True}
    assert soup.select_one("input[name=q]")["value"] == "Item"
    assert not application.answers.exists()


def test_picker_unticking_a_chosen_item_removes_it(client, school, application, applicant_lead):
    items = _library(school, 30)
    answer = application.answers.create(
        criterion=application.criteria_version.criteria.get(code="L1")
    )
    answer.evidence.add(items[1], items[29])
    client.force_login(applicant_lead)

    client.post(
        _criterion_url(application),
        {"version": answer.version, "narrative": "Yes.", "evidence": [items[29].pk], "q": ""},
    )

    assert list(answer.evidence.all()) == [items[29]]


@pytest.mark.parametrize("page", ["", "?page=2", "?q=Item"])
def test_picker_buttons_are_inside_the_answer_form(
    page, client, school, application, applicant_lead
):
    """The search and page buttons submit the answer's own form (so it is saved first)."""
    _library(school, 45)
    client.force_login(applicant_lead)

    soup = _soup(client.get(_criterion_url(application) + page))
    form = soup.select_one("form[data-module=sa-autosave]")

    assert form.select_one("button[name=search]") is not None
    assert form.select("nav.sa-pagination button[name=page]")
    assert form.select_one("textarea[name=narrative]") is not None
    assert re.search(r"saves your answer first", _text(form))
