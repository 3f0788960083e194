"""Frames that blind check sets found wrong: dates counted back, ranges of months,
casualty nouns that say what happened, legal asides, adjectives before a verb."""

from __future__ import annotations

import pytest
from spacy.language import Language

from keeptabs.extract.asides import without_legal_asides
from keeptabs.extract.casing import proper_names
from keeptabs.extract.claims import extract_claims
from keeptabs.segment.text import segment_text

from conftest import claims_of


def test_a_date_counted_back_is_the_period(nlp: Language) -> None:
    claims = claims_of(
        "Three weeks ago the market was shelled by militants, with the attack leaving 9 dead. "
        "A day ago, 12 people were wounded in Hama.",
        nlp,
    )
    assert claims["9"].period == "Three weeks ago"
    assert claims["12"].period == "A day ago"


def test_a_range_of_months_or_years_is_the_period(nlp: Language) -> None:
    claims = claims_of(
        "The group said 3400 detainees died from January 2012 to May 2014. "
        "Some 800 homes were destroyed between 2013 and 2015.",
        nlp,
    )
    assert claims["3400"].period == "from January 2012 to May 2014"
    assert claims["Some 800"].period == "between 2013 and 2015"


def test_a_date_after_a_list_of_tolls_dates_both(nlp: Language) -> None:
    claims = claims_of("Four people were killed and 11 other injured in Homs on Monday.", nlp)
    assert claims["Four"].period == "Monday"
    assert claims["11"].period == "Monday"


def test_claiming_martyrs_is_a_killing_and_martyrs_are_counted(nlp: Language) -> None:
    claims = claims_of("A car bomb hit a market in Jableh, claiming 6 martyrs and 20 injured.", nlp)
    assert (claims["6"].counted, claims["6"].action) == ("martyrs", "kill")
    assert (claims["20"].counted, claims["20"].action) == ("people", "injure")


def test_nouns_that_begin_like_a_month_are_counted(nlp: Language) -> None:
    claims = claims_of("Gunmen killed 12 Sunnis and abducted 3 monks near Homs.", nlp)
    assert claims["12"].counted == "Sunnis"
    assert claims["3"].counted == "monks"


def test_a_datelines_city_in_capitals_is_not_counted(nlp: Language) -> None:
    text = "Blast Near Bus Convoy Leaves Over 20 Dead MOSCOW (Sputnik) A blast hit."
    claims = claims_of(text, nlp)
    assert claims["Over 20"].counted != "MOSCOW"


def test_the_end_of_a_hyphenated_modifier_is_no_part_of_the_noun(nlp: Language) -> None:
    claims = claims_of("Fighters destroyed three explosive-laden vehicles near Homs.", nlp)
    assert claims["three"].counted == "vehicles"


def test_legal_aside_neither_splits_the_noun_nor_gives_the_place(nlp: Language) -> None:
    text = "Kurdish forces killed 40 Daesh (a terrorist group banned in Russia) fighters in Raqqa."
    blanked = without_legal_asides(text)
    assert len(blanked) == len(text) and "Russia" not in blanked
    claim = claims_of(text, nlp)["40"]
    assert (claim.counted, claim.place) == ("fighters", "Raqqa")
    assert (
        without_legal_asides("Rebels (mostly from Idlib) fled.")
        == "Rebels (mostly from Idlib) fled."
    )


def test_an_injured_adjective_gives_way_to_the_verb(nlp: Language) -> None:
    claims = claims_of("Doctors said three injured children died in hospital on Sunday.", nlp)
    assert claims["three"].action == "die"


def test_a_named_prison_is_the_place(nlp: Language) -> None:
    claims = claims_of(
        "Amnesty said 500 detainees were executed at Sednaya prison near Damascus.", nlp
    )
    assert claims["500"].place == "Sednaya prison"


def test_headlines_run_together_in_a_long_line_name_nothing() -> None:
    related = (
        "Related Turkey Detains 49 Suspects in Showcase Operation Ahead of Sunday Vote "
        "Syrian Army Frees Villages From Militants Near Homs US Strikes Kill 2 Senior Leaders "
        "Near Iraqi Sinjar Army Troops Retake Hills From Rebels in Southern Province Of Daraa"
    )
    names = proper_names(f"The army said on Monday that Kurdish forces took Tabqa.\n{related}\n")
    assert "Kill" not in names and "Detains" not in names
    assert "Kurdish" in names


def test_the_dead_taken_from_a_toll_keep_its_action(nlp: Language) -> None:
    claims = claims_of(
        "At least 30 people were killed. Twelve of the dead came from one family. "
        "Ten of the wounded were in critical condition.",
        nlp,
    )
    assert claims["Twelve"].action == "kill"
    assert claims["Ten"].action == "be"


def test_a_run_on_list_gives_each_figure_its_own_verb(nlp: Language) -> None:
    claims = claims_of(
        "The blast claimed the lives of five soldiers injured eight others. "
        "The group said 40 people died including 9 children and more than 50 wounded.",
        nlp,
    )
    assert claims["five"].action == "kill"
    assert claims["9"].action == "die"
    assert claims["more than 50"].action == "wound"


def test_headline_participles_rule_their_own_figures(nlp: Language) -> None:
    text = "Army Kills 40 Wounded 25 Militants in Hama\n\nThe army said it fought militants."
    claims = claims_of(text, nlp)
    assert claims["40"].action == "kill"
    assert claims["25"].action == "wound"
    headline = claims_of("Shelling of Homs 3 Children Killed 9 Injured\n\nShells hit Homs.", nlp)
    assert headline["3"].action == "kill"
    assert headline["9"].action == "injure"


def test_holding_a_share_of_a_place_is_control(nlp: Language) -> None:
    assert claims_of("The rebels hold 40 percent of Daraa.", nlp)["40 percent"].action == "control"


def test_a_place_that_sets_the_scene_is_the_innermost(nlp: Language) -> None:
    text = (
        "Maarat al-Numan in Idlib province suffered heavy raids which killed nine people "
        "including a child the Syrian Observatory for Human Rights said."
    )
    assert claims_of(text, nlp)["nine"].place == "Maarat al-Numan"


def test_a_place_near_a_city_is_where_it_happened(nlp: Language) -> None:
    text = "Clashes raged in Tal Abyad near Raqqa, where 30 soldiers were killed."
    assert claims_of(text, nlp)["30"].place == "Tal Abyad"


def test_phrasal_and_resultative_verbs_name_the_action(nlp: Language) -> None:
    claims = claims_of(
        "Police shot dead 3 gunmen in Homs. A family of 5 people was able to get out of Daraa. "
        "Mortar shells claimed 7 civilians in Hama.",
        nlp,
    )
    assert claims["3"].action == "kill"
    assert claims["5"].action == "leave"
    assert claims["7"].action == "kill"


def test_given_names_are_not_places(nlp: Language) -> None:
    claims = claims_of("Rebels killed 4 soldiers, said Ali Hassan, a commander.", nlp)
    assert claims["4"].place is None


def test_periods_counted_in_days_and_delays(nlp: Language) -> None:
    claims = claims_of(
        "For the third day, jets struck Douma, killing 14 people. "
        "Two hours later a second raid wounded 9 more. "
        "Some 60 people have died since a truce collapsed on May 3. "
        "Medics said 21 others died since dawn.",
        nlp,
    )
    assert claims["14"].period == "third day"
    assert claims["9"].period == "Two hours later"
    assert claims["Some 60"].period == "since a truce collapsed on May 3"
    assert claims["21"].period == "since dawn"


def test_since_periods_keep_the_year_the_part_of_day_and_whole_words(nlp: Language) -> None:
    claims = claims_of(
        "More than 180000 people have been killed since March 2011 in the war. "
        "Rebels said 39 fighters have died since Wednesday afternoon. "
        "The war has displaced 7 million people since it started with the brutal repression "
        "of anti-government protests in the southern city in 2011.",
        nlp,
    )
    assert claims["More than 180000"].period == "since March 2011"
    assert claims["39"].period == "since Wednesday afternoon"
    period = claims["7 million"].period
    assert period is not None and period.startswith("since it started with the brutal")
    words = (
        "since it started with the brutal repression of anti-government protests in the "
        "southern city in 2011"
    ).split()
    assert period.split()[-1] in words  # a long clause is cut after a whole word


def test_a_window_right_after_a_verb_of_saying_dates_the_report(nlp: Language) -> None:
    claims = claims_of(
        "The centre said earlier today that five people were killed in Aleppo. "
        "Earlier today 12 people were killed in Homs, the centre said.",
        nlp,
    )
    assert claims["five"].period is None
    assert claims["12"].period == "Earlier today"
    later = claims_of(
        "The monitor said earlier in the day that 213 civilians have been killed since a "
        "cease-fire collapsed on Monday.",
        nlp,
    )
    assert later["213"].period == "since a cease-fire collapsed on Monday"


def test_coordinated_modifiers_share_the_plural_noun(nlp: Language) -> None:
    claims = claims_of(
        "The monitor said 30 regime and 39 rebel fighters have been killed. "
        "At least 70 Syrian regime and rebel fighters have died in Aleppo. "
        "One soldier and two rebels were wounded.",
        nlp,
    )
    assert claims["30"].counted == claims["39"].counted == "fighters"
    assert claims["At least 70"].counted == "fighters"
    assert claims["One"].counted == "soldier"  # a singular figure keeps its noun


def test_vague_figures_take_their_own_verb_and_participle(nlp: Language) -> None:
    claims = claims_of(
        "Hundreds of thousands of civilians have been killed in the war mostly by the regime "
        "and its powerful allies and millions have been displaced both inside and outside of "
        "Syria. The death toll has reached 20 people in addition to tens of others injured "
        "SANA reported.",
        nlp,
    )
    assert claims["Hundreds of thousands"].action == "kill"
    assert claims["millions"].action == "displace"  # not a conjunct of "allies"
    assert claims["20"].action == "kill"
    assert claims["tens"].action == "injure"
    raids = claims_of("Dozens of air strikes on Aleppo killed at least 16 civilians.", nlp)
    assert raids["Dozens"].action == "conduct"  # raids counted are raids carried out
    assert raids["at least 16"].action == "kill"


def test_the_span_of_an_event_is_the_period(nlp: Language) -> None:
    claims = claims_of(
        "A civil defence worker said at least 32 people were killed in the city during the "
        "air strikes. Those who were executed during the storming of the al-Sheitaat area are "
        "around 300. During the day Friday airstrikes killed at least six people.",
        nlp,
    )
    assert claims["at least 32"].period == "during the air strikes"
    storming = claims["around 300"]
    assert storming.period == "during the storming of the al-Sheitaat area"
    assert storming.place == "al-Sheitaat"  # the period names where it happened
    assert claims["at least six"].period == "During the day Friday"


def test_lives_claimed_and_parts_among_the_dead_are_killings(nlp: Language) -> None:
    claims = claims_of(
        "Dozens of militants were also claimed in two towns of rural Damascus. "
        "The group claimed 20 soldiers were killed.",
        nlp,
    )
    assert claims["Dozens"].action == "kill"
    assert (claims["20"].action, claims["20"].source) == ("kill", "The group")
    headline = "2 medics among at least 31 dead in regime shelling of opposition-held town"
    text = f"{headline}\n\nThe shelling went on all day, the agency said.\n"
    found = extract_claims(text, segment_text(text, title=headline), doc_id="d", nlp=nlp)
    medics = next(c for c in found if c.number_text == "2")
    assert (medics.action, medics.part_of) == ("kill", 31)


def test_fractions_count_a_fraction_and_the_victims_were_killed(nlp: Language) -> None:
    claims = claims_of(
        "Daesh controls roughly one quarter of the province. A car bomb killed at least 26 "
        "people on Monday. The Observatory said 12 children were among the victims of the "
        "attack.",
        nlp,
    )
    assert claims["roughly one quarter"].counted == "fraction"
    assert (claims["12"].action, claims["12"].part_of) == ("kill", 26)
    included = claims_of(
        "Those killed included six women and five children. The wounded included 4 medics.", nlp
    )
    assert included["six"].action == included["five"].action == "kill"
    assert included["4"].action == "wound"


def test_a_window_keeps_the_activity_it_was_spent_on(nlp: Language) -> None:
    claims = claims_of(
        "At least 70 fighters have been killed in 24 hours of battle in Aleppo province. "
        "Seven days of airstrikes had left more than 75 civilians dead. "
        "Some 12 people died over the past two days.",
        nlp,
    )
    assert claims["At least 70"].period == "24 hours of battle"
    assert claims["more than 75"].period == "Seven days of airstrikes"
    assert claims["Some 12"].period == "past two days"
    raids = claims_of("The Tuesday raids killed at least 27 people in several districts.", nlp)
    assert raids["at least 27"].period == "Tuesday"  # the day of the attack that killed them


def test_a_tag_list_run_into_the_lead_is_a_sentence_of_its_own(nlp: Language) -> None:
    text = (
        "Shelling hit the city on Friday Tags Syria Aleppo UN Fatah al-Sham Eleven people "
        "were killed in Syrian rebel shelling of a regime-held district of Homs on Friday."
    )
    claim = claims_of(text, nlp)["Eleven"]
    assert claim.quote.startswith("Eleven people")
    assert (claim.place, claim.period) == ("Homs", "Friday")


def test_the_speaker_nearest_the_figure_gave_it(nlp: Language) -> None:
    claims = claims_of(
        "Five soldiers were killed in Daraa, a military source said, SANA reported. "
        "Another 65 people were injured in Jableh according to the Syrian Observatory for "
        "Human Rights with the toll expected to rise.",
        nlp,
    )
    assert (claims["Five"].source, claims["Five"].source_org) == ("a military source", None)
    assert claims["65"].source == "Syrian Observatory for Human Rights"


def test_a_month_counted_back_and_a_since_clause_before_its_speaker(nlp: Language) -> None:
    claims = claims_of(
        "In a similar attack last March, more than 40 people were killed in Homs. "
        "Some 90 people have died since a truce collapsed on May 3 according to the monitor.",
        nlp,
    )
    assert claims["more than 40"].period == "last March"
    assert claims["Some 90"].period == "since a truce collapsed on May 3"


def test_names_with_the_arabic_article_after_a_locative_are_places(nlp: Language) -> None:
    claims = claims_of(
        "Shells hit a meeting held in Qasr al-Mahmoud in al-Rastan area, killing 6 gunmen. "
        "Terrorists of Jaish al-Islam fired 4 shells on al-Wafideen Camp. "
        "Two people died in Jaish al-Islam attacks in Homs.",
        nlp,
    )
    assert claims["6"].place == "Qasr al-Mahmoud"
    assert claims["4"].place == "al-Wafideen Camp"
    assert claims["Two"].place == "Homs"


def test_the_country_of_a_named_army_is_the_country(nlp: Language) -> None:
    claims = claims_of(
        "The Iraqi army pressed its offensive on Monday. "
        "Some 3 million people have fled the country since 2014.",
        nlp,
    )
    assert claims["Some 3 million"].place == "Iraq"


def test_a_mine_that_claimed_a_life_sets_the_place_of_what_else_it_did(nlp: Language) -> None:
    text = (
        "A landmine which exploded in Tal Refaat village in the countryside of Azaz "
        "claimed the life of a woman and injured 3 children."
    )
    assert claims_of(text, nlp)["3"].place == "Tal Refaat"


def test_containers_named_after_a_place(nlp: Language) -> None:
    claims = claims_of(
        "The shelling of Maskana town in the eastern part of the Aleppo province killed 8 "
        "people. An air raid on Atmeh refugee camp in Idlib province left 5 dead.",
        nlp,
    )
    assert claims["8"].place == "Maskana"
    assert claims["5"].place == "Atmeh refugee camp"
    headline = claims_of("Rockets Kill 6 in Daraa Syria\n\nRockets hit Daraa.", nlp)
    assert headline["6"].place == "Daraa"


def test_a_city_with_the_country_around_it_is_kept_whole(nlp: Language) -> None:
    claims = claims_of(
        "Raids on Idlib and the neighbouring countryside killed 7 people. "
        "Raids on Raqqa and its outskirts killed 30 people.",
        nlp,
    )
    assert claims["7"].place == "Idlib and the neighbouring countryside"
    assert claims["30"].place == "Raqqa"


def test_trailing_headline_reports_and_figures_after_according_to(nlp: Language) -> None:
    headline = claims_of("Blast Kills 12 in Idlib Market - Reports\n\nA blast hit Idlib.", nlp)
    assert headline["12"].source == "Reports"
    claims = claims_of(
        "Shells hit the district killing according to the latest toll 44 civilians.", nlp
    )
    assert claims["44"].source is None


def test_a_comma_less_second_toll_keeps_its_verb_to_itself(nlp: Language) -> None:
    claims = claims_of("A suicide bomber killed 30 people injured 90 on Monday.", nlp)
    assert claims["30"].action == "kill"
    assert claims["90"].action == "injure"


def test_a_headlines_run_on_verbs_are_verbs(nlp: Language) -> None:
    claims = claims_of("Car Bomb in Azaz Kills 12 Injures 40\n\nA car bomb hit Azaz.", nlp)
    assert (claims["12"].counted, claims["12"].action) == ("people", "kill")
    assert (claims["40"].counted, claims["40"].action) == ("people", "injure")


def test_the_number_of_something_counts_it(nlp: Language) -> None:
    claims = claims_of("The number of civilians killed in the raids on Douma has risen to 35.", nlp)
    assert (claims["35"].counted, claims["35"].action) == ("civilians", "kill")


def test_the_slain_were_killed(nlp: Language) -> None:
    assert claims_of("The army said 45 militants were slain.", nlp)["45"].action == "kill"


def test_the_acronym_is_is_a_group_not_a_verb(nlp: Language) -> None:
    claims = claims_of(
        "Kurdish forces said 10 IS militants were killed near Tabqa on Saturday.", nlp
    )
    assert (claims["10"].counted, claims["10"].action) == ("militants", "kill")


def test_a_headlines_trailing_report_is_its_source_before_any_parse(nlp: Language) -> None:
    text = "Air strikes kill 8 IS group militants Report\n\nAir strikes hit the town."
    assert claims_of(text, nlp)["8"].source == "Report"


@pytest.mark.parametrize(
    ("headline", "number", "action"),
    [
        ("Syrian Army Kills 15 Terrorists in Qalamoun Advances in Jobar", "15", "kill"),
        ("Twin Suicide Blasts Target Checkpoint near Damascus Claim 4 Martyrs", "4", "kill"),
        ("Twin Bomb Attacks Kill 50 Injure Dozens in Homs Province", "Dozens", "injure"),
        ("Airstrikes Kill At Least 20 in Idlib", "At Least 20", "kill"),
    ],
)
def test_a_toll_verb_right_before_a_headline_figure_rules_it(
    headline: str, number: str, action: str, nlp: Language
) -> None:
    text = f"{headline}\n\nThe attacks went on all day, the agency said.\n"
    claims = extract_claims(text, segment_text(text, title=headline), doc_id="d", nlp=nlp)
    assert {c.number_text: c.action for c in claims}[number] == action
