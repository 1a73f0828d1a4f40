"""In real Chromium: an advisor updates a profile, the jobseeker writes their own part,
and the advisor sees what changed. axe checks every page on the way."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

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
    expect(error).to_contain_text("lavere enn det laveste")
    expect(page.get_by_label("Timer per uke, mest")).to_have_attribute("aria-invalid", "true")
    check_accessibility(page)

    page.get_by_label("Timer per uke, mest").fill("37")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("Kartleggingen er lagret.")).to_be_visible()
    expect(page.get_by_text("30–37 timer per uke")).to_be_visible()

    page.get_by_role("link", name="Endre behov").click()
    check_accessibility(page)
    page.get_by_label("Stille og rolig miljø").check()
    page.locator("#id_detail_quiet_environment").fill("Blir sliten av mye lyd")
    page.get_by_role("button", name="Lagre behov").click()
    expect(page.get_by_text("Stille og rolig miljø")).to_be_visible()
    expect(page.get_by_text("Blir sliten av mye lyd", exact=False)).to_be_visible()
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
    expect(jobseeker.get_by_text("Takk! Det du skrev er lagret.")).to_be_visible()
    jobseeker.get_by_role("link", name="Hva jeg deler").first.click()
    check_accessibility(jobseeker)
    jobseeker.get_by_label("Hva jeg er god til").check()
    jobseeker.get_by_role("button", name="Lagre valgene").click()
    expect(jobseeker.get_by_text("Valgene dine er lagret.")).to_be_visible()

    advisor.goto(profile_url)
    check_accessibility(advisor)
    expect(advisor.get_by_text("Jeg liker å ordne og sortere ting.").first).to_be_visible()
    changes = advisor.locator("section.changes")
    expect(changes).to_contain_text("Hva jeg liker å gjøre")
    expect(changes).to_contain_text(world.jobseeker.get_full_name())
    advisor.context.close()
    jobseeker.context.close()
