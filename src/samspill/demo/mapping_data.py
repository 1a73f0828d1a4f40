"""Reference data for the workplace-mapping demo: task catalogues per sector with their
demand profiles, and the plain-Norwegian phrases used for environment notes, wishes and the
contact log. Nothing here describes a real person or a real company."""

from __future__ import annotations

from dataclasses import dataclass

from samspill.employers.models import (
    ContactKind,
    Demand,
    OpeningKind,
    OpeningPurpose,
    OpeningStatus,
    Sector,
)


@dataclass(frozen=True)
class TaskTemplate:
    name: str
    description: str
    demands: dict[str, int]
    hours: tuple[int, int]
    times: tuple[str, ...] = ("day",)
    adaptation: str = ""


def _t(
    name: str,
    description: str,
    profile: str,
    hours: tuple[int, int],
    *,
    times: tuple[str, ...] = ("day",),
    adaptation: str = "",
) -> TaskTemplate:
    """``profile`` is one digit 0–3 per demand, in the order of ``Demand``."""
    demands = {d.value: int(level) for d, level in zip(Demand, profile, strict=True)}
    return TaskTemplate(name, description, demands, hours, times, adaptation)


# Demand order: physical, lifting, standing, customers, hygiene, reading, numbers, pace,
# social, alone, noise.
TASKS: dict[str, list[TaskTemplate]] = {
    Sector.WAREHOUSE: [
        _t(
            "Plukk av varer med truck",
            "Plukke paller etter ordreliste med truck.",
            "22201012122",
            (15, 37),
            times=("day", "evening"),
            adaptation="Kan gjøres med truck uten manuelle løft",
        ),
        _t(
            "Pakking og merking",
            "Pakke varer i esker og merke for utsending.",
            "21300012211",
            (10, 30),
            adaptation="Kan gjøres sittende ved pakkebord",
        ),
        _t(
            "Varemottak",
            "Ta imot leveranser, kontrollere mot følgeseddel.",
            "33201122212",
            (10, 25),
            times=("day",),
        ),
        _t(
            "Returhåndtering",
            "Sortere og registrere returvarer.",
            "11201111121",
            (8, 20),
            adaptation="Rolig hjørne, eget tempo",
        ),
        _t("Rydding og renhold av lager", "Holde gangene ryddige og feie.", "21300001031", (5, 15)),
    ],
    Sector.RETAIL: [
        _t(
            "Påfylling av varer",
            "Fylle hyller og sjekke datoer.",
            "22310001211",
            (8, 25),
            times=("day", "evening", "weekend"),
            adaptation="Kan ta lettere varer",
        ),
        _t(
            "Kasse",
            "Betjene kasse og svare kunder.",
            "00332112311",
            (8, 30),
            times=("day", "evening", "weekend"),
        ),
        _t(
            "Prismerking og skilting",
            "Bytte prislapper og skilt.",
            "01211111101",
            (4, 12),
            adaptation="Kan gjøres uten kundekontakt før åpning",
        ),
        _t(
            "Kundeveiledning i butikk",
            "Hjelpe kunder å finne varer.",
            "00330101301",
            (8, 25),
            times=("day", "weekend"),
        ),
    ],
    Sector.GROCERY: [
        _t(
            "Påfylling av kjøl og frys",
            "Fylle kjøl- og frysedisk.",
            "22320101211",
            (8, 25),
            times=("day", "evening"),
        ),
        _t(
            "Kasse",
            "Betjene kasse og selvbetjening.",
            "00331112311",
            (8, 30),
            times=("day", "evening", "weekend"),
        ),
        _t(
            "Ferskvaredisk",
            "Skjære, pakke og selge ferskvarer.",
            "11333112211",
            (10, 30),
            adaptation="Kan starte bak disken uten kundekontakt",
        ),
        _t(
            "Flaskepant og returrom",
            "Tømme pantemaskin og sortere.",
            "22200000131",
            (4, 12),
            adaptation="Eget tempo, lite folk rundt",
        ),
        _t(
            "Varemottak tidlig morgen",
            "Ta imot bil og sette bort varer.",
            "33201112112",
            (6, 15),
            times=("day",),
        ),
    ],
    Sector.KINDERGARTEN: [
        _t(
            "Kjøkkenhjelp",
            "Lage enkle måltider og rydde.",
            "11213112211",
            (8, 20),
            adaptation="Kan gjøres uten ansvar for barn",
        ),
        _t(
            "Uteområde og vaktmesteroppgaver",
            "Rake, måke og småreparasjoner.",
            "22200100121",
            (5, 15),
        ),
        _t("Assistent på avdeling", "Være med i lek og påkledning.", "21301011312", (15, 37)),
        _t(
            "Vask av tøy og leker",
            "Vaske og rydde på plass.",
            "11212001121",
            (5, 15),
            adaptation="Kan gjøres alene i eget rom",
        ),
    ],
    Sector.CANTEEN: [
        _t(
            "Oppvask",
            "Maskinoppvask og sortering.",
            "22301002132",
            (10, 30),
            adaptation="Kan gjøres uten tunge brett",
        ),
        _t("Forberedelse av mat", "Kutte grønnsaker og gjøre klar.", "11303111211", (10, 30)),
        _t("Servering i kantina", "Servere og holde disken fylt.", "11333012312", (8, 20)),
        _t(
            "Varetelling og bestilling",
            "Telle lager og bestille varer.",
            "00101222111",
            (4, 10),
            adaptation="Kan gjøres sittende på kontoret",
        ),
    ],
    Sector.OFFICE: [
        _t(
            "Skanning og arkivering",
            "Skanne papirer og legge dem i arkivet.",
            "00000220131",
            (8, 20),
            adaptation="Kan gjøres med ekstra tid og sjekkliste",
        ),
        _t("Post og budtjeneste", "Sortere post og levere internt.", "11110111211", (5, 15)),
        _t("Sentralbord og resepsjon", "Ta imot besøk og telefoner.", "00030211311", (10, 30)),
        _t(
            "Enkel registrering i fagsystem",
            "Legge inn data fra skjema.",
            "00000332110",
            (10, 30),
            adaptation="Kan gjøres hjemmefra noen dager",
        ),
    ],
    Sector.CARETAKING: [
        _t(
            "Snømåking og strøing",
            "Måke og strø før åpningstid.",
            "33200000132",
            (5, 20),
            times=("day", "weekend"),
        ),
        _t(
            "Enkelt vedlikehold",
            "Skifte lyspærer, skru og male.",
            "22201110121",
            (10, 30),
            adaptation="Kan ta oppgaver uten stige",
        ),
        _t("Avfallshåndtering", "Kildesortere og tømme containere.", "23200000122", (5, 15)),
        _t(
            "Runde og avviksmelding", "Gå runde og melde feil på nettbrett.", "11110210131", (5, 15)
        ),
    ],
    Sector.CLEANING: [
        _t(
            "Kontorrenhold",
            "Støvsuge, tørke og tømme søppel.",
            "21300001131",
            (8, 25),
            times=("evening",),
            adaptation="Kortere økter med pauser",
        ),
        _t("Vindusvask", "Vaske vinduer innvendig.", "21300001221", (4, 12)),
        _t(
            "Renhold av kantine",
            "Vaske kjøkken og spisesal.",
            "21313001221",
            (8, 20),
            times=("day", "evening"),
        ),
        _t(
            "Maskinvask av gulv",
            "Kjøre gulvvaskemaskin.",
            "22200001133",
            (5, 15),
            times=("evening", "night"),
        ),
    ],
    Sector.CARE: [
        _t(
            "Servering av måltider",
            "Dele ut mat og rydde etter.",
            "11323112311",
            (8, 20),
            times=("day", "evening"),
        ),
        _t(
            "Aktivitør",
            "Lese høyt, gå tur og spille spill.",
            "10212101301",
            (8, 20),
            adaptation="Kan gjøres med fast kollega i starten",
        ),
        _t(
            "Vaskeri",
            "Vaske og brette tøy.",
            "22302001132",
            (10, 30),
            adaptation="Egen arbeidsstasjon, lite støy på kveld",
        ),
        _t("Følge beboere til avtaler", "Følge beboere i huset og ut.", "21121101301", (5, 15)),
    ],
    Sector.INDUSTRY: [
        _t(
            "Montering ved linje",
            "Montere deler etter arbeidsbeskrivelse.",
            "21301113213",
            (20, 37),
            adaptation="Kan sitte ved egen stasjon",
        ),
        _t("Kvalitetskontroll", "Kontrollere ferdige produkter mot mål.", "01200123112", (10, 30)),
        _t("Pakking av ferdigvarer", "Pakke og plastere paller.", "22300001212", (10, 30)),
        _t(
            "Maskinstell og rengjøring",
            "Rengjøre maskiner etter skift.",
            "22201101123",
            (5, 15),
            times=("day", "evening"),
        ),
    ],
}

ROLES = [
    "Daglig leder",
    "Avdelingsleder",
    "HR-rådgiver",
    "Skiftleder",
    "Butikksjef",
    "Personalleder",
]
WISHES = [
    "Ønsker en ung person til lett kontorarbeid",
    "Trenger noen som kan ta varemottaket tidlig om morgenen",
    "Åpen for en som vil prøve seg, gjerne deltid i starten",
    "Ser etter en stabil medarbeider; norsk på nivå B1 holder",
    "Vil gjerne ta imot noen på arbeidstrening før sommeren",
    "Ønsker noen med førerkort klasse B",
    "Trenger ekstra folk i helgene",
]
INCLUSION_NOTES = [
    "Har hatt to personer på arbeidstrening; én ble ansatt fast.",
    "Brukte lønnstilskudd i fjor med godt resultat.",
    "En praksisplass ble avbrutt uten oppfølging fra NAV. Ønsker tett kontakt neste gang.",
    "Har en erfaren fadder som gjerne tar imot nye.",
    "Første gang de tar imot noen gjennom NAV.",
]
ENVIRONMENT = {
    "introduction_routine": [
        "Første dag med nærmeste leder, så en uke sammen med fadder.",
        "Skriftlig opplæringsplan og sjekkliste for de to første ukene.",
        "Går sammen med en erfaren kollega de første vaktene.",
    ],
    "internal_training": [
        "Truckkurs og HMS-kurs gis internt.",
        "E-læring i hygiene og mattrygghet.",
        "Opplæring ved arbeidsstasjonen, ingen kurs.",
    ],
    "physical_environment": [
        "Kaldt og trekkfullt i mottaket om vinteren; ellers greit lys.",
        "Store lokaler med mye gåing, heis til andre etasje.",
        "Støy fra maskiner; hørselvern utleveres.",
        "Rolige lokaler med eget pauserom.",
    ],
    "social_environment": [
        "Felles lunsj kl. 11.30, god tone og mye humor.",
        "Små team med fast skiftleder.",
        "Mange deltidsansatte; det kan ta tid å bli kjent.",
        "Flerspråklig arbeidsplass, norsk er fellesspråket.",
    ],
    "career_opportunities": [
        "Mulighet for fagbrev gjennom praksiskandidatordningen.",
        "Flere har gått videre til skiftleder.",
        "Faste stillinger lyses ut internt først.",
    ],
    "recruitment_need": [
        "Trenger to-tre nye til høsten.",
        "Stort behov i sommerferien.",
        "Ingen ledige stillinger nå, men gjerne praksisplass.",
        "Vanskelig å rekruttere til kveldsvakter.",
    ],
}
SUMMARIES = {
    ContactKind.VISIT: [
        "Omvisning på arbeidsplassen; så gjennom oppgavene i {task}.",
        "Besøk sammen med leder; de kan tenke seg en praksisplass.",
        "Trekantsamtale på stedet, alt går fint.",
    ],
    ContactKind.PHONE: [
        "Ringte for å høre om behovet fremover; ring igjen om en måned.",
        "Leder ringte om en kandidat; avtalte møte.",
        "Kort prat om sommeren; de trenger folk til {task}.",
    ],
    ContactKind.MESSAGE: [
        "Sendte informasjon om lønnstilskudd.",
        "E-post med forslag til datoer for matchemøte.",
        "Svarte på spørsmål om arbeidstrening.",
    ],
    ContactKind.MEETING: [
        "Møte om rekrutteringsbehov for neste halvår.",
        "Matchemøte med to kandidater.",
        "Oppfølgingsmøte om IA-avtalen.",
    ],
}
CONTACT_KINDS = [
    (ContactKind.VISIT, 25),
    (ContactKind.PHONE, 40),
    (ContactKind.MESSAGE, 25),
    (ContactKind.MEETING, 10),
]
OPENING_KINDS = {
    OpeningKind.JOB: [OpeningPurpose.EMPLOYMENT],
    OpeningKind.TRIAL_PLACE: [OpeningPurpose.TRIAL, OpeningPurpose.TRAINING],
    OpeningKind.APPRENTICESHIP: [OpeningPurpose.TRAINING, OpeningPurpose.EMPLOYMENT],
    OpeningKind.RECRUITMENT: [OpeningPurpose.EMPLOYMENT],
}
#: Final status and the walk to it from draft.
STATUS_PATHS = [
    ([OpeningStatus.DRAFT], 10),
    ([OpeningStatus.DRAFT, OpeningStatus.OPEN], 35),
    ([OpeningStatus.DRAFT, OpeningStatus.OPEN, OpeningStatus.PAUSED], 8),
    ([OpeningStatus.DRAFT, OpeningStatus.OPEN, OpeningStatus.FILLED], 30),
    (
        [
            OpeningStatus.DRAFT,
            OpeningStatus.OPEN,
            OpeningStatus.PAUSED,
            OpeningStatus.OPEN,
            OpeningStatus.FILLED,
        ],
        4,
    ),
    ([OpeningStatus.DRAFT, OpeningStatus.OPEN, OpeningStatus.CANCELLED], 13),
]
