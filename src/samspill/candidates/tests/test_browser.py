"""In real Chromium: an advisor updates a profile, the jobseeker writes their own part,
and the advisor sees what changed. axe checks every page on the way."""

from __future__ import annotations

from typing import Any

import pytest

from samspill.conftest import World
from samspill.core.tests.browser import check_accessibility, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.django_db(transaction=True),
]


def test_advisor_updates_profile_and_needs(browser: Any, live_server: Any, world: World) -> None:
    candidate = world.process.candidate
    page = browser.new_context().new_page()
    log_in(page, live_server.url, world.advisor.username, audit=False)
    page.get_by_role("link", name="Min portefølje").click()
    check_accessibility(page)
    page.get_by_role("link", name=candidate.full_name).click()
    page.get_by_role("link", name="Se profilen").click()
    check_accessibility(page)
    page.get_by_role("link", name="Endre kartlegging").click()
    check_accessibility(page)

    page.get_by_label("Timer per uke, minst").fill("30")
    page.get_by_label("Timer per uke, mest").fill("10")
    page.get_by_label("Interesser og hva hen vil jobbe med").fill("Liker å lage mat")
    page.get_by_role("button", name="Lagre").click()
    error = page.locator("#id_hours_max_error")
    assert "lavere enn det laveste" in error.inner_text()
    assert page.get_by_label("Timer per uke, mest").get_attribute("aria-invalid") == "true"
    check_accessibility(page)

    page.get_by_label("Timer per uke, mest").fill("37")
    page.get_by_role("button", name="Lagre").click()
    assert page.get_by_text("Kartleggingen er lagret.").is_visible()
    assert page.get_by_text("30–37 timer per uke").is_visible()

    page.get_by_role("link", name="Endre behov").click()
    check_accessibility(page)
    page.get_by_label("Stille og rolig miljø").check()
    page.locator("#id_detail_quiet_environment").fill("Blir sliten av mye lyd")
    page.get_by_role("button", name="Lagre behov").click()
    assert page.get_by_text("Stille og rolig miljø").is_visible()
    assert page.get_by_text("Blir sliten av mye lyd", exact=False).is_visible()
    page.context.close()


def test_jobseeker_writes_own_part_and_advisor_sees_it(
    browser: Any, live_server: Any, world: World
) -> None:
    profile_url = f"{live_server.url}/kandidater/{world.process.candidate.uuid}/"
    advisor = browser.new_context().new_page()
    log_in(advisor, live_server.url, world.advisor.username, audit=False)
    advisor.goto(profile_url)  # the advisor's first visit

    jobseeker = browser.new_context().new_page()
    log_in(jobseeker, live_server.url, world.jobseeker.username, audit=False)
    jobseeker.get_by_role("link", name="Min profil").click()
    check_accessibility(jobseeker)
    jobseeker.get_by_label("Hva liker du å gjøre?").fill("Jeg liker å ordne og sortere ting.")
    jobseeker.get_by_label("Hvorfor vil du jobbe?").fill("Jeg vil ha kolleger.")
    jobseeker.get_by_role("button", name="Lagre").click()
    assert jobseeker.get_by_text("Takk! Det du skrev er lagret.").is_visible()
    jobseeker.get_by_role("link", name="Hva jeg deler").first.click()
    check_accessibility(jobseeker)
    jobseeker.get_by_label("Hva jeg er god til").check()
    jobseeker.get_by_role("button", name="Lagre valgene").click()
    assert jobseeker.get_by_text("Valgene dine er lagret.").is_visible()

    advisor.goto(profile_url)
    check_accessibility(advisor)
    assert advisor.get_by_text("Jeg liker å ordne og sortere ting.").first.is_visible()
    changes = advisor.locator("section.changes")
    assert "Hva jeg liker å gjøre" in changes.inner_text()
    assert world.jobseeker.get_full_name() in changes.inner_text()
    advisor.context.close()
    jobseeker.context.close()
