"""Where a figure happened: the place rules of keeptabs.extract.places, one behaviour each."""

from __future__ import annotations

import pytest
from spacy.language import Language

from keeptabs.extract.claims import extract_claims
from keeptabs.extract.gazetteer import city_population, is_place_name
from keeptabs.segment.text import segment_text
from keeptabs.types import Segment


def place_of(text: str, number: str, nlp: Language) -> str | None:
    claims = extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)
    found = {claim.number_text: claim.place for claim in claims}
    assert number in found, f"no claim for {number!r} in {sorted(found)}"
    return found[number]


@pytest.mark.parametrize(
    ("text", "number", "place"),
    [
        # the town, not the country or province it lies in
        (
            "Shelling killed 12 people in the town of Saraqib in Syria's Idlib province.",
            "12",
            "Saraqib",
        ),
        ("Shelling killed 9 civilians in Douma, Rural Damascus, on Friday.", "9", "Douma"),
        (
            "Jets hit a clinic in Ariha in the southern Idlib countryside, killing four.",
            "four",
            "Ariha",
        ),
        # where people left from, not where they went
        (
            "About 600 residents left Madaya on Monday in buses bound for Idlib.",
            "About 600",
            "Madaya",
        ),
        ("Nearly 900 families fled to Afrin from Tal Rifaat.", "Nearly 900", "Tal Rifaat"),
        # a run of coordinated places is kept whole, whichever is nearest
        ("Buses carrying 700 people left Foua and Kefraya at dawn.", "700", "Foua and Kefraya"),
        # a place in the clause the figure's clause hangs from
        ("A car bomb exploded in Azaz on Sunday, killing eight and wounding 20.", "20", "Azaz"),
        ("Clashes near Hama left at least 30 dead, a monitor said.", "at least 30", "Hama"),
        # "on X" after an attack noun
        ("At least 14 people were wounded in an air strike on Saraqib.", "At least 14", "Saraqib"),
        # "central" is a compass part like "northern"
        ("Fighting in central Syria killed 25 soldiers.", "25", "Central Syria"),
        # an apposition that says where a place lies, though only it is in the clause
        (
            "The toll was highest in Douma the largest town in Eastern Ghouta where raids "
            "killed 16 civilians.",
            "16",
            "Douma",
        ),
        # a compass part, whoever holds it
        ("Shells hit western regime-held districts in Aleppo killing five.", "five", "West Aleppo"),
        # a building named for no place is the place; one named for its village is it
        ("Damage to Sham hospital in Idlib cut off 500000 people.", "500000", "Sham hospital"),
        ("Jets hit Latamneh hospital in Hama killing two people.", "two", "Latamneh"),
        ("51 bodies were taken from Military Hospital in Aleppo.", "51", "Military Hospital"),
        # a name joined by "and" to a place is a place too
        (
            "Shells killed 10 civilians in the districts of Karam Alnozha and Tal Alzarazir.",
            "10",
            "Karam Alnozha and Tal Alzarazir",
        ),
        # a bearing from a place locates the place before it; so does "rural"
        (
            "Raids on the region of Al-Quriyah southeast of Deir Ezzor city killed 58.",
            "58",
            "Al-Quriyah",
        ),
        (
            "Jets hit the town of Khan Tuman in southern rural Aleppo killing 15.",
            "15",
            "Khan Tuman",
        ),
        # a named street; a province named by where it lies keeps no compass part
        (
            "Three were injured when a shell hit al-Kallasa Street in al-Sulimaniah district.",
            "Three",
            "al-Kallasa Street",
        ),
        ("Jets struck a town in Syrias northern Aleppo province killing ten.", "ten", "Aleppo"),
        # "the X district of Y": X is a part of the city Y
        ("Shells hit the Mezzeh district of Damascus killing 15 people.", "15", "Mezzeh"),
        # a "where" clause is about the place it hangs from
        ("Jets pounded Raqqa where 8000 people remain trapped.", "8000", "Raqqa"),
        # a possessive that lost its apostrophe in scraping
        ("Yemens war has killed more than 10000 people.", "more than 10000", "Yemen"),
        # a name before a kind of place is the place's name
        ("A car bomb killed five people in the Mezzeh area of the capital.", "five", "Mezzeh"),
        # a place outside the figure's clauses that sets the scene of the sentence
        (
            "Rocket attacks on al-Hamadaniyeh and Saif al-Dawleh neighborhoods left one person "
            "dead and three others injured.",
            "three",
            "al-Hamadaniyeh and Saif al-Dawleh",
        ),
        # ... in the subject of the first clause, the second a clause of its own
        (
            "A shelling of the northern neighborhoods of Damascus left six people dead and more "
            "than 10 wounded.",
            "more than 10",
            "North Damascus",
        ),
        (
            "Al-Jaberiyeh neighborhood was also targeted by the shelling where a woman was "
            "killed and 13 other people were injured.",
            "13",
            "Al-Jaberiyeh",
        ),
        (
            "In January the regimes siege of Madaya saw dozens die of starvation.",
            "dozens",
            "Madaya",
        ),
        # a country owning an institution is no place
        (
            "A twin bombing struck a town in northern Syria on Wednesday killing 44 people and "
            "wounding dozens more Syrias state-run news agency and Kurdish media reported.",
            "dozens",
            "North Syria",
        ),
        # a part named before its city, with words between
        (
            "Terrorists detonated a motorcycle parked in al-Mshairfeh residential neighborhood "
            "in Hasaka city injuring three citizens.",
            "three",
            "al-Mshairfeh",
        ),
        # a large city's possessive heading a Title Case headline
        (
            "Aleppos Civilian Massacre Continues 88 Killed & Injured\n\nRockets hit the city.\n",
            "88",
            "Aleppo",
        ),
        # "the country" named only by its war
        (
            "The Syrian civil war began in 2011. Since then nearly half of the countrys "
            "population has been forced to leave their homes.",
            "nearly half",
            "Syria",
        ),
        # a hyphenated name whose last part the tagger calls a common noun
        (
            "Airstrikes Kill at Least 12 Civilians in Syrian Deir ez-Zor\n\nJets struck twice.\n",
            "at Least 12",
            "Deir ez-Zor",
        ),
        # "the city" is the last city, not a district named since
        (
            "Air strikes hit Aleppo on Sunday, a monitor said. Rockets also fell on Sheikh "
            "Maqsoud in the morning. At least 32 people were killed in the rebel-held parts of "
            "the city.",
            "At least 32",
            "Aleppo",
        ),
        # "the southern neighbourhood of X" is all of X; a name the gazetteer completes
        (
            "Five people were killed in an air raid on the southern rebel-held neighbourhood "
            "of Sheikh Said it said.",
            "Five",
            "Sheikh Said",
        ),
        # a container in parentheses; a kind after the first of two coordinated places
        (
            "Jets hit a position near the town of Sukhna (in central Homs province) killing "
            "eight fighters.",
            "eight",
            "Sukhna",
        ),
        (
            "Two civilians were killed by rocket attacks that targeted Aleppo city and "
            "al-Hader town.",
            "Two",
            "Aleppo and al-Hader",
        ),
        # a chain of containers ends at the innermost place; "the Old City" is no "Old"
        (
            "A mortar shell fell in Bab Touma neighborhood in the Old City in Damascus "
            "injuring two civilians.",
            "two",
            "Bab Touma",
        ),
        # "the center of X" is central X, "the eastern half of X" its east
        (
            "Terrorists shelled the center of the Syrian capital of Damascus killing 2 people.",
            "2",
            "Central Damascus",
        ),
        (
            "More than 250000 people live in the eastern half of Aleppo.",
            "More than 250000",
            "East Aleppo",
        ),
        # a shrine and a cemetery are named sites; "the shrine" refers back to one
        (
            "Bombings near the Sayyida Zeinab shrine killed 134 people. Another bombing near "
            "the shrine in February left 50 people dead.",
            "50",
            "Sayyida Zeinab shrine",
        ),
        # a comma-less list closed by "and" in the body
        (
            "Five citizens were killed in attacks with shells in Aleppo Hama Damascus and its "
            "countryside.",
            "Five",
            "Aleppo Hama Damascus and its countryside",
        ),
        (
            "Three people were injured in terrorist attacks in Hama its countryside Homs Latakia "
            "and Tartus.",
            "Three",
            "Hama its countryside Homs Latakia and Tartus",
        ),
        # ... but a town and its province are no list
        (
            "A truck bomb exploded in the city of Qamishli Hasaka killing 48 people.",
            "48",
            "Qamishli",
        ),
    ],
)
def test_place_is_where_it_happened(text: str, number: str, place: str, nlp: Language) -> None:
    assert place_of(text, number, nlp) == place


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # a country before a noun reads as an adjective
        ("A bomb attack on Syria evacuees killed 43.", "43"),
        ("Six civilians died in U.S. air strikes on Monday.", "Six"),
        # a country as the subject of a transitive verb is its government
        ("Russia has lost at least 12 soldiers since 2015.", "at least 12"),
        # an armed group is not a place, even after "on"
        ("Jets carried out 40 raids on the Islamic State overnight.", "40"),
        # ... also when the verb with the object is joined to another
        ("Iraq is a close ally and has given it billions of dollars.", "billions"),
        # a country that says something is a speaker
        ("Rockets killed 5 people in what the United States says was an attack.", "5"),
        ("Turkeys state-run agency reported 15 deaths.", "15"),
        # a name in a compound adjective, or describing a common noun, is no place
        ("The Paris-based group counted 12 dead in the raid.", "12"),
        ("A bomb killed four people in the Kadyrov family hometown.", "four"),
        # a place inside the figure's period names the period's event
        ("Over 300000 people have been killed since Syrias war began in 2011.", "Over 300000"),
        # a place inside an organisation's name is no place
        ('Activists said 33 members of the "Islamic State in Iraq and Levant" died.', "33"),
        # a wire story's subheading is a sentence of its own
        (
            "Rebels held the north. - Air raids kill thousands - Jets kept pounding Aleppo.",
            "thousands",
        ),
        ("Fighting went on in Hama. There were 45 air strikes overnight.", "45"),
        # a name after "a" is a thing of that make, no place
        ("The car bomb held 7 kg of explosives and was concealed in a Mazda.", "7 kg"),
        # a border as a modifier names no border
        ("An assault on a key Syrian border town has left hundreds dead.", "hundreds"),
        # ... but a small town's name there is an ordinary word
        ("Most people left the town and 40 stayed.", "40"),
        # an abbreviated month is no place
        ("Last updated at Oct 042017 A strike killed 38 civilians on Wednesday.", "38"),
        # no scene from the object of a first clause joined to a second with its subject,
        # nor from a name describing a speaker
        ("Heavy shelling also hit Eastern Ghouta and dozens had been injured.", "dozens"),
        ("The Idlib Media Center said dozens of people had been killed.", "dozens"),
        # an actor's name that ends like a possessive ("Hamas", not Hama's)
        ("Hamas fighters killed 3 soldiers near the fence.", "3"),
        # where evacuees or fighters came from, named with its kind
        (
            "More than 900 fighters from the provinces of Hama and Idlib to the west were "
            "attacking the city.",
            "More than 900",
        ),
        # where fighters come from, a list of countries
        (
            "The army killed at least 40 militants on Sunday including several foreign "
            "combatants from Chechnya China (Xinjiang Province) Saudi Arabia and Uzbekistan.",
            "at least 40",
        ),
    ],
)
def test_no_place_where_none_is_named(text: str, number: str, nlp: Language) -> None:
    assert place_of(text, number, nlp) is None


def test_name_past_a_headline_divider_is_the_outlets(nlp: Language) -> None:
    text = "Israeli strike kills three soldiers | Jordan Times"
    headline = [Segment(kind="headline", start=0, end=len(text))]
    (claim,) = extract_claims(text, headline, doc_id="d", nlp=nlp)
    assert claim.place is None


def test_title_case_words_are_not_places(nlp: Language) -> None:
    """In a Title Case run every word is capitalised: only the gazetteer names a place
    (and not a town named with an ordinary word, "Police" in Poland)."""
    text = "Two Bombers Detonate Explosives Near Police Station in Damascus\n\nNo more.\n"
    claims = extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)
    assert claims[0].place == "Damascus"
    text = "35 Dead Dozens Wounded in Terrorist Battle in Aleppo\n\nFighting killed 35 people.\n"
    claims = extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)
    assert claims[0].place == "Aleppo"
    text = "Dozens of Casualties in Huge Truck Bomb Blast\n\nA truck bomb killed 31 people.\n"
    claims = extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)
    assert all(claim.place is None for claim in claims)


def test_gazetteer_keeps_big_cities_aliases_only() -> None:
    """One-word aliases of small towns are common words; those of large cities are kept."""
    assert is_place_name("Halab")  # Aleppo
    assert not is_place_name("Human")  # an alias of Uman (81,000 people)
    assert not is_place_name("Center")
    assert is_place_name("Saraqib")  # data/places.json
    assert not is_place_name("Sam")  # a three-letter alias of Damascus


def test_gazetteer_keeps_local_spellings_in_focus_countries() -> None:
    """In the countries the news covers most, towns of 50,000 keep their one-word
    spellings: outlets write "Idleb" and "Hamah" as often as "Idlib" and "Hama"."""
    assert is_place_name("Idleb")
    assert is_place_name("Hamah")
    assert not is_place_name("Human")  # still not in Ukraine
    assert city_population("Hama") == city_population("Hamah") > 0  # a city by either name


def test_title_case_headline_keeps_a_name_written_after_an_article(nlp: Language) -> None:
    """ "Deir el-Zour" is capitalised after "el-" in the body: the headline keeps it."""
    text = (
        "Daesh Terrorists Kill 33 Men in Syrias Deir el-Zour\n\n"
        "Militants killed the men near Deir el-Zour on Monday, a monitor said.\n"
    )
    claims = extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)
    assert claims[0].place == "Deir el-Zour"


@pytest.mark.parametrize(
    ("text", "number", "place"),
    [
        # "the village" is the place named as a village, not the province named after it
        (
            "Shells hit the village of Taftanaz in Idlib province on Monday. "
            "The strike on the village killed five people.",
            "five",
            "Taftanaz",
        ),
        # "the capital" is the capital of the country named before
        (
            "Fighting spread across Syria in May. Shells killed 11 people in the capital.",
            "11",
            "Damascus",
        ),
        # "the Syrian capital" names its country; "the capital Damascus" is no agent even
        # when the parser makes it the subject of "killed"
        ("Blasts rocked the Syrian capital on Monday killing 7 people.", "7", "Damascus"),
        ("Two bombs exploded in the Lebanese capital and killed 9 people.", "9", "Beirut"),
        (
            "A push to take the last rebel stronghold near the capital Damascus killed at "
            "least 23 people on Sunday the monitor said.",
            "at least 23",
            "Damascus",
        ),
        # "the east of the city" is a part of the city
        (
            "In Aleppo city at least 18 people were killed in air strikes in the east of the city.",
            "at least 18",
            "East Aleppo",
        ),
        (
            "Heavy fighting went on. At least 70 were killed in north of Syrias Aleppo on "
            "Thursday.",
            "At least 70",
            "north of Aleppo",
        ),
        # its edges, named before or after it
        (
            "About 1500 rebels have massed along the western edges of Aleppo since Friday.",
            "About 1500",
            "West Aleppo",
        ),
        # a word cut from a hyphenated one names nothing
        (
            "A car bombing killed at least 100 people in a majority-Alawite district of the "
            "central city of Homs.",
            "at least 100",
            "Homs",
        ),
        # the part of a place's countryside, named before or after it
        (
            "Jets intensified their bombardment on northern rural Homs leaving 12 civilians dead.",
            "12",
            "North Homs",
        ),
        (
            "A family of 6 persons was able to get out of Aleppo eastern countryside on Sunday.",
            "6",
            "East Aleppo",
        ),
        # a bearing from a place lies outside it and is kept as written
        # ... but a place the bearing locates, even at a distance, is the place
        (
            "Air raids in the town of Maarat al-Numan about 30 km (20 miles) south of Idlib "
            "killed another six people.",
            "six",
            "Maarat al-Numan",
        ),
        (
            "Separate air strikes southwest of Kafr Takharim killed at least 12 people.",
            "at least 12",
            "southwest of Kafr Takharim",
        ),
        (
            "A woman was killed and 25 others were wounded in a town south of the Syrian "
            "city of Homs on Saturday.",
            "25",
            "south of Homs",
        ),
        (
            "Government forces killed 1300 people with chemical weapons east and southwest of "
            "Damascus.",
            "1300",
            "east and southwest of Damascus",
        ),
        # "the country" of a text that names it only as an owner
        (
            "A minister in Syrias opposition government died. At least 12 people were killed in "
            "a car bomb attack in the south of the country on Thursday.",
            "At least 12",
            "South Syria",
        ),
        # two parts named together
        (
            "The war in Syria goes on. Air strikes killed at least 21 civilians in the south "
            "and northeast of the country.",
            "at least 21",
            "South and Northeast Syria",
        ),
        # "the country's north" is a part of the country
        (
            "Fighting in Syria went on. A car bomb in a town in the countrys north killed 22.",
            "22",
            "North Syria",
        ),
        # a Title Case run that ends on an attack is an event, not a place
        (
            "7 injured including 3 children in New Terrorist Rocket Shell Attacks in Homs "
            "neighborhood state TV announced.",
            "7",
            "Homs",
        ),
        # "the center of X" opening a headline without its article
        ("Center of Hama Shelled 4 Civilians Killed 9 Injured", "4", "Central Hama"),
        (
            "The monitor said that 40 evacuees from the northern towns of Fuaa and Kafraya "
            "were killed when a car bomb hit their buses west of Aleppo.",
            "40",
            "west of Aleppo",
        ),
        # ... but people from a town may have died there
        (
            "Activists reported the execution of 12 young men from the town of Altibni.",
            "12",
            "Altibni",
        ),
        # "countrys" can only be a possessive, whatever follows it
        (
            "The war in Syria continued. The countrys five-year civil war has killed more "
            "than 300000 people.",
            "more than 300000",
            "Syria",
        ),
        # a camp or a pocket named for a place keeps its noun
        ("About 4,000 people have left the Rukban camp this month.", "About 4,000", "Rukban camp"),
        # a name written with its kind, in a sentence with no figure, is remembered even
        # when neither the parser nor the gazetteer knows it; "district" and
        # "neighbourhood" name one kind of place
        (
            "The reporter died in an airstrike in the town of Qasrawin. Officials spoke "
            "later. The bombing also killed 13 people at a market in the same town.",
            "13",
            "Qasrawin",
        ),
        (
            "Jets bombed the district of Al Tawfiq overnight. Rescuers were searching the "
            "rubble. On Monday 24 people were killed in an attack on the same neighbourhood.",
            "24",
            "Al Tawfiq",
        ),
        # a list after a plural kind is kept whole, as written, though the parser finds
        # only some of its names; compass words join a list too
        (
            "Jets killed 9 people in the towns of Kafr Ruma Tal Shuqayr and Maarat Hurma.",
            "9",
            "Kafr Ruma Tal Shuqayr and Maarat Hurma",
        ),
        (
            "Shelling of the Eastern Ghouta and Western Ghouta zones of the Damascus region "
            "killed 12 people.",
            "12",
            "Eastern Ghouta and West Ghouta",
        ),
        # a list before a plural kind, and a neighbouring place, join the list
        (
            "Blasts that hit Tartous Homs and Hasakeh cities killed at least 42 people.",
            "at least 42",
            "Tartous Homs and Hasakeh",
        ),
        (
            "Raids killed 300 civilians in Deir Ezzor and neighbouring Raqqa province.",
            "300",
            "Deir Ezzor and Raqqa",
        ),
        # "the north of" a city is a part of it
        (
            "A strike hit a crowd in the north of Raqqa city killing at least 18 civilians.",
            "at least 18",
            "North Raqqa",
        ),
        # the claim's own clause refers back before the clause it hangs from is read; "a
        # northern district of X" is a part of the city X
        (
            "At least 15 civilians were killed in raids in a northern district of Manbij "
            "while six others were killed in a village near the city.",
            "six",
            "Manbij",
        ),
        # "the provincial capital" is a city named before, not the country's capital
        (
            "Troops fired on protesters in Syria. In Hama a day later 20000 people massed in "
            "the provincial capital.",
            "20000",
            "Hama",
        ),
        # "in the same place" is the place last named; where people come from is not
        # where the event happened
        (
            "In the area of the city of Qasrawin we destroyed a command post and up to 80 "
            "militants including 9 natives from the North Caucasus. In the same place we "
            "destroyed 18 vehicles.",
            "18",
            "Qasrawin",
        ),
        (
            "In the area of the city of Qasrawin we destroyed a command post and up to 80 "
            "militants including 9 natives from the North Caucasus.",
            "9",
            "Qasrawin",
        ),
        (
            "Up to 80 fighters including nine natives of the Northern Caucasus were "
            "destroyed in the area of Qasrawin the ministry said.",
            "nine",
            "Qasrawin",
        ),
        # a name with its kind that neither model nor gazetteer knows is a part of the
        # city it is a district of
        (
            "Four bombers blew themselves up in the al Tadamon district of Damascus "
            "killing 15 people.",
            "15",
            "al Tadamon",
        ),
        # at a sentence's start a place is a name when its kind follows, or when it is a
        # city of a million
        (
            "Tartous was hit too. Hasakeh city has been targeted often including in July "
            "when a bomber killed at least 16 people outside a bakery in the city.",
            "at least 16",
            "Hasakeh",
        ),
        ("Aleppo rebel tunnel blast killed 38 soldiers.", "38", "Aleppo"),
        # "there" is the place last named; "there were" names none
        (
            "A car bomb exploded in Jarablus. A week later a suicide attack there killed at "
            "least 32.",
            "at least 32",
            "Jarablus",
        ),
        # a border named by its countries is a place of its own
        (
            "Car bomb in Syria kills at least 17 near Turkish border",
            "at least 17",
            "Turkish border",
        ),
        (
            "A suicide bombing that targeted a Syria-Turkey border crossing killed 29 people.",
            "29",
            "Syria-Turkey border crossing",
        ),
        # a river, a sea or a range is a place
        (
            "A strike killed 38 civilians as they tried to cross the Euphrates River on rafts.",
            "38",
            "Euphrates River",
        ),
        # a held place contains the town in it; a list after "including"; a city "and its
        # countryside" is the region around it
        (
            "Jets struck Kafr Hamra town in opposition-held western Aleppo countryside where "
            "five civilians were killed.",
            "five",
            "Kafr Hamra",
        ),
        (
            "Air strikes killed 13 people when warplanes hit several rebel-held districts "
            "including al-Kalaseh Bustan al-Qasr and al-Sakhour.",
            "13",
            "al-Kalaseh Bustan al-Qasr and al-Sakhour",
        ),
        (
            "A total 54 civilians were killed in airstrikes on Aleppo and its countryside.",
            "54",
            "Aleppo and its countryside",
        ),
        # a name written with its kind is the whole name, not a known piece of it, nor a
        # Title Case participle after it
        (
            "The regime committed a massacre in the neighborhood of Bab Alnairab killing at "
            "least 25 civilians.",
            "at least 25",
            "Bab Alnairab",
        ),
        (
            "The army foiled an attack near the town of Manbij Killing 80 terrorists.",
            "80",
            "Manbij",
        ),
        # an actor or a nationality before "town" is no town's name
        (
            "Bombs kill 11 civilians in Daesh town in Syria. The bombs were dropped on Al "
            "Bab. Since Saturday at least 68 civilians have been killed in attacks on the town.",
            "at least 68",
            "Al Bab",
        ),
        # a site keeps its kind; a road named for the town it leads to is the town
        (
            "A suicide bombing near the Atmeh border crossing killed 50 fighters.",
            "50",
            "Atmeh border crossing",
        ),
        (
            "More than 170 soldiers died in the fight over Tabqa base.",
            "More than 170",
            "Tabqa base",
        ),
        (
            "Scores of rebels and 29 soldiers died fighting over the key Aleppo road.",
            "29",
            "Aleppo",
        ),
        # "the road" is the road named before
        (
            "Jets pounded the Castello road, the last supply route. The road was hit with over "
            "100 missiles.",
            "over 100",
            "Castello road",
        ),
        # an airport named with no name of its own is the town's
        (
            "Fighting broke out at the army airport in Deir al-Zor. Shelling killed 12 soldiers a "
            "few hundred metres from the airport.",
            "12",
            "Deir al-Zor",
        ),
        # a town or region that endures or sees something is where it happened
        (
            "Eastern Ghouta which is still home to an estimated 350000 people has endured years "
            "of siege.",
            "an estimated 350000",
            "Eastern Ghouta",
        ),
    ],
)
def test_place_named_before_or_with_its_kind(
    text: str, number: str, place: str, nlp: Language
) -> None:
    assert place_of(text, number, nlp) == place


@pytest.mark.parametrize(
    ("text", "number", "place"),
    [
        # places counted are located only by their own phrase
        (
            "Inspectors visited Saraqib in May and two other locations kept secret.",
            "two",
            None,
        ),
        ("Troops retook 20 villages in Hama province last week.", "20", "Hama"),
        (
            "Gains were made in Hama where the rebels have seized control of 14 villages.",
            "14",
            "Hama",
        ),
        # a place named before, inside the counted noun's own phrase
        (
            "Inspectors arrived in Syria on Monday. They will examine three attacks in the "
            "country.",
            "three",
            "Syria",
        ),
        # "the city center"; a possessive scraped without its apostrophe
        (
            "Jets struck Raqqa overnight. At least 16 strikes hit the city center.",
            "At least 16",
            "Raqqa",
        ),
        (
            "War came to Syria in 2011. Nearly half of the countrys people have fled.",
            "Nearly half",
            "Syria",
        ),
        # names in apposition to "villages" are places; "the villages" are those named
        (
            "Jets struck two villages Tokhar and Hoshariyeh on Tuesday.",
            "two",
            "Tokhar and Hoshariyeh",
        ),
        (
            "Jets struck two villages Tokhar and Hoshariyeh on Tuesday. The monitor said 56 "
            "civilians were killed in the strikes on the villages.",
            "56",
            "Tokhar and Hoshariyeh",
        ),
        (
            "Rebels besiege Foua and Kefraya near Idlib. Some 20000 people live in the two towns.",
            "Some 20000",
            "Foua and Kefraya",
        ),
        # "X is reported to have killed": the raised subject names the event
        (
            "The fighting in Aleppo is reported to have killed at least 130 civilians.",
            "at least 130",
            "Aleppo",
        ),
        # the innermost named place: a valley, a school, a suburb named after its city
        (
            "The sorties killed 10 ISIS members in al-Qadahat valley in Homs countryside.",
            "10",
            "al-Qadahat valley",
        ),
        (
            "At least 39 people were killed at the Akrameh al-Makhzumi school in Homs today.",
            "At least 39",
            "Akrameh al-Makhzumi school",
        ),
        ("A bomb killed 18 people in the Damascus suburb of Jaramana.", "18", "Jaramana"),
        # "the suburb" is the one named as a suburb
        (
            "A bomb killed 18 people in the Damascus suburb of Jaramana. Last year another car "
            "bomb killed at least 27 people in the southeastern suburb.",
            "at least 27",
            "Jaramana",
        ),
        # "the school" is one named so, not the town last named
        (
            "Jets hit the village of Hass. Four rescue workers searched after a strike on the "
            "school.",
            "Four",
            None,
        ),
        # an opening "according to" phrase is the source's; "the village of X" names X;
        # both clauses of a relative clause belong to its antecedent's event
        (
            "According to information from the local council of the city of Afrin the village "
            "of Kafr Jana suffered an air attack in which six people died and four more were "
            "injured.",
            "four",
            "Kafr Jana",
        ),
        # "the city" that describes the source names no place of the event
        (
            "The bomber blew himself up in the village of Tall Tawil. About 100 people were "
            "wounded according to the medical source in the city who gave the toll.",
            "About 100",
            None,
        ),
        # a road named with an adjective before it, in a sentence that is not parsed
        (
            "Rebels attacked the strategic Castello Road on Thursday. The Observatory said at "
            "least one car had been targeted on the road.",
            "at least one",
            "Castello Road",
        ),
        # a place in what another clause reports is not the figure's; a cause's place is
        (
            "Four Hezbollah members have been killed in Syria amid reports that dozens of "
            "fighters were killed in clashes outside Aleppo.",
            "Four",
            "Syria",
        ),
        (
            "Two Russian pilots were killed in Syria after militants shot down a helicopter "
            "near Palmyra.",
            "Two",
            "Palmyra",
        ),
        # two compass parts coordinated before the place
        (
            "At least 35 militants were killed in northern and northeastern Syria.",
            "At least 35",
            "North and Northeast Syria",
        ),
        # a known name of several words written in another case; a hyphen after an
        # Arabic article binds a lower-case part
        ("An airstrike killed 38 civilians in Deir az-zor on Wednesday.", "38", "Deir az-zor"),
        # a name written with its kind ends before the speaker run on after it
        (
            "A car bomb killed 20 people near the city of Deir al-Zor Syrias SANA state news "
            "agency said.",
            "20",
            "Deir al-Zor",
        ),
        # a name with an Arabic article joined by "and" to a place is a place too
        (
            "Two people were killed and 5 others were injured due to a rocket attack on "
            "al-Qosour and al-Jora residential neighborhoods in Deir Ezzor city.",
            "Two",
            "al-Qosour and al-Jora",
        ),
        # a name before a bearing ("north of Aleppo") is located by it, not a modifier
        (
            "The monitor said 39 fighters were killed in battles around Al-Maleh north of Aleppo.",
            "39",
            "Al-Maleh",
        ),
        # a place a possessive place owns is the inner one
        ("Airstrikes killed 61 civilians in Aleppos opposition-held Atareb.", "61", "Atareb"),
        # a name followed by "area" is a place
        (
            "Nineteen people were killed by missiles on the Hara area in southern Daraa.",
            "Nineteen",
            "Hara",
        ),
        # an unknown name that opens like an Arabic place name, where a place goes
        (
            "The monitor said three children were killed in air strikes on Tel Minis.",
            "three",
            "Tel Minis",
        ),
        # a square is a site named with its kind; "the same square" is that one
        (
            "A car bomb exploded in Siouf square in Jaramana. A similar bombing in the same "
            "square on July 25 killed at least seven people.",
            "at least seven",
            "Siouf square",
        ),
        # "the city" in a clause the claim's relative clause hangs from
        (
            "Jets hit Homs in April. A group in Syria said it was behind a similar bombing in "
            "the central city that killed at least 12 people in May.",
            "at least 12",
            "Homs",
        ),
        # "east of the city" without an article is outside it: no compass part
        (
            "Rebels hold Palmyra. Two pilots were killed when their jet was shot down east "
            "of the city.",
            "Two",
            "Palmyra",
        ),
    ],
)
def test_place_of_counted_places_and_references(
    text: str, number: str, place: str | None, nlp: Language
) -> None:
    assert place_of(text, number, nlp) == place


@pytest.mark.parametrize(
    ("text", "number", "place"),
    [
        # a facility after a locative preposition
        (
            "Six people were wounded near the Science and Technology Center on Monday.",
            "Six",
            "Science and Technology Center",
        ),
        (
            "Terrorists fired 10 rocket shells on the Municipal Palace in Aleppo city.",
            "10",
            "Municipal Palace",
        ),
        # "the hospital" is the one named before, possessive apostrophe lost in scraping
        (
            "Jets struck Kafr Nabl hospital on Monday. The hospitals director was one of "
            "three people killed.",
            "three",
            "Kafr Nabl",
        ),
        # a place describing the speaker is not where it happened
        (
            '"The dead number at least 40," said Ahmed Saleh, a member of parliament for Hama.',
            "at least 40",
            None,
        ),
        # a name said to be one of some "other neighbourhoods"
        (
            "Attacks on Sunday on Hamadaniyah Midan and other neighbourhoods by insurgents "
            "killed at least 20 people.",
            "at least 20",
            "Hamadaniyah Midan",
        ),
        # "the town" is no great city named since
        (
            "Jets struck Al Bab which is held by IS. The town is close to regime-held parts of "
            "Aleppo. In May more than 60 civilians were killed by barrel bombs on the town.",
            "more than 60",
            "Al Bab",
        ),
        # a name that only ends like a nationality ("Iraqi"), after "in"
        (
            "The Observatory said nine civilians were killed in Qaterji and two others in Mayssar.",
            "nine",
            "Qaterji",
        ),
        # a second clause whose subject the parser joined to the first one's object
        (
            "Explosions in Homs killed 20 people and civilian casualties were also reported "
            "in Hama Aleppo and Idlib.",
            "20",
            "Homs",
        ),
        # a site the gazetteer does not know, named with its kind in lower case
        (
            "A suicide bomber blew himself up inside al-Rawda hall killing 30 people.",
            "30",
            "al-Rawda hall",
        ),
        (
            "The army ambushed a group of fighters on Hawra barrens in Qalamoun killing 15.",
            "15",
            "Hawra barrens",
        ),
        # ... and inside a district named for its city
        (
            "Shells landed in Saha market in New Homs area claiming two lives.",
            "two",
            "Saha market",
        ),
        # a toll of a whole war is not located by the scene the sentence sets
        (
            "Peace talks in Geneva and the Kazakh capital Astana have failed to end the "
            "conflict in which hundreds of thousands of civilians are believed to have been "
            "killed.",
            "hundreds of thousands",
            None,
        ),
        # a place in what the speaker's verb says besides
        (
            "Air strikes on a market in the rebel-held northwestern city of Idlib Saturday killed "
            "24 people a monitor said a day after Russia and the US agreed a truce for Syria.",
            "24",
            "Idlib",
        ),
        # a place that only says where the speaker is
        (
            "Some 120 fighters were killed in Russian air strikes in Syria over the past 24 "
            "hours the defence ministry in Moscow said.",
            "Some 120",
            "Syria",
        ),
        # what "including" names only narrows the place of a share
        (
            "The war in Syria began in 2011. The government has regained control of 55 percent "
            "of the country including major cities Damascus Aleppo Homs and Hama.",
            "55 percent",
            "Syria",
        ),
        (
            "The missile strike on the airport killed four soldiers a source in Homs told "
            "reporters.",
            "four",
            None,
        ),
        # "a western district of the city" is some district, not the west of the city
        (
            "A bomb hit Qamishli on Wednesday. It killed 44 people in a western district of "
            "the city.",
            "44",
            "Qamishli",
        ),
        # a building named by a common noun, where the clauses name no place
        ("Four pupils were killed inside a classroom on Sunday.", "Four", "classroom"),
        ("An air strike wounded 12 shoppers in a fish market.", "12", "fish market"),
        ("An air strike wounded 12 shoppers in a market in Idlib.", "12", "Idlib"),
        ("Some 40 of the wounded were taken to a hospital.", "Some 40", None),
        # a border named by the country across it; a region of a country beats a border
        (
            "ISIL beheaded eight militants who had surrendered in a town on the border with "
            "Iraq last week.",
            "eight",
            "border with Iraq",
        ),
        (
            "Air strikes killed at least 20 fighters in northeastern Syria near the border "
            "with Iraq.",
            "at least 20",
            "Northeast Syria",
        ),
        # "the city and its countryside" refers back to both
        (
            "Jets pounded Aleppo again. Over 750 people have been killed in the bombing "
            "campaign on the city and its countryside.",
            "Over 750",
            "Aleppo and its countryside",
        ),
        # ... but a city that locates the region is where it happened
        (
            "A car bomb killed 20 people at a site in eastern Syria near the city of Deir al-Zor.",
            "20",
            "Deir al-Zor",
        ),
        # areas named by who holds them, where no name is given; not a target
        (
            "At least 71 civilians were killed in opposition-held areas.",
            "At least 71",
            "opposition-held areas",
        ),
        ("Rebel fire on regime-held areas killed 40 people.", "40", None),
        # a headline run into the story before a wire dateline does not locate its figures
        (
            "After Kurdish militia expelled jihadists in Qamishli last month rebels hit back "
            "killing 9 AFP Saturday 17 Aug 2013 Rebels attacked a mainly Kurdish town "
            "sparking fighting in which 12 people were killed a watchdog said on Saturday.",
            "12",
            None,
        ),
    ],
)
def test_place_of_facilities_speakers_and_parts(
    text: str, number: str, place: str | None, nlp: Language
) -> None:
    assert place_of(text, number, nlp) == place


@pytest.mark.parametrize(
    ("headline", "place"),
    [
        # a headline's places run together with no comma are a list, as written
        (
            "Ten civilians injured in attacks in Daraa countryside Aleppo Damascus",
            "Daraa countryside Aleppo Damascus",
        ),
        ("33 Militants Killed in Fierce Fighting in Homs Aleppo", "Homs Aleppo"),
        # a town and its container are not a list
        ("Six civilians suffer suffocation in gas attack on Mare city Aleppo", "Mare"),
        # a country before the speaker that closes a headline is the place, not a modifier
        ("School bombing kills 30 children in Syria monitor", "Syria"),
        ("Shelling kills 12 in northern Iraq State media", "North Iraq"),
        # a headline's clauses run together tell one event
        ("Rebels Commit Massacre in Idlib Village 14 Civilians Killed", "Idlib"),
        # "Damascus" owns no institution: it is no possessive of a village "Damascu"
        ("Bomb kills 18 in Damascus suburb state TV", "Damascus"),
    ],
)
def test_headline_run_of_places(headline: str, place: str, nlp: Language) -> None:
    text = f"{headline}\n\nThe attacks went on all day, the agency said.\n"
    claims = extract_claims(text, segment_text(text, title=headline), doc_id="d", nlp=nlp)
    assert claims[0].place == place


def test_case_folded_names_of_several_words_only() -> None:
    assert is_place_name("Deir az-zor")  # "Deir az-Zor"
    assert is_place_name("Ras Al-Ain") == is_place_name("Ras al-Ain")
    assert not is_place_name("most")  # a town "Most" exists; one word keeps its case
