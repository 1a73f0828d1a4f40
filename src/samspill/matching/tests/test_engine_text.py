"""Interest and experience texts: analysis, matching, explanation, own words first."""

from __future__ import annotations

import pytest

from samspill.matching.engine import CandidateRecord, EngineConfig, MatchIndex
from samspill.matching.engine.text import Lexicon, split_compound
from samspill.matching.tests.test_engine_constraints import (
    candidate,
    opening,
    task,
    workplace,
)


def stems(text: str) -> list[str]:
    lexicon = Lexicon()
    return [lexicon.terms[term] for term, _, _ in lexicon.analyze(text)]


def test_inflections_meet() -> None:
    assert stems("lager") == stems("lageret")
    assert stems("kjøkken") == stems("kjøkkenet")
    assert stems("plukking") == stems("plukke")
    assert stems("vasking") == stems("vaske")


def test_stop_words_and_generic_work_words_are_dropped() -> None:
    assert stems("Jeg liker å jobbe med det") == []
    assert stems("erfaring fra arbeid") == []
    assert stems("lage mat") == stems("mat")  # "lage" must not meet "lager"


def test_known_compounds_also_give_their_parts() -> None:
    assert split_compound("lagerarbeid") == ("lager", "arbeid")
    assert split_compound("barnehage") == ("barne", "hage")
    assert split_compound("renholdsarbeider") == ("renhold", "arbeider")
    assert split_compound("matematikk") == ()
    lexicon = Lexicon()
    analysed = {lexicon.terms[t]: w for t, w, _ in lexicon.analyze("kundeservice")}
    assert analysed[stems("kunde")[0]] == 0.5
    assert analysed[stems("kundeservice")[0]] == 1.0


def test_tokenizing_a_batch_equals_one_text_at_a_time() -> None:
    texts = ["Liker lager og truck", "", "Kundeservice\x00 i butikken", "barnehage, barn"]
    lexicon = Lexicon()
    docs, terms, weights = lexicon.tokenize_batch(texts)
    for index, text in enumerate(texts):
        expected = [(t, w) for t, w, _ in lexicon.analyze(text)]
        got = [
            (int(t), float(w)) for d, t, w in zip(docs, terms, weights, strict=True) if d == index
        ]
        assert got == expected


def test_the_explanation_names_the_matched_interest_and_the_task() -> None:
    truck = task(2, "Kjøre truck", description="Truckkjøring i høylageret", hours_per_week=10)
    op = opening(workplace([task(hours_per_week=10), truck]))
    index = MatchIndex.build([candidate(interests_own="Jeg vil kjøre truck")], [op])
    result = index.rank_candidates(op.id).results[0]
    interest = result.explanation.part("interest")
    assert interest.points > 0
    words = {m.candidate_word: m for m in interest.terms}
    assert set(words) == {"kjøre", "truck"}
    match = words["truck"]
    assert match.task_ids == (2,)
    assert "oppgaven «Kjøre truck»" in match.opening_sources
    assert match.candidate_source == "kandidatens egne ord"
    assert "«truck» (kandidatens egne ord) – oppgaven «Kjøre truck»" in interest.detail
    assert sum(m.points for m in interest.terms) == pytest.approx(interest.points)
    assert "«truck»" in result.explanation.summary
    assert result.explanation.missing.count("Ingen felles interesser med stillingen.") == 0


def test_no_common_interest_is_said() -> None:
    op = opening(workplace([task()]))
    index = MatchIndex.build([candidate(interests_own="Jeg elsker fotball")], [op])
    explanation = index.rank_candidates(op.id).results[0].explanation
    assert explanation.part("interest").points == 0
    assert "Ingen felles interesser med stillingen." in explanation.missing
    assert explanation.summary.startswith("Ingen felles interesser")


def _interest_points(own: str, advisor: str) -> float:
    op = opening(workplace([task()]))
    others = [candidate(i, interests_own="fotball musikk") for i in range(10, 20)]
    index = MatchIndex.build(
        [candidate(1, interests_own=own, interests_advisor=advisor), *others], [op]
    )
    return index.explain(1, op.id).explanation.part("interest").points


def test_own_words_weigh_at_least_as_much_as_advisor_notes() -> None:
    own = _interest_points("Jeg liker lager", "")
    advisor = _interest_points("", "Kandidaten liker lager")
    assert own > advisor > 0
    both = _interest_points("Jeg liker lager", "Kandidaten liker lager")
    assert both >= own
    # The config may weigh them equally, never the advisor higher.
    with pytest.raises(ValueError, match="own_words_weight"):
        EngineConfig(own_words_weight=1.0, advisor_notes_weight=2.0)


def test_own_words_rank_first_among_otherwise_equal_candidates() -> None:
    op = opening(workplace([task()]))
    cands = [
        candidate(1, interests_own="", interests_advisor="Kandidaten liker lager"),
        candidate(2, interests_own="Jeg liker lager", interests_advisor=""),
    ]
    ranking = MatchIndex.build(cands, [op]).rank_candidates(op.id)
    assert [r.candidate_id for r in ranking.results] == [2, 1]
    assert ranking.results[1].explanation.part("interest").terms[0].candidate_source == (
        "veileders notater"
    )


def test_rarer_shared_interests_count_more() -> None:
    wp = workplace([task(description="Truck, lager og varer")])
    op = opening(wp)
    common = [candidate(i, interests_own="lager") for i in range(10, 40)]
    index = MatchIndex.build(
        [candidate(1, interests_own="truck"), candidate(2, interests_own="lager"), *common], [op]
    )
    assert index.explain(1, op.id).score > index.explain(2, op.id).score


def test_experience_and_strengths_count_separately() -> None:
    op = opening(workplace([task()]))
    cand = candidate(interests_own="", experience="Har jobbet på lager i to år")
    part = MatchIndex.build([cand], [op]).explain(1, op.id).explanation.part("experience")
    assert part.points > 0
    assert part.terms[0].candidate_source == "erfaring og utdanning"


def test_employer_wishes_text_is_matched_too() -> None:
    wp = workplace([task(description="")], employer_wishes="Ønsker en som liker dyr")
    op = opening(wp, title="Medarbeider")
    index = MatchIndex.build([candidate(interests_own="Jeg er glad i dyr")], [op])
    (match,) = index.explain(1, op.id).explanation.part("interest").terms
    assert match.opening_sources == ("arbeidsgiverens ønsker",)


def test_a_record_query_does_not_change_the_index() -> None:
    op = opening(workplace([task()]))
    index = MatchIndex.build([candidate()], [op])
    before = index.rank_candidates(op.id).results[0].score
    outsider = CandidateRecord(id=99, region=1, lat=59.9, lon=10.7, interests_own="lager")
    assert index.rank_openings(outsider).results[0].opening_id == op.id
    assert index.candidate_count == 1
    assert index.rank_candidates(op.id).results[0].score == before
