"""Fixed reference data for the demo: offices, sectors, name patterns.

Office names follow NAV's naming; unit numbers and coordinates are approximate and
only for the demo. Nothing here describes a real person or a real company.
"""

from __future__ import annotations

from samspill.employers.models import Sector

#: (name, unit number, municipality, latitude, longitude)
OFFICES: list[tuple[str, str, str, float, float]] = [
    ("NAV Grünerløkka", "0312", "Oslo", 59.9225, 10.7590),
    ("NAV Alna", "0326", "Oslo", 59.9300, 10.8350),
    ("NAV Frogner", "0313", "Oslo", 59.9170, 10.7100),
    ("NAV Bergenhus", "1203", "Bergen", 60.3930, 5.3240),
    ("NAV Årstad", "1204", "Bergen", 60.3700, 5.3400),
    ("NAV Trondheim", "5701", "Trondheim", 63.4305, 10.3951),
    ("NAV Drammen", "0602", "Drammen", 59.7440, 10.2045),
]

TEAMS = ["IPS-team", "Ungdomsteam"]

#: Name patterns per sector; {name} is a family name, {place} a (made-up) place name.
EMPLOYER_NAMES: dict[str, list[str]] = {
    Sector.RETAIL: ["{name} Interiør AS", "{place} Sport AS", "Bruktbutikken {place}"],
    Sector.GROCERY: ["{place} Dagligvare AS", "Nærbutikken {place}", "{name} Mat AS"],
    Sector.WAREHOUSE: ["{name} Logistikk AS", "{place} Lager og Transport AS"],
    Sector.KINDERGARTEN: ["{place} barnehage", "{name}haugen barnehage SA"],
    Sector.CANTEEN: ["{place} Kantinedrift AS", "{name} Storkjøkken AS"],
    Sector.OFFICE: ["{name} Regnskap AS", "{name} & Co Eiendomsmegling"],
    Sector.CARETAKING: ["{place} Eiendomsdrift AS", "{name} Vaktmesterservice"],
    Sector.CLEANING: ["{name} Renhold AS", "{place} Rengjøring AS"],
    Sector.CARE: ["{place} sykehjem", "{place} omsorgssenter"],
    Sector.INDUSTRY: ["{name} Mekaniske Verksted AS", "{place} Trevare AS"],
}

WORKPLACE_NAMES: dict[str, list[str]] = {
    Sector.RETAIL: ["Butikken", "Utsalget"],
    Sector.GROCERY: ["Butikken", "Varemottaket"],
    Sector.WAREHOUSE: ["Hovedlageret", "Terminalen", "Plukklageret"],
    Sector.KINDERGARTEN: ["Barnehagen", "Avdeling Tusenfryd"],
    Sector.CANTEEN: ["Kantina", "Produksjonskjøkkenet"],
    Sector.OFFICE: ["Kontoret"],
    Sector.CARETAKING: ["Driftssentralen", "Verkstedet"],
    Sector.CLEANING: ["Hovedkontoret", "Oppdrag sentrum"],
    Sector.CARE: ["Langtidsavdelingen", "Kjøkken og vaskeri"],
    Sector.INDUSTRY: ["Produksjonshallen", "Lageret"],
}

CLOSING_REASONS = [
    "Har fått fast jobb og trenger ikke mer oppfølging",
    "Ønsker ikke å fortsette nå",
    "Flyttet til en annen kommune",
    "Overført til annen tjeneste",
    "Helsen gjør at vi tar en pause, ny vurdering om tre måneder",
]

PARTNER_PURPOSES = [
    "Vurdering av hjelpemidler på arbeidsplassen",
    "Tilrettelegging av arbeidsplassen sammen med arbeidsgiver",
    "Samarbeid om oppfølging utenom jobb (bolig og økonomi)",
]
