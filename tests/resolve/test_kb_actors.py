"""Actor names as reports write them resolve to the right id, with a reason."""

from __future__ import annotations

from datetime import date

import pytest

from trucewatch.model.kb import ActorMatch, KnowledgeBase, Unresolved
from trucewatch.resolve import KB

SY, UA, YE, SO, MM, PS, IQ = ({"country": c} for c in ("SY", "UA", "YE", "SO", "MM", "PS", "IQ"))

# (text, context, expected actor id)
ALIASES = [
    # Syria
    ("Syrian government", None, "syria"),
    ("Damascus", None, "syria"),
    ("Assad's regime", None, "syria"),
    ("the Assad regime", None, "syria"),
    ("the regime", SY, "syria"),
    ("regime forces", SY, "syria-military"),
    ("pro-government forces", SY, "syria-military"),
    ("government forces", SY, "syria-military"),
    ("the army", SY, "syria-military"),
    ("SAA", None, "syria-military"),
    ("Assad's forces", None, "syria-military"),
    ("Syrian troops", None, "syria-military"),
    ("Syrian warplanes", None, "syria-air-force"),
    ("Tiger Forces", None, "tiger-forces"),
    ("NDF", None, "ndf"),
    ("National Defense Forces", None, "ndf"),
    ("pro-government militias", SY, "ndf"),
    ("shabiha", None, "ndf"),
    ("Hezbollah fighters in Syria", None, "hezbollah-syria"),
    ("IRGC", None, "iran-irgc"),
    ("Iran's Revolutionary Guards", None, "iran-irgc"),
    ("Quds Force", None, "quds-force"),
    ("Fatemiyoun", None, "iran-militias-syria"),
    ("rebels", SY, "syria-opposition"),
    ("opposition fighters", SY, "syria-opposition"),
    ("insurgents", SY, "syria-opposition"),
    ("Free Syrian Army", None, "fsa"),
    ("FSA", None, "fsa"),
    ("Ahrar al-Sham", None, "ahrar-al-sham"),
    ("Ahrar ash-Sham", None, "ahrar-al-sham"),
    ("Jaysh al-Islam", None, "jaysh-al-islam"),
    ("Jaish al-Islam", None, "jaysh-al-islam"),
    ("Army of Islam", None, "jaysh-al-islam"),
    ("Faylaq al-Rahman", None, "faylaq-al-rahman"),
    ("Nour al-Din al-Zenki", None, "nour-al-din-zenki"),
    ("Jabhat al-Nusra", None, "hts"),
    ("al-Nusra Front", None, "hts"),
    ("Jabhat Fateh al-Sham", None, "hts"),
    ("HTS", None, "hts"),
    ("Hay'at Tahrir al-Sham", None, "hts"),
    ("Hurras al-Din", None, "hurras-al-din"),
    ("IS", None, "islamic-state"),
    ("ISIS", None, "islamic-state"),
    ("ISIL", None, "islamic-state"),
    ("Daesh", None, "islamic-state"),
    ("Da'esh", None, "islamic-state"),
    ("Islamic State (IS)", None, "islamic-state"),
    ("the Islamic State group", None, "islamic-state"),
    ("SDF", None, "sdf"),
    ("Kurdish-led Syrian Democratic Forces", None, "sdf"),
    ("YPG", None, "ypg"),
    ("Kurdish YPG", None, "ypg"),
    ("SNA", SY, "sna-syria"),
    ("Turkish-backed rebels", None, "sna-syria"),
    ("US-led coalition", None, "us-coalition"),
    ("SOHR", None, "sohr"),
    ("the Syrian Observatory for Human Rights", None, "sohr"),
    ("White Helmets", None, "white-helmets"),
    # Russia and Ukraine
    ("Russia", None, "russia"),
    ("Moscow", None, "russia"),
    ("the Kremlin", None, "russia"),
    ("Russian bombs", None, "russia-aerospace"),
    ("Russian warplanes", None, "russia-aerospace"),
    ("Russian jets", None, "russia-aerospace"),
    ("Russian aircraft", None, "russia-aerospace"),
    ("Russian troops", None, "russia-military"),
    ("Russian forces", None, "russia-military"),
    ("VKS", None, "russia-aerospace"),
    ("Wagner", None, "wagner"),
    ("PMC Wagner", None, "wagner"),
    ("Africa Corps", None, "africa-corps"),
    ("Kyiv", None, "ukraine"),
    ("Kiev", None, "ukraine"),
    ("Ukrainian forces", None, "ukraine-military"),
    ("ZSU", None, "ukraine-military"),
    ("government forces", UA, "ukraine-military"),
    ("Azov Regiment", None, "azov"),
    ("Azov Battalion", None, "azov"),
    ("DPR", None, "dpr"),
    ("Donetsk People's Republic", None, "dpr"),
    ("LNR", None, "lpr"),
    ("separatists", UA, "donbas-separatists"),
    ("pro-Russian separatists", None, "donbas-separatists"),
    ("OSCE SMM", None, "osce-smm"),
    ("OSCE monitors", None, "osce-smm"),
    # Israel, Gaza, West Bank, Lebanon
    ("IDF", None, "idf"),
    ("Israeli troops", None, "idf"),
    ("Israeli warplanes", None, "israel-air-force"),
    ("Israeli jets", None, "israel-air-force"),
    ("Hamas", None, "hamas"),
    ("Qassam Brigades", None, "qassam-brigades"),
    ("Ezzedine al-Qassam Brigades", None, "qassam-brigades"),
    ("Islamic Jihad", None, "pij"),
    ("PIJ", None, "pij"),
    ("Al-Quds Brigades", None, "al-quds-brigades"),
    ("Saraya al-Quds", None, "al-quds-brigades"),
    ("Jewish settlers", None, "israeli-settlers"),
    ("Hezbollah", None, "hezbollah"),
    ("Hizbullah", None, "hezbollah"),
    ("Lebanese army", None, "laf"),
    ("LAF", None, "laf"),
    ("UNIFIL", None, "unifil"),
    ("Beirut", None, "lebanon"),
    # Yemen
    ("Houthis", None, "houthis"),
    ("Ansar Allah", None, "houthis"),
    ("Ansarallah", None, "houthis"),
    ("rebels", YE, "houthis"),
    ("Saudi-led coalition", None, "saudi-coalition"),
    ("Saudi warplanes", None, "saudi-air-force"),
    ("STC", None, "stc"),
    ("Southern Transitional Council", None, "stc"),
    ("AQAP", None, "aqap"),
    ("internationally recognised government", None, "yemen"),
    # Sudan, Libya
    ("SAF", None, "saf"),
    ("Sudanese army", None, "saf"),
    ("RSF", None, "rsf"),
    ("Rapid Support Forces", None, "rsf"),
    ("paramilitaries", {"country": "SD"}, "rsf"),
    ("LNA", None, "lna"),
    ("Haftar's forces", None, "lna"),
    ("GNA", None, "libya-gnu"),
    ("Government of National Unity", None, "libya-gnu"),
    # Iraq
    ("Iraqi Security Forces", None, "isf"),
    ("PMF", None, "pmf"),
    ("Hashd al-Shaabi", None, "pmf"),
    ("Peshmerga", None, "peshmerga"),
    ("Kurdish Peshmerga", None, "peshmerga"),
    # Myanmar
    ("Tatmadaw", None, "tatmadaw"),
    ("junta troops", None, "tatmadaw"),
    ("the military", MM, "tatmadaw"),
    ("MNDAA", None, "mndaa"),
    ("Kokang army", None, "mndaa"),
    ("Arakan Army", None, "arakan-army"),
    ("TNLA", None, "tnla"),
    ("PDFs", None, "pdf"),
    ("People's Defence Force", None, "pdf"),
    ("Three Brotherhood Alliance", None, "three-brotherhood"),
    # Ethiopia, Eritrea
    ("ENDF", None, "endf"),
    ("Ethiopian troops", None, "endf"),
    ("TPLF", None, "tplf"),
    ("Tigray Defence Forces", None, "tdf"),
    ("Fano", None, "fano"),
    ("OLA", None, "ola"),
    ("OLF-Shane", None, "ola"),
    ("Eritrean troops", None, "eritrea-military"),
    # Armenia / Azerbaijan
    ("Armenian forces", None, "armenia-military"),
    ("Azerbaijani army", None, "azerbaijan-military"),
    ("Azeri troops", None, "azerbaijan-military"),
    ("Baku", None, "azerbaijan"),
    ("Nagorno-Karabakh Defence Army", None, "nk-defence-army"),
    ("Artsakh Defense Army", None, "nk-defence-army"),
    # India / Pakistan
    ("Indian army", None, "india-military"),
    ("Pakistani troops", None, "pakistan-military"),
    ("Lashkar-e-Taiba", None, "lashkar-e-taiba"),
    ("LeT", None, "lashkar-e-taiba"),
    ("Jaish-e-Mohammed", None, "jaish-e-mohammed"),
    ("JeM", None, "jaish-e-mohammed"),
    # Somalia, Sahel
    ("al-Shabaab", None, "al-shabaab"),
    ("Al Shabab", None, "al-shabaab"),
    ("militants", SO, "al-shabaab"),
    ("SNA", SO, "sna-somalia"),
    ("AMISOM", None, "atmis"),
    ("ATMIS", None, "atmis"),
    ("JNIM", None, "jnim"),
    ("ISGS", None, "is-sahel"),
    ("Islamic State Sahel Province", None, "is-sahel"),
    ("FAMa", None, "fama"),
    ("Malian army", None, "fama"),
    ("Burkinabe army", None, "burkina-military"),
    ("Nigerien troops", None, "niger-military"),
    # Generic classes
    ("civilians", None, "generic-civilians"),
    ("residents", None, "generic-civilians"),
    ("children", None, "generic-civilians"),
    ("a family", None, "generic-civilians"),
    ("villagers", None, "generic-civilians"),
    ("protesters", None, "generic-protesters"),
    ("unidentified gunmen", None, "generic-gunmen"),
    ("armed men", None, "generic-gunmen"),
    ("warplanes of unknown origin", None, "generic-aircraft"),
    ("unidentified aircraft", None, "generic-aircraft"),
    ("rebels", None, "generic-rebels"),
    ("opposition fighters", None, "generic-rebels"),
    ("insurgents", None, "generic-rebels"),
    ("militants", None, "generic-militants"),
    # Monitors and IGOs
    ("MSF", None, "msf"),
    ("Doctors Without Borders", None, "msf"),
    ("ICRC", None, "icrc"),
    ("the UN", None, "un"),
    ("UN Security Council", None, "unsc"),
    # Misspellings (fuzzy)
    ("Hezbolla", None, "hezbollah"),
    ("Hayat Tahrir al-Sahm", None, "hts"),
]


def test_kb_implements_protocol(kb: KB) -> None:
    assert isinstance(kb, KnowledgeBase)


def test_alias_table_is_large() -> None:
    assert len(ALIASES) >= 100


@pytest.mark.parametrize(("text", "context", "expected"), ALIASES)
def test_alias_resolves_with_reason(
    kb: KB, text: str, context: dict[str, str] | None, expected: str
) -> None:
    result = kb.resolve_actor(text, context=context)
    assert isinstance(result, ActorMatch), result
    assert result.actor.id == expected, result.reason
    assert result.reason


@pytest.mark.parametrize(
    ("text", "on", "expected_name"),
    [
        ("Nusra Front", date(2016, 2, 12), "Jabhat al-Nusra"),
        ("Jabhat al-Nusra", date(2016, 9, 1), "Jabhat Fateh al-Sham"),
        ("HTS", date(2018, 1, 1), "Hayat Tahrir al-Sham"),
        ("Nusra", date(2018, 1, 1), "Hayat Tahrir al-Sham"),
        ("ISIS", date(2005, 6, 1), "Al-Qaida in Iraq"),
        ("ISIS", date(2013, 6, 1), "Islamic State of Iraq and the Levant"),
        ("ISIS", date(2016, 2, 12), "Islamic State"),
        ("AMISOM", date(2023, 1, 1), "African Union Transition Mission in Somalia"),
        ("Azov", date(2015, 1, 1), "Azov Regiment"),
    ],
)
def test_name_in_force_on_date(kb: KB, text: str, on: date, expected_name: str) -> None:
    result = kb.resolve_actor(text, on=on)
    assert isinstance(result, ActorMatch)
    assert result.name_on_date == expected_name
    assert on.isoformat() in result.reason or result.actor.name == expected_name


def test_nusra_and_hts_share_one_id(kb: KB) -> None:
    early = kb.resolve_actor("Nusra Front", on=date(2016, 2, 12))
    late = kb.resolve_actor("HTS", on=date(2018, 3, 1))
    assert isinstance(early, ActorMatch) and isinstance(late, ActorMatch)
    assert early.actor.id == late.actor.id == "hts"


@pytest.mark.parametrize(
    ("text", "expected_parent_chain"),
    [
        ("Russian warplanes", ["russia-aerospace", "russia"]),
        ("Tiger Forces", ["tiger-forces", "syria-military", "syria"]),
        ("Qassam Brigades", ["qassam-brigades", "hamas"]),
    ],
)
def test_parent_chain(kb: KB, text: str, expected_parent_chain: list[str]) -> None:
    result = kb.resolve_actor(text)
    assert isinstance(result, ActorMatch)
    assert [a.id for a in kb.parent_chain(result.actor.id)] == expected_parent_chain


@pytest.mark.parametrize("text", ["xyzzy plugh", "", "the", "Quux Liberation Front of Zembla"])
def test_unknown_actor_is_unresolved_with_reason(kb: KB, text: str) -> None:
    result = kb.resolve_actor(text)
    assert isinstance(result, Unresolved)
    assert result.reason


def test_demonym_reason_names_the_branch(kb: KB) -> None:
    result = kb.resolve_actor("Russian bombs")
    assert isinstance(result, ActorMatch)
    assert "demonym" in result.reason and "Russian Aerospace Forces" in result.reason


def test_entity_patterns(kb: KB) -> None:
    patterns = kb.entity_patterns()
    labels = {label for label, _ in patterns}
    phrases = {phrase for _, phrase in patterns}
    assert labels == {"ACTOR", "GPE", "LOC"}
    assert {
        "Hayat Tahrir al-Sham",
        "Russian warplanes",
        "Aleppo",
        "Kramatorsk",
        "Anadan",
    } <= phrases
    assert len(patterns) < 150_000
