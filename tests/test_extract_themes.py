"""Themes: found as written, and each given only to the entity its clause speaks of (issue 10, item 5)."""

from __future__ import annotations

import pytest
from innograph.loaders.base import SourceMeta
from innograph.loaders.extract.facts import DocumentFacts, EntityFact, Mention
from innograph.loaders.extract.relations import extract_relations
from innograph.loaders.extract.theme_phrases import head_phrases, numbered_items
from innograph.loaders.extract.themes import _names_no_topic, clause_spans, extract_themes
from innograph.loaders.extract.to_rdf import to_rdf
from pyoxigraph import Literal, NamedNode

from innograph.iris import Iris

IRIS = Iris("https://w3id.org/innograph/")
KEYWORD = NamedNode(IRIS.term("keyword"))
SENTENCE = NamedNode(IRIS.term("sentence"))
EVIDENCE_VALUE = NamedNode(IRIS.term("evidenceValue"))


def _entity(text: str, kind: str, name: str) -> EntityFact:
    mentions, start = [], text.find(name)
    while start >= 0:
        mentions.append(Mention(start, start + len(name), name, "test"))
        start = text.find(name, start + 1)
    return EntityFact(kind=kind, name=name, mentions=mentions)


def _run(text: str, language: str, main: str, others: tuple[str, ...]) -> DocumentFacts:
    """Hand-made entities (clusters), then the theme and relation passes."""
    entities = [_entity(text, "cluster", name) for name in (main, *others)]
    facts = DocumentFacts(doc_id="doc", text=text, language=language, entities=entities)
    facts.main_entity = entities[0]
    extract_themes(facts)
    extract_relations(facts, SourceMeta(doc_id="doc"))
    return facts


def _holders(facts: DocumentFacts) -> dict[str, list[str]]:
    main = facts.main_entity
    assert main is not None
    return {t.text.casefold(): [e.name for e in t.subjects] or [main.name] for t in facts.themes}


CASES = [
    (
        "en",
        "Alpha Cluster works on biotechnology. It meets Beta Cluster, Gamma Cluster and Delta Cluster.\n"
        "Beta Cluster works on hydrogen, while Gamma Cluster works on tourism.\n",
        {"biotechnology": ["Alpha Cluster"], "hydrogen": ["Beta Cluster"], "tourism": ["Gamma Cluster"]},
    ),
    (
        "da",
        "Alpha Cluster arbejder med bioteknologi. Den møder Beta Cluster og Gamma Cluster.\n"
        "Beta Cluster arbejder med brint, mens Gamma Cluster arbejder med turisme.\n",
        {"bioteknologi": ["Alpha Cluster"], "brint": ["Beta Cluster"], "turisme": ["Gamma Cluster"]},
    ),
    (
        "fr",
        "Alpha Cluster travaille sur la biotechnologie. Il rencontre Beta Cluster et Gamma Cluster.\n"
        "Beta Cluster travaille sur l'hydrogène, tandis que Gamma Cluster travaille sur le tourisme.\n",
        {"biotechnologie": ["Alpha Cluster"], "hydrogène": ["Beta Cluster"], "tourisme": ["Gamma Cluster"]},
    ),
    (
        "nl",
        "Alpha Cluster werkt aan biotechnologie. Het ontmoet Beta Cluster en Gamma Cluster.\n"
        "Beta Cluster werkt aan waterstof, terwijl Gamma Cluster werkt aan toerisme.\n",
        {"biotechnologie": ["Alpha Cluster"], "waterstof": ["Beta Cluster"], "toerisme": ["Gamma Cluster"]},
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_clause_gives_its_theme_to_the_entity_it_names(
    language: str, text: str, expected: dict[str, list[str]]
) -> None:
    facts = _run(text, language, "Alpha Cluster", ("Beta Cluster", "Gamma Cluster", "Delta Cluster"))
    assert _holders(facts) == expected


def test_a_theme_in_an_entity_name_belongs_to_that_entity_not_the_main_one() -> None:
    text = "Alpha Cluster works on biotechnology and meets Energy Cluster Denmark and Water Cluster.\n"
    facts = _run(text, "en", "Alpha Cluster", ("Energy Cluster Denmark", "Water Cluster"))
    holders = _holders(facts)
    assert holders["biotechnology"] == ["Alpha Cluster"]
    assert holders.get("energy", ["Energy Cluster Denmark"]) == ["Energy Cluster Denmark"]
    assert holders.get("water", ["Water Cluster"]) == ["Water Cluster"]


def test_an_enumeration_of_subjects_shares_the_theme() -> None:
    text = "Alpha Cluster hosts the meeting. Beta Cluster, Gamma Cluster and Delta Cluster work on tourism.\n"
    facts = _run(text, "en", "Alpha Cluster", ("Beta Cluster", "Gamma Cluster", "Delta Cluster"))
    assert _holders(facts)["tourism"] == ["Beta Cluster", "Gamma Cluster", "Delta Cluster"]


def test_a_clause_that_names_the_main_entity_keeps_the_theme_on_it() -> None:
    text = "Beta Cluster meets Alpha Cluster about tourism.\n"
    facts = _run(text, "en", "Alpha Cluster", ("Beta Cluster",))
    assert _holders(facts)["tourism"] == ["Alpha Cluster"]


def test_clauses_are_cut_at_semicolons_and_contrast_words() -> None:
    text = "One works on energy; two on water, while three on food. Next sentence.\n"
    pieces = [text[s:e].strip(" ;,") for s, e in clause_spans(text)]
    assert pieces == ["One works on energy", "two on water", "while three on food.", "Next sentence."]


def test_the_graph_puts_each_theme_on_its_entity_with_the_clause_as_evidence() -> None:
    text = (
        "Alpha Cluster works on biotechnology.\nBeta Cluster works on hydrogen, while Gamma Cluster works on tourism.\n"
    )
    facts = _run(text, "en", "Alpha Cluster", ("Beta Cluster", "Gamma Cluster"))
    public, _ = to_rdf(facts, SourceMeta(doc_id="doc"), IRIS, content_hash="x")
    keywords = {(t.subject.value.rsplit("/", 1)[-1], t.object.value) for t in public if t.predicate == KEYWORD}
    assert keywords == {
        ("alpha-cluster", "biotechnology"),
        ("beta-cluster", "hydrogen"),
        ("gamma-cluster", "tourism"),
    }
    hydrogen = Literal("hydrogen", language="en")
    evidence = {t.subject for t in public if t.predicate == EVIDENCE_VALUE and t.object == hydrogen}
    sentences = {t.object.value for t in public if t.subject in evidence and t.predicate == SENTENCE}
    assert sentences == {"Beta Cluster works on hydrogen"}


# (language, text, every theme written): the phrase after the cue, besides the known theme word in it
TOPIC_CASES = [
    (
        "en",
        "The office helps companies in the field of marine robotics. It opens in May.\n",
        ["robotics", "marine robotics"],
    ),
    (
        "fr",
        "L'agence aide les entreprises dans le domaine de la chimie verte. Elle ouvre en mai.\n",
        ["chimie", "chimie verte"],
    ),
    ("da", "Kontoret hjælper virksomheder inden for grøn omstilling. Det åbner i maj.\n", ["grøn omstilling"]),
    (
        "nl",
        "Het bureau helpt bedrijven op het gebied van slimme landbouw. Het opent in mei.\n",
        ["landbouw", "slimme landbouw"],
    ),
]


@pytest.mark.parametrize(("language", "text", "themes"), TOPIC_CASES, ids=[c[0] for c in TOPIC_CASES])
def test_a_topic_cue_gives_the_noun_phrase_after_it(language: str, text: str, themes: list[str]) -> None:
    facts = DocumentFacts(doc_id="doc", text=text, language=language)
    extract_themes(facts)
    assert [t.text for t in facts.themes] == themes


def test_numbers_and_field_labels_are_not_themes() -> None:
    text = (
        "Topics\n • Deadline\n     1 September\n • Tourism\n • Health\n\n"
        "Priorities are tourism, priority 5 and health.\n"
    )
    facts = DocumentFacts(doc_id="doc", text=text, language="en")
    extract_themes(facts)
    assert [t.text for t in facts.themes] == ["Tourism", "Health"]  # no 'Deadline', no 'priority 5'


def _themes(text: str, language: str) -> list[str]:
    facts = DocumentFacts(doc_id="doc", text=text, language=language)
    extract_themes(facts)
    return [t.text for t in facts.themes]


def test_a_label_whose_value_is_indented_less_than_its_text_is_a_field_label() -> None:
    assert _themes("Info\n\n • Budget line\n\n  Open to all\n\n • Tourism\n • Health\n", "en") == [
        "Tourism",
        "Health",
    ]


ACTOR_CASES = [
    ("en", "We invite universities, companies, hospitals and NGOs to work on hydrogen.\n", "hydrogen"),
    ("fr", "Sont éligibles les universités, les communes, les collectivités et les partenaires.\n", None),
    ("da", "Ansøgere kan være kommuner, virksomheder og andre juridiske enheder.\n", None),
    ("nl", "Deelnemers zijn gemeenten, bedrijven en andere organisaties.\n", None),
]


@pytest.mark.parametrize(("language", "text", "topic"), ACTOR_CASES, ids=[c[0] for c in ACTOR_CASES])
def test_a_list_of_actors_lists_who_not_what(language: str, text: str, topic: str | None) -> None:
    themes = _themes(text, language)
    assert themes == ([topic] if topic else [])


def test_general_words_in_a_list_are_no_topics() -> None:
    themes = _themes("Vi ser muligheder, nye, kendetegn og turisme.\n", "da")
    assert themes == ["turisme"]


def test_the_head_of_a_phrase_stands_before_its_preposition_and_first_in_french() -> None:
    assert not _names_no_topic("udvikling af kommuner", head_first=False)
    assert _names_no_topic("andre juridiske enheder", head_first=False)
    assert _names_no_topic("des universités européennes", head_first=True)
    assert not _names_no_topic("création d'entreprises", head_first=True)


HEAD_PHRASE_CASES = [
    ("en", "The region invests in the circular economy and supports innovation.\n", ["circular economy"]),
    ("da", "Kommunen satser på grøn omstilling og erhvervsudvikling.\n", ["grøn omstilling", "erhvervsudvikling"]),
    ("nl", "De provincie kiest voor een koolstofarme economie en kennisontwikkeling.\n",
     ["koolstofarme economie", "kennisontwikkeling"]),
    ("fr", "La région soutient la transition écologique et le transfert de technologie.\n",
     ["transition écologique", "transfert de technologie"]),
]


@pytest.mark.parametrize(("language", "text", "phrases"), HEAD_PHRASE_CASES, ids=[c[0] for c in HEAD_PHRASE_CASES])
def test_a_general_head_word_gives_the_topic_phrase_it_ends_or_opens(
    language: str, text: str, phrases: list[str]
) -> None:
    assert [p for _, p in head_phrases(text, language)] == phrases
    assert [text[at : at + len(p)] for at, p in head_phrases(text, language)] == phrases  # offsets point at them


def test_a_bare_general_head_says_nothing_but_a_compound_does() -> None:
    assert [p for _, p in head_phrases("Development matters. We work on development.\n")] == []
    # a compound with a plural ending, and one whose head comes first (no topic head at its end)
    assert [p for _, p in head_phrases("Der er innovationssamarbejder og udviklingsprojekter.\n", "da")] == [
        "innovationssamarbejder"
    ]


def test_a_governing_verb_is_no_modifier_and_a_head_is_a_topic_of_its_own() -> None:
    assert [p for _, p in head_phrases("We support innovation and foster growth.\n")] == []
    assert [p for _, p in head_phrases("Fokus på omstilling og sundhed.\n")] == []
    assert [p for _, p in head_phrases("Zij kiezen robuuste en slimme economieën.\n", "nl")] == [
        "robuuste en slimme economieën"
    ]


def test_a_head_word_of_two_languages_takes_the_longer_phrase_and_the_documents_language_on_a_tie() -> None:
    # 'economie' is a Dutch head (modifier before) and, folded, the French 'économie' (modifier after)
    assert [p for _, p in head_phrases("Zij helpt de regionale economie vooruit.\n", "nl")] == ["regionale economie"]
    assert [p for _, p in head_phrases("Zij helpt de regionale economie vooruit.\n", "fr")] == ["economie vooruit"]
    assert [p for _, p in head_phrases("Il aide de economie verte et durable.\n", "nl")] == ["economie verte"]


def test_a_list_numbered_inside_a_sentence_gives_its_items() -> None:
    text = "Four priorities: (1) robust economies; (2) green transition; (3) biodiversity and (4) better governance.\n"
    assert [p for _, p in numbered_items(text)] == [
        "robust economies",
        "green transition",
        "biodiversity",
        "better governance",
    ]
    assert list(numbered_items("See (1) above.\n")) == []  # one mark is a reference, not a list


def test_the_theme_pass_keeps_head_phrases_and_numbered_items_once() -> None:
    text = "Our priorities are (1) smart growth; (2) the blue economy.\nThe blue economy and regional cooperation.\n"
    assert _themes(text, "en") == ["smart growth", "blue economy", "regional cooperation"]


LIST_CUE_CASES = [
    ("en", "Key areas: smart grids, quantum sensing and urban farming.\n",
     ["smart grids", "quantum sensing", "urban farming"]),
    ("nl", "De speerpunten: slimme netten, kwantumtechnologie en stadslandbouw.\n",
     ["slimme netten", "kwantumtechnologie", "stadslandbouw"]),
    ("da", "Fokusområder: smarte net, kvanteteknologi og bylandbrug.\n",
     ["smarte net", "kvanteteknologi", "bylandbrug"]),
    ("fr", "Les filières : réseaux intelligents, capteurs quantiques et agriculture urbaine.\n",
     ["réseaux intelligents", "capteurs quantiques", "agriculture urbaine"]),
]


@pytest.mark.parametrize(("language", "text", "themes"), LIST_CUE_CASES, ids=[c[0] for c in LIST_CUE_CASES])
def test_a_list_after_a_cue_noun_gives_topics_that_no_term_table_knows(
    language: str, text: str, themes: list[str]
) -> None:
    assert _themes(text, language) == themes


def test_a_list_without_cue_or_topic_word_is_no_list_of_topics() -> None:
    assert _themes("Our days: smart grids, quantum sensing and urban farming.\n", "en") == []


def test_a_bare_head_takes_the_complement_its_language_links_to_it() -> None:
    assert [p for _, p in head_phrases("They plan the development of clusters.\n", "en")] == ["development of clusters"]
    assert [p for _, p in head_phrases("Det handler om udvikling af landdistrikter.\n", "da")] == [
        "udvikling af landdistrikter"
    ]
    # a modifier before the head makes the phrase without the complement
    assert [p for _, p in head_phrases("A regional development of clusters.\n", "en")] == ["regional development"]
    assert [p for _, p in head_phrases("En lokal udvikling af landdistrikter.\n", "da")] == ["lokal udvikling"]
