"""Claim extraction: which numbers are claims, and the frame around each."""

from __future__ import annotations

import pytest
from spacy.language import Language

from keeptabs.extract.casing import related_headlines
from keeptabs.extract.claims import _share_with_list, extract_claims
from keeptabs.segment.text import segment_text
from keeptabs.types import Claim


def claims_of(text: str, nlp: Language) -> list[Claim]:
    return extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)


def by_number(claims: list[Claim]) -> dict[str, Claim]:
    return {claim.number_text: claim for claim in claims}


def test_claims_frame_of_an_attributed_evacuation(nlp: Language) -> None:
    text = (
        "Some 3,120 residents, including 1,400 children, left northern Mosul over the past "
        "48 hours, the Iraqi Interior Ministry said.\n"
    )
    found = by_number(claims_of(text, nlp))
    whole, part = found["Some 3,120"], found["1,400"]
    assert (whole.value, whole.qualifier, whole.lower, whole.upper) == (3120, "approx", 3120, 3120)
    assert whole.counted == "residents"
    assert whole.action == "leave"
    assert whole.place == "North Mosul"
    assert whole.period == "past 48 hours"
    assert whole.source == "Iraqi Interior Ministry"
    assert part.part_of == 3120
    assert part.counted == "children"
    assert part.action == "leave"
    assert text[whole.start : whole.end] == "Some 3,120"


def test_claims_skip_dates_ages_and_durations(nlp: Language) -> None:
    text = (
        "On December 12, 2016, a 34-year-old man said the siege had lasted for four years "
        "and that 120 families were still trapped in Homs.\n"
    )
    found = claims_of(text, nlp)
    assert [c.number_text for c in found] == ["120"]
    assert found[0].counted == "families"


def test_claims_quote_speaker_after_the_quotation(nlp: Language) -> None:
    text = (
        "“More than 900 fighters laid down their weapons in the past day,” spokesman "
        "Ivan Petrov told reporters.\n"
    )
    [claim] = claims_of(text, nlp)
    assert claim.qualifier == "more_than"
    assert claim.lower == 900 and claim.upper is None
    assert claim.action == "surrender"
    assert claim.source == "Ivan Petrov"
    assert claim.period == "past day"


def test_claims_according_to_and_vague_amounts(nlp: Language) -> None:
    text = (
        "Thousands of people have fled Raqqa since the start of the offensive, "
        "according to the UN.\n"
    )
    [claim] = claims_of(text, nlp)
    assert claim.qualifier == "vague"
    assert claim.value is None and (claim.lower, claim.upper) == (1000, 9999)
    assert claim.counted == "people"
    assert claim.action == "flee"
    assert claim.place == "Raqqa"
    assert claim.source == "UN"
    assert claim.source_org == "United Nations"
    assert claim.period is not None and claim.period.startswith("since the start of")


def test_claims_outlet_voice_has_no_source(nlp: Language) -> None:
    [claim] = claims_of("Over 400 buildings were destroyed in the old city last week.\n", nlp)
    assert claim.source is None and claim.source_org is None


def test_claims_comment_claims_keep_their_section_and_author(nlp: Language) -> None:
    text = (
        "Storm hits coastal town\n\n"
        "At least 12 people were killed on Monday, officials said.\n\n"
        "Comments 2\n\n"
        "Maria says\n\n"
        "I counted 40 ambulances myself, you are all being lied to??\n"
    )
    found = by_number(claims_of(text, nlp))
    assert found["At least 12"].section == "body"
    assert found["40"].section == "comment"
    assert found["40"].source == "Maria"


def test_claims_headline_section_and_title_case(nlp: Language) -> None:
    text = "Over 2,000 Civilians Flee Besieged Ghouta\n\nThe exodus continued on Monday.\n"
    [claim] = claims_of(text, nlp)
    assert claim.section == "headline"
    assert claim.counted == "civilians"
    assert claim.action == "flee"


def test_claims_boilerplate_numbers_are_not_claims(nlp: Language) -> None:
    text = "Comments 6\n\nTen rebels surrendered near Hama, the army said.\n\nShare this article\n"
    assert [c.number_text for c in claims_of(text, nlp)] == ["Ten"]


@pytest.mark.parametrize("text", ["", "\n\n", "No numbers at all here.", "1 2 3"])
def test_claims_never_crash_on_odd_input(text: str, nlp: Language) -> None:
    for claim in claims_of(text, nlp):
        assert text[claim.start : claim.end] == claim.number_text


@pytest.mark.parametrize(
    ("text", "number", "counted", "action"),
    [
        (
            "Heavy shelling left at least 40 dead and 70 wounded near Homs.\n",
            "at least 40",
            "people",
            "kill",
        ),
        (
            "Heavy shelling left at least 40 dead and 70 wounded near Homs.\n",
            "70",
            "people",
            "wound",
        ),
        (
            "The death toll from the blast has reached 126, the monitor said.\n",
            "126",
            "people",
            "kill",
        ),
        ("Officials put the death toll at 58 on Tuesday.\n", "58", "people", "kill"),
        ("Twelve civilians killed 30 injured in shelling of Daraa\n", "30", "civilians", "injure"),
        ("One boy was among those killed in the raid, medics said.\n", "One", "boy", "kill"),
        ("Four wounded were brought to hospitals in Kilis.\n", "Four", "people", "bring"),
        ("Shelling killed or injured 30 people in Douma.\n", "30", "people", "kill or injure"),
    ],
)
def test_claims_casualty_figures(
    text: str, number: str, counted: str, action: str, nlp: Language
) -> None:
    claim = by_number(claims_of(text, nlp))[number]
    assert (claim.counted, claim.action) == (counted, action)


def test_claims_headline_source_named_last(nlp: Language) -> None:
    [claim] = claims_of("Air strikes kill 13 fighters near Hama: monitor\n\nMore soon.\n", nlp)
    assert claim.source == "monitor"
    assert claim.source_org == "Syrian Observatory for Human Rights"


def test_claims_places_possessive_and_coordinated(nlp: Language) -> None:
    text = (
        "A bomb exploded in Aleppos Salaheddin district on Wednesday, killing six people.\n\n"
        "Rockets killed ten civilians in Aleppo and Deir Ezzor on Monday.\n"
    )
    found = by_number(claims_of(text, nlp))
    assert found["six"].place == "Salaheddin"
    assert found["six"].period == "Wednesday"
    assert found["ten"].place == "Aleppo and Deir Ezzor"
    assert found["ten"].period == "Monday"


def test_claims_report_date_is_no_period(nlp: Language) -> None:
    text = "At least 30 people were killed in the shelling, the ministry said on Sunday.\n"
    [claim] = claims_of(text, nlp)
    assert claim.period is None
    assert claim.source == "the ministry"


def test_claims_among_marks_the_figure_before_as_the_part(nlp: Language) -> None:
    text = "Six civilians including a child were among at least 22 people killed on Monday.\n"
    found = by_number(claims_of(text, nlp))
    assert found["Six"].part_of == 22
    assert found["at least 22"].part_of is None


def test_claims_parts_of_lists_without_commas_and_before_among(nlp: Language) -> None:
    text = "The group counted 5812 dead including 1733 children 969 women and 3110 men.\n"
    found = by_number(claims_of(text, nlp))
    assert [found[n].part_of for n in ("1733", "969", "3110")] == [5812] * 3
    text = "Two women and three children were among nine people killed on Monday.\n"
    found = by_number(claims_of(text, nlp))
    assert [found[n].part_of for n in ("Two", "three", "nine")] == [9, 9, None]


def test_claims_kind_compounds_stay_with_the_counted_noun(nlp: Language) -> None:
    text = "Jets launched at least 60 air raids and dropped 34 barrel bombs on Daraya.\n"
    found = by_number(claims_of(text, nlp))
    assert (found["at least 60"].counted, found["34"].counted) == ("air raids", "barrel bombs")
    text = "The militants took over two oil fields and 14 armoured personnel carriers.\n"
    found = by_number(claims_of(text, nlp))
    assert (found["two"].counted, found["14"].counted) == ("oil fields", "personnel carriers")


def test_claims_headline_verb_read_as_a_noun_names_the_action(nlp: Language) -> None:
    title = "ISIL crucifies 9 men in Syrias Aleppo NGO"
    text = f"{title}\n\nFighting went on.\n"
    claims = extract_claims(text, segment_text(text, title=title), doc_id="d", nlp=nlp)
    assert by_number(claims)["9"].action == "crucify"


def test_claims_vague_figure_of_a_noun_then_a_casualty_word(nlp: Language) -> None:
    text = "Dozens of civilians dead in rebel assault on Aleppo.\n"
    assert by_number(claims_of(text, nlp))["Dozens"].action == "kill"


def test_claims_casualty_participle_read_as_a_noun_rules_its_figure(nlp: Language) -> None:
    text = "At least 21 people were killed and 50 hurt on Sunday in a rebel mortar attack.\n"
    assert by_number(claims_of(text, nlp))["50"].action == "injure"


def test_claims_copula_of_a_group_of_casualties_says_what_befell_them(nlp: Language) -> None:
    text = "Twelve people died in the raid. Of those killed six were children.\n"
    assert by_number(claims_of(text, nlp))["six"].action == "kill"
    text = "Among the killed civilians there are four children.\n"
    assert by_number(claims_of(text, nlp))["four"].action == "kill"


def test_claims_of_them_counts_what_them_refers_to(nlp: Language) -> None:
    text = "The army clashed with the terrorists in Jabal al-Turkman killing 16 of them.\n"
    found = by_number(claims_of(text, nlp))["16"]
    assert (found.counted, found.action) == ("terrorists", "kill")
    # ... but a group's members are not the group
    text = "Jets struck the gatherings of armed groups killing dozens of them.\n"
    assert by_number(claims_of(text, nlp))["dozens"].counted != "gatherings"


def test_claims_part_of_a_counted_group_counts_the_group(nlp: Language) -> None:
    text = "The raid on the convoy destroyed at least 18 of 31 vehicles.\n"
    assert by_number(claims_of(text, nlp))["at least 18"].counted == "vehicles"


def test_claims_hyphenated_measure_counts_its_unit(nlp: Language) -> None:
    text = "Rebels massed on a 15-kilometre front.\n"
    assert by_number(claims_of(text, nlp))["15-kilometre"].counted == "kilometre"


def test_claims_money_written_with_a_sign_counts_its_currency(nlp: Language) -> None:
    text = "They said they received $400 a month from the group.\n"
    assert by_number(claims_of(text, nlp))["$400"].counted == "dollars"


def test_claims_first_figure_without_a_noun_takes_the_next_ones(nlp: Language) -> None:
    text = "A bomb exploded in Hama on Wednesday killing six and wounding 32 soldiers.\n"
    assert by_number(claims_of(text, nlp))["six"].counted == "soldiers"


def test_claims_elided_noun_is_never_a_toll_or_an_amount(nlp: Language) -> None:
    text = "The UN counted hundreds of deaths. Air strikes killed dozens this week in Raqqa.\n"
    assert by_number(claims_of(text, nlp))["dozens"].counted == "people"
    text = "35 Dead Dozens Wounded in Battle for Aleppo\n\nNo more.\n"
    assert by_number(claims_of(text, nlp))["35"].counted == "people"


def test_claims_elided_noun_is_the_wholes_not_the_parts(nlp: Language) -> None:
    text = "Raids killed 16 civilians including at least one child and wounded 22.\n"
    assert by_number(claims_of(text, nlp))["22"].counted == "civilians"


def test_claims_a_list_of_parts_ends_at_a_verb_of_its_own(nlp: Language) -> None:
    text = "Five people including two children were killed and 40 others were injured.\n"
    found = by_number(claims_of(text, nlp))
    assert found["two"].part_of == 5
    assert found["40"].part_of is None


def test_claims_of_them_after_a_figure_marks_a_part_named_by_its_predicate(
    nlp: Language,
) -> None:
    text = "Shelling killed 90 people, the monitor said, adding that 21 of them were children.\n"
    found = by_number(claims_of(text, nlp))
    part = found["21"]
    assert (part.counted, part.action, part.part_of) == ("children", "kill", 90)
    assert found["90"].part_of is None


def test_headline_repeated_in_the_body_without_a_full_stop(nlp: Language) -> None:
    """The repeat is a sentence of its own with the headline's frame; the lead after it
    keeps its own, and quotes are the document's own text (Title Case kept)."""
    headline = "Air Strikes Kill 19 in Douma Monitor"
    text = (
        f"{headline}\n\nTue 05 Jan 2016 {headline.capitalize()} At least 19 civilians were "
        "killed on Tuesday in raids on Douma the Syrian Observatory said."
    )
    claims = claims_of(text, nlp)
    frames = [(c.section, c.quote, c.counted, c.period, c.source_org) for c in claims]
    observatory = "Syrian Observatory for Human Rights"
    assert frames[0] == ("headline", headline, "civilians", None, observatory)
    assert frames[1] == ("body", headline.capitalize(), "civilians", None, observatory)
    assert frames[2][2:] == ("civilians", "Tuesday", observatory)
    assert frames[2][1].startswith("At least 19 civilians")


def test_headline_repeated_as_a_sentence_after_a_date_takes_the_headline_frame(
    nlp: Language,
) -> None:
    headline = "Israeli Strike on Syrian Town Kills 5 Soldiers"
    text = f"{headline}\n\nWed Jul 29 2015 {headline}. The army said the drone hit a car.\n"
    frames = [(c.section, c.counted, c.action) for c in claims_of(text, nlp)]
    assert frames[:2] == [("headline", "soldiers", "kill"), ("body", "soldiers", "kill")]


def test_headline_repeat_lacks_the_outlets_sections(nlp: Language) -> None:
    """The title carries the outlet's sections, the repeat before the wire dateline does
    not: still a repeat, with the headline's frame, not the story's place and day."""
    headline = "9 children among 15 dead in Syria car bombings state media"
    text = (
        f"{headline} - Region - World - Ahram Online\n\n{headline} AFP Monday 5 May 2014 "
        "Suicide bombers blew up two vehicles in the central province of Homs on Monday "
        "killing at least 15 people.\n"
    )
    frames = [(c.section, c.place, c.period, c.source) for c in claims_of(text, nlp)]
    assert (
        frames[:4]
        == [("headline", None, None, "state media")] * 2 + [("body", None, None, "state media")] * 2
    )
    assert frames[-1][1:3] == ("Homs", "Monday")


def test_no_sentence_starts_in_lower_case(nlp: Language) -> None:
    """The parser may split "Thirty | civilians were killed" after a headline repeat; a
    sentence never starts with a lower-case word."""
    headline = "Thirty Killed in Syrian Strikes on Damascan Suburb Town"
    text = (
        f"{headline}\n\nPosted on July 2 2016 by Asharq English {headline} Thirty civilians "
        "were killed on Saturday in air strikes on a suburb town northeast of the city."
    )
    lead = claims_of(text, nlp)[-1]
    assert (lead.counted, lead.action, lead.period) == ("civilians", "kill", "Saturday")


@pytest.mark.parametrize(
    ("headline", "period"),
    [
        ("Seven Civilians Killed in Regime Airstrikes on Rural Hama Today", "today"),
        # a station named "... Today" is no date
        ("Aleppo Today Says 12 Civilians Killed in Regime Airstrikes", None),
    ],
)
def test_headline_closed_by_today_dates_its_figure(
    headline: str, period: str | None, nlp: Language
) -> None:
    text = f"{headline}\n\nActivists said the raids hit a market.\n"
    claim = next(c for c in claims_of(text, nlp) if c.section == "headline")
    assert (claim.period or "").casefold() == (period or "")


def test_headline_without_a_noun_takes_the_body_noun(nlp: Language) -> None:
    text = "Shelling kills 12 in Hama\n\nShelling killed 12 soldiers in Hama, officials said."
    headline = next(c for c in claims_of(text, nlp) if c.section == "headline")
    assert headline.counted == "soldiers"
    named = "Raid frees 30 hostages\n\nThe raid freed 30 people held in a basement, officials said."
    headline = next(c for c in claims_of(named, nlp) if c.section == "headline")
    assert headline.counted == "hostages"  # a noun of its own stays


def test_periods_take_their_day_and_skip_datelines(nlp: Language) -> None:
    text = (
        "Fire in Hama\n\nShells hit the town at dawn yesterday killing 6 people. Rockets "
        "killed 3 soldiers near Hama on Monday the ministry said. Reuters Saturday 12 March "
        "2016 Bombs killed 5 people in Hama."
    )
    found = by_number(claims_of(text, nlp))
    assert found["6"].period == "dawn yesterday"
    assert found["3"].period == "Monday"  # no name run "Monday the ministry"
    assert found["5"].period is None  # the dateline dates the report
    lead = "Fire in Hama\n\nOn Saturday 12 people were killed in Hama."
    assert by_number(claims_of(lead, nlp))["12"].period == "Saturday"  # no dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date after the last item of a list dates the items before it
        ("Clashes left at least 40 dead and 70 wounded on Friday.", {"at least 40": "Friday"}),
        # a part shares its whole's date
        ("Six civilians were among 22 people killed on Sunday.", {"Six": "Sunday"}),
        # what a report counts is dated by the report
        ("16 airstrikes were reported late on Saturday.", {"16": "late on Saturday"}),
        # with the comma lost, a date before the speaker still dates the event
        ("Four people were killed in Homs on Thursday state media reported.", {"Four": "Thursday"}),
        # "since ..." ends at its year; "earlier this week" is kept whole
        (
            "Over 280000 people have been killed since the war broke out in March 2011 UN says.",
            {"Over 280000": "since the war broke out in March 2011"},
        ),
        ("Troops executed 48 people earlier this week.", {"48": "earlier this week"}),
        # the part of the day, and the day or month a window ends in, are kept
        ("Early on Monday more than 300 shells hit Aleppo.", {"more than 300": "Early on Monday"}),
        ("Rockets wounded 12 people earlier in the day.", {"12": "earlier in the day"}),
        ("Jets killed 149 people in the last 12 days of May.", {"149": "last 12 days of May"}),
        ("At least 412 people died since mid-September.", {"At least 412": "since mid-September"}),
        # a date before "when" dates the clause it opens; a resultative's date is the event's
        (
            "It was hit on June 19 when at least six people were killed.",
            {"at least six": "June 19"},
        ),
        ("Rockets killed 14 and left dozens wounded Wednesday.", {"dozens": "Wednesday"}),
        # a count of time spent on an activity, whatever words describe it
        (
            "Two days of such heavy rebel bombardment have killed 38 civilians.",
            {"38": "Two days of such heavy rebel bombardment"},
        ),
        (
            "Upwards of 162000 people have been killed in more than three years of conflict.",
            {"Upwards of 162000": "more than three years of conflict"},
        ),
        # ... also right after a verb of saying, whose report it is not
        (
            "The Observatory says a month of infighting has killed nearly 300 fighters.",
            {"nearly 300": "a month of infighting"},
        ),
        # a shelling that did it, misread as a verb on a verb joined to the claim's
        (
            "Activists in Deir Ezzor said that three civilians were killed and many more "
            "injured in mortar shelling by ISIS militants on the regime-held parts of the city "
            "on Wednesday.",
            {"three": "Wednesday"},
        ),
        # ... and before "where"; a misparsed clause verb still hangs the figure from it
        (
            "The council condemns the massacre in Idlib today where 65 civilians were killed.",
            {"65": "today"},
        ),
        (
            "Bombs hit the city often including in July when a bomber on a motorcycle killed "
            "at least 16 people outside a bakery.",
            {"at least 16": "July"},
        ),
        ("Jets pounded the north earlier today killing 9 people.", {"9": "earlier today"}),
        # the date of the event that caused the figure; times around midnight and prayers
        (
            "At least four people were killed after a gas barrel was dropped on the town on "
            "Wednesday.",
            {"At least four": "Wednesday"},
        ),
        ("Eleven civilians were killed by air raids after midnight.", {"Eleven": "after midnight"}),
        ("Shells killed 9 people after Friday prayers.", {"9": "after Friday prayers"}),
        # a possessive "today" with its apostrophe lost; "since" and "late" stay with a date
        ("As a result of todays shelling six people died.", {"six": "today"}),
        (
            "The group had forced at least 33000 residents out of their homes since 10 August "
            "2014.",
            {"at least 33000": "since 10 August 2014"},
        ),
        ("Residents found 230 corpses executed in late 2014.", {"230": "late 2014"}),
        # a date on the attack that did it
        ("An air strike on Tuesday by the coalition killed 18 fighters.", {"18": "Tuesday"}),
        (
            "At least 29 people were killed in a suicide bombing that targeted a border "
            "crossing on Thursday.",
            {"At least 29": "Thursday"},
        ),
        # a figure in a clause on the period's own event is that event's toll
        ("Talks stalled since the attack in Hama when 30 people were killed.", {"30": None}),
        # ... but a speaker's date stays the report's
        ("At least 30 people were killed, the ministry said on Sunday.", {"At least 30": None}),
        # ... also right before the figure, wherever the parser hangs it
        (
            "The Observatory a Britain-based monitoring group said Friday 19 people including "
            "five children were killed by air strikes on the Hara area.",
            {"19": None, "five": None},
        ),
        ("The monitor said Friday's air strikes killed 19 people in Hara.", {"19": "Friday"}),
        ("The monitor said Fridays air strikes killed 19 people in Hara.", {"19": "Friday"}),
        # ... and so it is after a publication line, whose full date is the report's
        (
            "Published May 4 2016 Thirty-one civilians including six children were killed in "
            "air strikes on a village in northern Syria held by the rebels on Monday a monitor "
            "said.",
            {"Thirty-one": "Monday"},
        ),
        # a population's figure takes no date from another clause
        (
            "Regime forces have besieged the town since 2014 making conditions in the area "
            "where some 300000 people live extremely dire.",
            {"some 300000": None},
        ),
        ("Since 2012 some 5000 people have lived in the camp.", {"some 5000": "Since 2012"}),
        # the time of day or "earlier" before a weekday stays with it
        (
            "Jets bombed a clinic in the town earlier on Wednesday killing 15 medics.",
            {"15": "earlier on Wednesday"},
        ),
        (
            "The attack struck a school around midday on Wednesday killing 35 people.",
            {"35": "around midday on Wednesday"},
        ),
        # a weekday's possessive that lost its apostrophe
        ("Mondays raid on the convoy destroyed at least 18 trucks.", {"at least 18": "Monday"}),
        # a date opening a "when" clause on the figure beats an earlier one
        (
            "Tuesdays casualties come on the heels of airstrikes on the town on Monday when at "
            "least 15 civilians were killed.",
            {"at least 15": "Monday"},
        ),
        # a date opening the sentence, which the parse hangs from no verb
        (
            "On August 3 US-led coalition aircraft carried out five strikes on the army.",
            {"five": "August 3"},
        ),
        # the day beats a time of day with no day of its own
        (
            "On Tuesday 12 civilians were killed when shells hit the market as worshippers "
            "were leaving the mosques after prayers.",
            {"12": "Tuesday"},
        ),
        # parts of a day joined by "and"
        (
            "The air raids on Sunday afternoon and evening killed 19 people near Saraqeb.",
            {"19": "Sunday afternoon and evening"},
        ),
        # windows without "past", and a range of dates
        ("Terrorists breached the truce 3 times in 24 hours.", {"3": "24 hours"}),
        (
            "In less than two weeks the town was hit by 47 barrel bombs.",
            {"47": "less than two weeks"},
        ),
        ("In recent days 57 civilians have been killed.", {"57": "recent days"}),
        ("Aid reached 4000 people for the first time in over a month.", {"4000": None}),
        (
            "The toll from Friday March 27 2015 to Friday April 10 2015 reached 236 people.",
            {"236": "from Friday March 27 2015 to Friday April 10 2015"},
        ),
        # a weekday after the figure, its sentence's only date, dates the event it tells
        (
            "Three people were killed in a series of blasts that rocked the capital on Wednesday.",
            {"Three": "Wednesday"},
        ),
        # ... but not a state
        (
            "Around 200000 people lived in the district that was shelled on Thursday.",
            {"Around 200000": None},
        ),
        # a date opening the sentence dates the event, though a speaker closes it
        (
            "- On May 3 a tank-backed assault killed at least 40 people in the town rights "
            "groups said.",
            {"at least 40": "May 3"},
        ),
        # a headline run in before a wire dateline dates none of the story's figures
        (
            "Rebels who lost Qamishli last month hit back killing 9 AFP Saturday 17 Aug 2013 "
            "Rebels attacked a town sparking fighting in which 12 people were killed.",
            {"12": None},
        ),
        # ... and goes on to how the war began, which the wires write after the year
        (
            "The war has killed 250000 people since it started in 2011 with the brutal "
            "repression of peaceful protests and millions have fled.",
            {"250000": "since it started in 2011 with the brutal repression of peaceful protests"},
        ),
        (
            "About 90000 people have died since the uprising began in March 2011 with "
            "anti-government protests that were met with a bloody crackdown.",
            {
                "About 90000": "since the uprising began in March 2011 with anti-government "
                "protests that were met with a bloody crackdown"
            },
        ),
        # "since ..." stops before the figure it was raised to
        (
            "This raises the number of breaches since the agreement came into effect to 465.",
            {"465": "since the agreement came into effect"},
        ),
    ],
)
def test_claims_periods(text: str, expected: dict[str, str | None], nlp: Language) -> None:
    found = by_number(claims_of(text + "\n", nlp))
    assert {number: found[number].period for number in expected} == expected


def test_list_items_take_the_verb_and_date_written_after_the_list(nlp: Language) -> None:
    """Items of a comma-less list the parser left without a verb take the one of the last
    item; an item's own verb stays."""
    text = "Three tanks nine trucks and four depots were destroyed on Monday"
    doc = nlp(text)

    def claim(number: str, action: str | None, period: str | None) -> Claim:
        start = text.index(number)
        return Claim("d", "body", start, start + len(number), number, text, 1, 1, 1, "exact",
                     action=action, period=period)  # fmt: skip

    items = [claim("Three", None, None), claim("nine", "drive", None)]
    items.append(claim("four", "destroy", "Monday"))
    shared = _share_with_list(doc[:], 0, items)
    assert [(c.action, c.period) for c in shared] == [
        ("drive", "Monday"),
        ("drive", "Monday"),
        ("destroy", "Monday"),
    ]


def test_headline_repeated_in_the_body_keeps_its_words_lower_cased(nlp: Language) -> None:
    """Capitals of a Title Case headline repeated in the body are no names: "Terrorist
    Battle" is no place, "Casualties" no proper noun."""
    headline = "Dozens of Casualties in Terrorist Battle in Aleppo"
    text = f"{headline}\n\nSat Feb 28 2015 {headline}. Rebels drove troops out of a base.\n"
    claims = claims_of(text, nlp)
    assert [(c.counted, c.action, c.place) for c in claims] == [("casualties", None, "Aleppo")] * 2


def test_title_case_headline_keeps_multiword_places_and_drops_them_from_its_speaker(
    nlp: Language,
) -> None:
    headline = "Russian Strikes Kill 34 Civilians in Syrias Deir Ezzor Monitor"
    text = f"{headline}\n\nAFP Sunday 26 Nov 2017 {headline}. Strikes hit the town.\n"
    first = claims_of(text, nlp)[0]
    assert (first.place, first.source) == ("Deir Ezzor", "Monitor")


def test_claims_breakdown_in_later_sentences_is_part_of_the_total(nlp: Language) -> None:
    claims = by_number(
        claims_of(
            "Air raids killed 21 civilians in the north on Monday, a monitor said. "
            "Fifteen were killed in the town of Kafr Hamra. Another six were killed in "
            "a village nearby. Separately 40 fighters were killed in clashes.",
            nlp,
        )
    )
    assert claims["Fifteen"].part_of == 21
    assert claims["six"].part_of == 21
    assert claims["21"].part_of is None
    assert claims["40"].part_of is None  # larger than the total: no part of it


def test_claims_a_toll_of_killed_and_injured_breaks_down_into_both(nlp: Language) -> None:
    claims = by_number(
        claims_of(
            "Shelling on Hama went on for a second day, 57 people killed and injured. "
            "Rescuers said 12 people were killed and 45 others were wounded.",
            nlp,
        )
    )
    assert claims["57"].action == "kill or injure"
    assert (claims["12"].part_of, claims["45"].part_of) == (57, 57)


def test_claims_one_person_the_story_tells_of_counts_nothing(nlp: Language) -> None:
    text = (
        "One man sat on the rubble with his head in his hands. One resident said the "
        "blasts cracked the walls. One person was killed and one civilian was among those "
        "wounded. Gunmen abducted one doctor. One child drowned in the river."
    )
    found = [(c.number_text, c.action) for c in claims_of(text, nlp)]
    assert found == [("One", "kill"), ("one", "wound"), ("one", "abduct"), ("One", "drown")]


def test_claims_one_of_them_is_a_part_and_no_antecedent(nlp: Language) -> None:
    claims = by_number(
        claims_of(
            "Four people one of them a child were killed and six others were injured on "
            "Monday when shells hit the market.",
            nlp,
        )
    )
    assert (claims["one"].counted, claims["one"].part_of) == ("child", 4)
    assert claims["six"].counted == "people"  # "others": the four, not the child


def test_claims_a_comma_less_list_of_counts_by_place(nlp: Language) -> None:
    claims = by_number(
        claims_of(
            "The media office said 150 bodies were found in Zamalka 100 in Kafr Nabl 67 in "
            "Ain Tarma and 40 in Erbin On Monday. Raids killed 30 civilians including 9 in "
            "the neighborhood Alsaliheen 8 in Ansari 5 in Almiyassar.",
            nlp,
        )
    )
    assert [(claims[n].counted, claims[n].place) for n in ("100", "67", "40")] == [
        ("bodies", "Kafr Nabl"),
        ("bodies", "Ain Tarma"),
        ("bodies", "Erbin"),
    ]
    assert [(claims[n].counted, claims[n].place, claims[n].part_of) for n in ("8", "5")] == [
        ("civilians", "Ansari", 30),
        ("civilians", "Almiyassar", 30),
    ]


def test_claims_figures_that_do_not_add_up_are_no_breakdown(nlp: Language) -> None:
    claims = by_number(
        claims_of(
            "Air raids killed 21 civilians on Monday. Fifteen were killed in Kafr Hamra. "
            "Another four were killed in a village nearby.",
            nlp,
        )
    )
    assert claims["Fifteen"].part_of is None
    assert claims["four"].part_of is None


def test_claims_among_the_dead_is_part_of_the_toll_before(nlp: Language) -> None:
    claims = by_number(
        claims_of(
            "A strike killed 38 civilians on Wednesday near the river. The monitor said "
            "nine children were among those killed.",
            nlp,
        )
    )
    assert claims["nine"].part_of == 38


def test_claims_population_figure_counts_the_population(nlp: Language) -> None:
    claims = by_number(
        claims_of(
            "Thousands of Syrians have found refuge in Idlib home to a pre-war population "
            "of 1.5 million.\n",
            nlp,
        )
    )
    assert (claims["1.5 million"].counted, claims["1.5 million"].action) == ("population", "live")


def test_claims_more_after_a_number_refers_to_the_noun_before(nlp: Language) -> None:
    text = (
        "On Tuesday in a chemical attack blamed on the regime some 100 civilians were "
        "killed and 500 more injured.\n"
    )
    claims = by_number(claims_of(text, nlp))
    assert (claims["some 100"].counted, claims["some 100"].action) == ("civilians", "kill")
    assert (claims["500"].counted, claims["500"].action) == ("civilians", "injure")


def test_claims_part_of_the_dead_named_by_what_it_was(nlp: Language) -> None:
    text = (
        "Air strikes killed 17 people in the town on Monday. The monitor said that 14 of "
        "the dead were opposition fighters. Fifteen of the wounded were in critical "
        "condition.\n"
    )
    claims = by_number(claims_of(text, nlp))
    fighters = claims["14"]
    assert (fighters.counted, fighters.action, fighters.part_of) == ("fighters", "kill", 17)
    assert claims["Fifteen"].action != "injure"  # what became of them, not the toll


def test_claims_most_before_the_noun_describes_a_part(nlp: Language) -> None:
    claims = by_number(claims_of("Blasts in Homs kill 18 most children\n\nNo more.\n", nlp))
    assert claims["18"].counted == "people"


def test_more_before_a_run_on_speaker_keeps_the_elided_noun(nlp: Language) -> None:
    text = (
        "A bombing killed 44 people and wounded dozens more Syrias state-run news agency "
        "reported.\n"
    )
    assert by_number(claims_of(text, nlp))["dozens"].counted == "people"


def test_figures_a_plural_noun_included_count_that_noun(nlp: Language) -> None:
    text = "Violations of the truce included: 20 by Russian forces 13 by regime forces.\n"
    claims = by_number(claims_of(text, nlp))
    assert (claims["20"].counted, claims["13"].counted) == ("violations", "violations")


def test_a_casualty_word_before_a_run_on_speaker_counts_people(nlp: Language) -> None:
    text = "The raid hit the camp leaving at least 14 dead Al-Qaedas Syrian affiliate said.\n"
    claim = by_number(claims_of(text, nlp))["at least 14"]
    assert (claim.counted, claim.action) == ("people", "kill")


@pytest.mark.parametrize(
    ("text", "number", "counted"),
    [
        # the definite group a part is taken from names what it counts
        ("Daesh said three of its fighters carried out the attack.", "three", "fighters"),
        ("Some 50 of the group's leaders had gathered at a house.", "Some 50", "leaders"),
        # "of them" followed by what they were
        ("The monitor says 34 people were killed 6 of them women or children.", "6", "women"),
    ],
)
def test_part_taken_from_a_named_group(text: str, number: str, counted: str, nlp: Language) -> None:
    assert by_number(claims_of(text + "\n", nlp))[number].counted == counted


def test_participle_after_a_bare_number_rules_a_headline_gerund(nlp: Language) -> None:
    text = "43 killed in Syria army shelling of rebel town\n\nThe shelling hit a market.\n"
    claims = extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)
    assert by_number(claims)["43"].action == "kill"


def test_toll_that_surpasses_a_figure_keeps_the_parts_noun(nlp: Language) -> None:
    text = "The death toll of the attack surpasses 130 people including 67 children.\n"
    found = by_number(claims_of(text, nlp))
    assert (found["130"].counted, found["130"].action) == ("people", "kill")
    assert found["67"].counted == "children"


def test_casualties_never_take_a_count_of_places_as_their_noun(nlp: Language) -> None:
    text = (
        "Three new towns joined the truce on Monday. The governor reported a toll of 31 "
        "killed and 74 wounded.\n"
    )
    found = by_number(claims_of(text, nlp))
    assert (found["31"].counted, found["74"].counted) == ("people", "people")


def test_parts_among_which_and_others_of_the_same_group(nlp: Language) -> None:
    found = by_number(
        claims_of("Officials said 130 people were killed among which 67 children.\n", nlp)
    )
    assert found["67"].part_of == 130
    text = "The army ambushed a group of terrorists killing 15 and injuring dozens of them.\n"
    assert by_number(claims_of(text, nlp))["dozens"].part_of is None


def test_related_headlines_run_together_are_read_like_headlines(nlp: Language) -> None:
    text = (
        "Kurdish-led forces killed dozens of militants near the city in the last day, the "
        "agency reported. The move has been protested by Damascus. ... 87 Related Jordan "
        "Detains 49 Smuggling Suspects in Showcase Operation Ahead of Sunday Vote Syrian "
        "Army Frees Territories Near Homs Airbase From Daesh Four Senior Daesh Commanders "
        "Killed in Afghanistan by US Mother of All Bombs US Coalition Strikes Kill 3 Daesh "
        "Senior Leaders 12 Militants Near Iraqi Sinjar Tags militants Kurds\n"
    )
    found = by_number(claims_of(text, nlp))
    assert (found["3"].counted, found["3"].action) == ("leaders", "kill")
    assert found["12"].action == "kill"
    assert found["Four"].period is None  # "Sunday" belongs to another headline


def test_related_headline_runs_are_recased_in_place() -> None:
    text = "Prose here. Related Army Frees 12 Villages Near Homs Rebels Lose Ground Tags Syria"
    cased, runs = related_headlines(text, frozenset())
    assert len(cased) == len(text)
    assert runs == ((text.index("Army"), text.index(" Tags")),)
    assert "frees 12 villages near Homs" in cased
    assert cased.endswith("Tags Syria")  # the tag list is left alone
