"""Attribution: who the text says made a claim, and the organisation behind them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from keeptabs.extract.claims import extract_claims
from keeptabs.extract.speakers import SourceMemory, org_of
from keeptabs.extract.vocab import DATA_PATH_VARIABLE, speaker_vocab
from keeptabs.segment.text import segment_text
from keeptabs.types import Claim

from conftest import claims_of


def titled_claims(title: str, body: str, nlp: Language) -> list[Claim]:
    """The claims of an article whose headline is ``title``."""
    text = f"{title}\n\n{body}"
    return extract_claims(text, segment_text(text, title=title), doc_id="d", nlp=nlp)


@pytest.mark.parametrize(
    ("speaker", "organisation"),
    [
        ("Homs governor Talal al-Barazi", "Homs Governorate"),
        ("Homs Gov. Talal al-Barazi", "Homs Governorate"),
        ("An official at the governors office in Homs", "Homs Governorate"),
        ("A source at Aleppo Governorate", "Aleppo Governorate"),
        ("a military source in the Aleppo Governorate", None),  # where, not whose
        ("The governor", None),
        ("a watchdog", "Syrian Observatory for Human Rights"),
        ("the rights watchdog Human Rights Watch", "Human Rights Watch"),  # the name described
        ("the monitor and a civil defence official", "Syrian Observatory for Human Rights"),
    ],
)
def test_organisations_named_by_role_place_or_description(
    speaker: str, organisation: str | None
) -> None:
    assert org_of(speaker) == organisation


def test_org_aliases_read_possessives_and_skip_relation_compounds() -> None:
    assert org_of("Jane Doe MSFs head of mission") == "Doctors Without Borders"
    assert org_of("An ISIS-affiliated news page") is None
    assert org_of("an anti-ISIS activist network") is None
    assert org_of("the Britain-based monitor") == "Syrian Observatory for Human Rights"
    assert org_of("WHO") == "World Health Organization"
    assert org_of("Turkey's health ministry") == "Turkish Ministry of Health"


def test_new_paragraph_forgets_the_last_speaker() -> None:
    memory = SourceMemory()
    memory.new_paragraph()
    assert memory.last is None


def test_subjectless_verb_takes_the_phrase_before_it(nlp: Language) -> None:
    text = (
        "Homs 4 May 2016 SANA reporter in Homs said that 7 civilians were killed "
        "by shells fired on the city.\n"
    )
    claim = claims_of(text, nlp)["7"]
    assert claim.source is not None and "reporter in Homs" in claim.source
    assert claim.source_org == "SANA"


def test_quoted_as_saying_names_the_speaker(nlp: Language) -> None:
    text = (
        "Three soldiers were killed near Hama on Monday the Russian military was quoted "
        "as saying by local media.\n"
    )
    claim = claims_of(text, nlp)["Three"]
    assert claim.source is not None and "Russian military" in claim.source
    assert claim.source_org == "Russian Ministry of Defence"


def test_fronted_adjunct_is_the_outlets_voice(nlp: Language) -> None:
    text = (
        "Despite the deaths of at least 5000 people in the war the minister said that "
        "his country would stay out of it.\n"
    )
    claim = claims_of(text, nlp)["at least 5000"]
    assert claim.source is None


def test_video_showing_a_killing_is_no_statement(nlp: Language) -> None:
    text = "The group posted a video showing the execution of 12 men in the desert.\n"
    claim = claims_of(text, nlp)["12"]
    assert claim.source is None and claim.source_org is None


def test_headline_speaker_is_not_what_the_number_counts(nlp: Language) -> None:
    text = "Video shows killing of 3 Syrian activists\n\nThe video appeared on Monday.\n"
    claim = claims_of(text, nlp)["3"]
    assert claim.source is None


def test_apposition_names_the_organisation(nlp: Language) -> None:
    text = (
        "The medical charity Doctors Without Borders said that 40 patients were treated "
        "for burns.\n"
    )
    claim = claims_of(text, nlp)["40"]
    assert claim.source_org == "Doctors Without Borders"


def test_gathered_reports_belong_to_who_gathered_them(nlp: Language) -> None:
    text = "This year MSF has received reports of at least 20 attacks on its clinics.\n"
    claim = claims_of(text, nlp)["at least 20"]
    assert claim.source == "MSF"
    assert claim.source_org == "Doctors Without Borders"


@pytest.mark.parametrize(
    ("sentence", "organisation"),
    [
        # the parser ends the name at "for"/"of" and hangs its rest on the report noun
        (
            "Few believed the Syrian Network for Human Rights report of 35 civilians "
            "killed in Idlib.",
            "Syrian Network for Human Rights",
        ),
        (
            "Then came the Syrian Observatory of Human Rights claim of 400 civilians "
            "fleeing Aleppo.",
            "Syrian Observatory for Human Rights",
        ),
    ],
)
def test_a_name_split_before_a_report_noun_is_its_source(
    sentence: str, organisation: str, nlp: Language
) -> None:
    claim = next(iter(claims_of(sentence + "\n", nlp).values()))
    assert claim.source_org == organisation
    assert claim.source is not None and claim.source.startswith(("the Syrian", "Syrian"))


def test_who_is_quoted_as_saying_is_the_source(nlp: Language) -> None:
    claims = claims_of(
        "SANA quoted a police source in the city as saying 14 civilians were killed.\n"
        "State TV quoted him as saying 5 died.\n",
        nlp,
    )
    assert (claims["14"].source, claims["14"].source_org) == ("a police source", "SANA")
    assert claims["5"].source == "State TV"  # a pronoun: the one who quotes


def test_an_organisation_named_in_full_is_its_own_source_org(nlp: Language) -> None:
    claims = claims_of(
        "Pirates attacked 100 vessels, the International Maritime Bureau said.\n"
        "A military source said 5 soldiers died.\n",
        nlp,
    )
    assert claims["100"].source_org == "International Maritime Bureau"  # not in the table
    assert claims["5"].source_org is None  # a description names no organisation


def test_an_organisation_named_in_a_sentence_with_no_claim_is_remembered(nlp: Language) -> None:
    text = (
        "Residents were moved out overnight, the Kestrian Civil Protection Agency said.\n\n"
        "Agency spokeswoman Ilsa Marrow said 12,400 people were evacuated.\n"
    )
    claim = claims_of(text, nlp)["12,400"]
    assert claim.source_org == "Kestrian Civil Protection Agency"


def test_who_is_accused_of_a_killing_is_no_speaker(nlp: Language) -> None:
    text = (
        "Kenneth Dorsey says the woman accused of killing two co-workers at the plant was "
        "very quiet.\nThe monitor has accused the regime of killing 40 civilians.\n"
    )
    claims = claims_of(text, nlp)
    assert claims["two"].source == "Kenneth Dorsey"  # not "the woman"
    assert claims["40"].source == "The monitor"  # who accuses speaks


def test_counted_group_is_no_speaker_beside_a_named_one(nlp: Language) -> None:
    text = (
        "Fire in Hama\n\nNine people died and four others were hurt in a fire in northern "
        "Hama on Friday state television SANA reported."
    )
    claims = claims_of(text, nlp)
    assert "SANA" in (claims["Nine"].source or "")  # not "four others"


def test_possessive_without_apostrophe_finds_the_actor() -> None:
    assert org_of("the Observatorys director") == "Syrian Observatory for Human Rights"


def test_speaker_the_parser_read_as_a_noun_phrase(nlp: Language) -> None:
    """Without commas the parser makes "media reported" a participle on its noun and
    "the opposition claims" the subject of the claim's verb."""
    text = "A total of 24 militants were killed near Homs local media reported on Monday.\n"
    assert claims_of(text, nlp)["24"].source == "local media"  # "near Homs" is no part
    text = "He spoke of a massacre in Douma that the opposition claims killed hundreds.\n"
    assert claims_of(text, nlp)["hundreds"].source == "the opposition"
    text = "Thirty people reported killed in the raid were buried on Friday.\n"
    assert claims_of(text, nlp)["Thirty"].source is None  # a participle on the figure


def test_wire_agencies_are_organisations() -> None:
    assert org_of("an AFP photographer") == "Agence France-Presse"
    assert org_of("the UN children's agency UNICEF") == "UNICEF"
    assert org_of("Reuters") == "Reuters"


def test_who_counted_or_documented_a_figure_is_its_source(nlp: Language) -> None:
    text = "Reporters Without Borders counted 66 journalists killed in 2014.\n"
    assert claims_of(text, nlp)["66"].source_org == "Reporters Without Borders"


def test_headline_trailing_speaker_forms(nlp: Language) -> None:
    text = "Islamic State executed 700 people from Syrian tribe: monitoring group\n\nNo more.\n"
    assert claims_of(text, nlp)["700"].source == "monitoring group"
    text = "Rebel fire in Aleppo kills 14 State media\n\nNo more.\n"
    assert claims_of(text, nlp)["14"].source == "State media"
    # a byline run into the headline; the speaker word is no verb
    text = "Hundreds dead as militants seize air base: monitor Jane Porter\n\nNo more.\n"
    found = claims_of(text, nlp)["Hundreds"]
    assert (found.source, found.action) == ("monitor", "kill")


def test_relative_pronoun_speaker_is_its_antecedent(nlp: Language) -> None:
    text = (
        "A strike killed 38 people. The monitor which earlier gave a toll of 20 said more died.\n"
    )
    assert claims_of(text, nlp)["20"].source == "The monitor"
    text = "WHO said in a statement putting the death toll at 70.\n"
    assert claims_of(text, nlp)["70"].source == "WHO"


def test_headline_opened_by_a_generic_speaker(nlp: Language) -> None:
    text = "Syrian opposition: 1300 killed in chemical attack near Damascus\n\nNo more.\n"
    assert claims_of(text, nlp)["1300"].source == "Syrian opposition"


def test_closing_verb_of_saying_parsed_as_an_adverbial_still_covers_the_figure(
    nlp: Language,
) -> None:
    text = "The toll rose to 82 people including 58 civilians the Observatory said on Sunday.\n"
    assert claims_of(text, nlp)["82"].source_org == "Syrian Observatory for Human Rights"
    text = "Jets killed 12 people as the ministry said it would respond.\n"
    assert claims_of(text, nlp)["12"].source is None  # a clause of its own


def test_said_as_a_surname_reports_nothing(nlp: Language) -> None:
    text = (
        "The raid was carried out on Tuesday the source said. REUTERS Rodi Said Anti-Daesh "
        "Forces Win Battle for Jarablus The US-led coalition of more than 60 nations has been "
        "bombing Daesh in Syria since 2014.\n"
    )
    assert claims_of(text, nlp)["more than 60"].source is None


def test_passive_report_names_its_speaker_after_by(nlp: Language) -> None:
    text = (
        "Three deaths and 22 injuries were reported by the civil defence rescuers after "
        "barrels of gas were dropped on the town Reuters reported.\n"
    )
    found = claims_of(text, nlp)
    assert found["Three"].source == "the civil defence rescuers"
    text = "An attack claimed by the group killed 20 people.\n"
    assert claims_of(text, nlp)["20"].source is None  # a deed claimed, not a figure


def test_speaker_phrase_after_a_name_of_another_phrase(nlp: Language) -> None:
    text = (
        "A command post and up to 80 fighters were destroyed in the area of Mayadeen the "
        "ministry said.\n"
    )
    assert claims_of(text, nlp)["up to 80"].source == "the ministry"


def test_speaker_at_a_body_names_the_body(nlp: Language) -> None:
    text = "A source at Hama Governorate said that 9 persons were killed on Friday.\n"
    assert claims_of(text, nlp)["9"].source_org == "Hama Governorate"
    text = "A source in Hama said that 9 persons were killed on Friday.\n"
    assert claims_of(text, nlp)["9"].source_org is None


def test_claim_of_responsibility_gives_the_toll(nlp: Language) -> None:
    text = "The group claimed responsibility for a suicide attack that killed at least 32.\n"
    assert claims_of(text, nlp)["at least 32"].source == "The group"
    text = "The strike claimed the lives of 12 civilians.\n"
    assert claims_of(text, nlp)["12"].source is None


def test_adding_takes_the_speaker_of_the_verb_it_follows(nlp: Language) -> None:
    text = "Media activist Abdul Wahab told The New Arab adding that dozens of others were hurt.\n"
    assert claims_of(text, nlp)["dozens"].source == "Abdul Wahab"
    text = "Local media reported citing a military source that the army had killed 28.\n"
    assert claims_of(text, nlp)["28"].source == "a military source"


def test_participle_after_a_preposition_shares_its_verbs_subject(nlp: Language) -> None:
    text = (
        "Russia has also called for an emergency UN Security Council meeting after claiming "
        "over 60 regime fighters were killed by the airstrikes.\n"
    )
    assert claims_of(text, nlp)["over 60"].source == "Russia"


def test_quotation_opened_sentences_before_the_figure_keeps_its_speaker(nlp: Language) -> None:
    """A quotation whose full stop was lost runs over three sentences; a figure in the
    middle one is still the closing speaker's."""
    text = (
        'Jets struck the town. "We planned an operation against their posts by airstrikes '
        "In the area of the city we destroyed a command post and up to 80 militants. In the "
        'same place we destroyed 18 vehicles" Konashenkov said.\n'
    )
    claims = claims_of(text, nlp)
    assert claims["up to 80"].source == "Konashenkov"
    assert claims["18"].source == "Konashenkov"


@pytest.mark.parametrize(
    ("text", "number", "source", "source_org"),
    [
        # an aspect verb before a verb of saying keeps its subject
        (
            "The ministry went on to say that 40 people were killed in the raids.",
            "40",
            "The ministry",
            None,
        ),
        # a headline's trailing speaker after a lower-case noun
        (
            "Syria air raids kill 25 civilians Monitor\n\nJets struck on Friday.",
            "25",
            "Monitor",
            "Syrian Observatory for Human Rights",
        ),
        # the Russian coordination centre is the defence ministry's
        (
            "The Russian coordination center in Hmeimim said the truce was breached 3 times.",
            "3",
            "The Russian coordination center in Hmeimim",
            "Russian Ministry of Defence",
        ),
        # a place that begins an organisation's name is part of it
        (
            "Activists from Aleppo Media Center reported that 12 people were killed.",
            "12",
            "Aleppo Media Center",
            "Aleppo Media Center",
        ),
        # a name and its acronym in brackets: the name; a place run into it is no part
        (
            "Air raids killed 20 civilians in the old quarter of Aleppo Syria Live Network "
            "(SLN) reported.",
            "20",
            "Syria Live Network",
            "Syria Live Network",  # named in full: its own organisation
        ),
        (
            "An attack on a clinic left two patients dead the Qatar Red Crescent Society "
            "(QRCS) has announced.",
            "two",
            "Qatar Red Crescent Society",
            "Qatar Red Crescent Society",
        ),
        # the event a toll is raised for is no speaker: the one who says so is
        (
            "The Observatory said the bombardment raised the death toll to 49.",
            "49",
            "Observatory",
            "Syrian Observatory for Human Rights",
        ),
        ("The downing of the jet brought the toll to 18.", "18", None, None),
        # a relative clause lower in the speaker's phrase is no part of its name
        (
            "Fifteen of the wounded were in critical condition said the head of the "
            "Britain-based group that relies on a network of sources on the ground.",
            "Fifteen",
            "the head of the Britain-based group",
            "Syrian Observatory for Human Rights",
        ),
        # a generic speaker closing the sentence with its verb covers a figure the parse
        # hung elsewhere
        (
            "A woman was killed after terrorists shelled the market while seven other "
            "people were injured local media reported.",
            "seven",
            "local media",
            None,
        ),
        # ... also before "told" and its listener; the speaker is not what is counted
        (
            "The death toll reached 330 overnight civil defence sources told The New Arab.",
            "330",
            "civil defence sources",
            "Syrian Civil Defence",
        ),
        # who condemns or mourns a toll gives it
        (
            "The National Coalition condemned the massacre in Raqqa where 65 civilians were "
            "killed by air raids.",
            "65",
            "National Coalition",
            "Syrian National Coalition",
        ),
        # "posts" after a counted noun is a plural noun, not a verb of saying
        (
            "Konashenkov said the strikes were precise. He said three command posts nine "
            "strongpoints and eight tanks were destroyed.",
            "nine",
            "Konashenkov",
            "Russian Ministry of Defence",
        ),
        # "point out" says what follows; "point the finger" does not
        (
            "The governor pointed out that 14 people were wounded by the shells.",
            "14",
            "The governor",
            None,
        ),
        ("Officials pointed the finger at rebels after 14 people were wounded.", "14", None, None),
    ],
)
def test_speaker_and_organisation(
    text: str, number: str, source: str | None, source_org: str | None, nlp: Language
) -> None:
    claim = claims_of(text + "\n", nlp)[number]
    assert (claim.source, claim.source_org) == (source, source_org)


def test_purpose_clause_names_no_speaker_of_the_verb_before(nlp: Language) -> None:
    text = "The coalition opened an inquiry to determine whether its strikes killed 100.\n"
    assert claims_of(text, nlp)["100"].source_org is None


def test_a_named_speaker_described_at_length_keeps_the_name(nlp: Language) -> None:
    claims = claims_of(
        "Manal a 28-year-old teacher living in Midan said she heard at least two blasts. "
        "Omar, a nurse who works at the main hospital in the old city of Aleppo, said 14 "
        "people were brought in.",
        nlp,
    )
    assert claims["at least two"].source == "Manal"  # not the place in the description
    assert claims["14"].source == "Omar"


def test_a_name_keeps_the_description_run_into_it(nlp: Language) -> None:
    text = (
        "The Syrian Civil Defence a group of first responders said it pulled 12 people "
        "alive from under the rubble.\n"
    )
    assert claims_of(text, nlp)["12"].source_org == "Syrian Civil Defence"


def test_a_day_before_the_speaker_is_no_part_of_its_name(nlp: Language) -> None:
    text = (
        "A bomb hit a police station in Damascus on Monday state media said, adding that 17 "
        "people were killed."
    )
    assert claims_of(text, nlp)["17"].source == "state media"


def test_a_place_run_into_the_speaker_is_no_part_of_it(nlp: Language) -> None:
    claims = claims_of(
        "At least 23 civilians have been killed in renewed regime airstrikes on the contested "
        "city of Aleppo Syrian activists said Sunday.",
        nlp,
    )
    assert claims["At least 23"].source == "Syrian activists"
    assert claims["At least 23"].place == "Aleppo"


def test_a_place_the_lost_comma_ran_into_a_speaker_before_its_verb(nlp: Language) -> None:
    found = claims_of(
        "A tank-backed assault killed at least 80 people in Hama rights groups said. "
        "Shelling wounded 12 people in the town residents said. Air strikes killed 24 "
        "militants near Deir ez-Zor and Raqqa local media reported.\n",
        nlp,
    )
    assert found["at least 80"].source == "rights groups"
    assert found["12"].source == "residents"
    assert found["24"].source == "local media"


def test_a_name_before_a_speaker_noun_phrase_is_not_the_speaker(nlp: Language) -> None:
    claims = claims_of(
        "The Syrian Democratic Forces killed 13 jihadists in clashes near the town of Al "
        "Tabqah local media reported. The Britain-based Syrian Observatory for Human Rights "
        "monitoring group put the death toll at 58.",
        nlp,
    )
    source = claims["13"].source
    assert source is not None and source.endswith("local media")
    assert claims["58"].source_org == "Syrian Observatory for Human Rights"


def test_according_to_outranks_a_quotation_the_marks_around_it_imply(nlp: Language) -> None:
    text = (
        '"I saw a man in a black jacket" a witness said. "I thought he looked odd. '
        '"People fell to the ground." About 100 people were wounded according to the medical '
        "source in the city. The monitor gave a lower toll of 31 killed. The group said "
        'it had fired on a "large gathering" of fighters. The claim said 40 had died.'
    )
    assert claims_of(text, nlp)["About 100"].source == "the medical source in the city"


def test_a_verb_of_saying_read_as_a_reduced_relative_on_its_subject(nlp: Language) -> None:
    claims = claims_of(
        "The US-led coalition reported earlier on Friday it had conducted nine airstrikes on "
        "militants in Raqqa. A video posted on social media shows fighters parading the "
        "corpses of 30 militants.",
        nlp,
    )
    assert claims["nine"].source == "The US-led coalition"
    assert claims["30"].source is None  # a video posted is no speaker


def test_according_to_a_name_joined_to_a_figure_keeps_the_name(nlp: Language) -> None:
    text = (
        "Air strikes on Eastern Ghouta have killed at least 66 civilians according to the "
        "Syrian Observatory for Human Rights as well as three rescue workers.\n"
    )
    found = claims_of(text, nlp)["at least 66"]
    assert found.source_org == "Syrian Observatory for Human Rights"
    # ... but a toll is no speaker
    text = "Rockets hit the district killing according to the latest toll 44 civilians.\n"
    assert claims_of(text, nlp)["44"].source is None


def test_known_agency_closing_the_sentence_with_its_verb_is_the_source(nlp: Language) -> None:
    text = (
        "Terrorists shelled the town killing 23 civilians in al-Haal and 21 others in "
        "al-Sinaah FNA reports.\n"
    )
    found = claims_of(text, nlp)
    assert (found["21"].source, found["21"].source_org) == ("FNA", "Fars News Agency")
    assert found["21"].place == "al-Sinaah"


def test_agency_closing_the_sentence_with_a_day_after_its_verb(nlp: Language) -> None:
    text = (
        "A car bomb killed 20 people at a site where displaced families are located near the "
        "city of Deir al-Zor Syrias SANA state news agency reported on Friday.\n"
    )
    found = claims_of(text, nlp)["20"]
    assert found.source_org == "SANA"
    assert found.source is not None and not found.source.startswith("Deir")


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # an outlet's sections after the headline's speaker
        ("Air raid kills 21 at Syria market Monitor - Region - World - Ahram Online", "Jets hit."),
        # the headline repeated in the body before the wire's dateline
        (
            "Market raid in the north",
            "Air raid kills 21 at Syria market Monitor AFP Thursday 24 Apr 2014\n\nJets hit.",
        ),
    ],
)
def test_headline_speaker_before_sections_or_a_wire_dateline(
    title: str, body: str, nlp: Language
) -> None:
    found = next(claim for claim in titled_claims(title, body, nlp) if claim.number_text == "21")
    assert found.source_org == "Syrian Observatory for Human Rights"
    assert found.place is None or "Ahram" not in found.place


def test_unnamed_ngo_of_a_headline_is_the_observatory_the_body_names(nlp: Language) -> None:
    title = "20 dead in Syria barrel bomb attack in Aleppo NGO"
    body = (
        "Helicopters dropped barrel bombs on Aleppo killing at least 20 people the Syrian "
        "Observatory for Human Rights said.\n"
    )
    headline = next(c for c in titled_claims(title, body, nlp) if c.section == "headline")
    assert (headline.source, headline.source_org) == ("NGO", "Syrian Observatory for Human Rights")
    # ... but not where the body names no Observatory
    body = "Helicopters dropped barrel bombs on Aleppo on Monday.\n"
    headline = next(c for c in titled_claims(title, body, nlp) if c.section == "headline")
    assert headline.source_org is None


def test_headline_repeat_run_into_the_body_before_a_dateline(nlp: Language) -> None:
    text = (
        "Bomb in Syrias Idlib kills 30 government fighters Monitoring group Reuters Tuesday 6 "
        "May 2014 About 30 Syrian government fighters were killed when rebels set off a bomb "
        "activists said on Tuesday.\n"
    )
    assert claims_of(text, nlp)["30"].source == "Monitoring group"


@pytest.mark.parametrize(
    ("headline", "source"),
    [
        ("Some 20 civilians killed in Syria aid convoy attack Red Cross", "Red Cross"),
        ("25 children killed in airstrikes in eastern Syria UNICEF", "UNICEF"),
        # a speaker opening a headline, its colon lost
        ("Monitors 15 killed in missile strike on eastern Syria city", "Monitors"),
        # an organisation the headline's words end on is no speaker
        ("65 bodies of civilians found in Syrian town taken from IS group", None),
    ],
)
def test_headline_closed_by_a_known_organisation_names_it(
    headline: str, source: str | None, nlp: Language
) -> None:
    claims = titled_claims(headline, "The attack came at dawn.", nlp)
    assert claims[0].source == source
    assert claims[0].counted != "monitors"  # the speaker counts no one


@pytest.mark.parametrize(
    ("text", "number", "source"),
    [
        # a related headline quoted in the body: its source after the dash, run on
        (
            "More reading. Related Rebel Shelling Kills 6 in Hama Suburb - Reports Tags Syria "
            "Hama.\n",
            "6",
            "Reports",
        ),
        (
            "More reading. Related US-Led Coalition Hits 14 Daesh Targets Near Raqqa - CENTCOM "
            "Syrian Army Advances Near Palmyra.\n",
            "14",
            "CENTCOM",
        ),
        (
            "Photo Reuters Car Bomb Kills 9 Near Checkpoint in Homs - Provincial Governor "
            "Earlier reports gave no toll.\n",
            "9",
            "Provincial Governor",
        ),
        # a dash inside a sentence that is no headline names nobody
        ("Rebels killed 12 soldiers near the town - Army units pulled back later.\n", "12", None),
    ],
)
def test_headline_quoted_in_the_body_names_its_source_after_a_dash(
    text: str, number: str, source: str | None, nlp: Language
) -> None:
    assert claims_of(text, nlp)[number].source == source


def test_opening_speakers_are_data_users_extend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Language
) -> None:
    headline = "Paramedics 15 killed in missile strike on eastern Syria city"
    assert titled_claims(headline, "The attack came at dawn.", nlp)[0].source is None
    extra = {"opening_speakers": ["Paramedics"], "speaker_nouns": ["paramedics"]}
    (tmp_path / "speakers.json").write_text(json.dumps(extra), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_VARIABLE, str(tmp_path))
    speaker_vocab.cache_clear()
    try:
        assert "activists" in speaker_vocab().nouns  # the bundled ones stay
        claims = titled_claims(headline, "The attack came at dawn.", nlp)
        assert claims[0].source == "Paramedics"
    finally:
        speaker_vocab.cache_clear()
