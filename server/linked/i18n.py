"""The few words of the linked-data pages, in the four languages of the corpus."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "properties": "Properties", "evidence": "Evidence", "sources": "Sources",
        "referenced_by": "Referenced by", "formats": "Other formats", "type": "Type",
        "not_found": "Not found", "source": "source", "graph": "named graph", "characters": "characters",
        "not_found_text": "Nothing is known about this IRI here.", "similar": "Similar IRIs",
        "browse": "Browse", "triples": "triples", "language": "Language", "document": "document",
        "subjects": "Resources", "in_graph": "Graph",
    },
    "fr": {
        "properties": "Propriétés", "evidence": "Preuves", "sources": "Sources",
        "referenced_by": "Cité par", "formats": "Autres formats", "type": "Type",
        "not_found": "Introuvable", "source": "source", "graph": "graphe nommé", "characters": "caractères",
        "not_found_text": "Rien n'est connu ici sur cet IRI.", "similar": "IRI proches",
        "browse": "Parcourir", "triples": "triplets", "language": "Langue", "document": "document",
        "subjects": "Ressources", "in_graph": "Graphe",
    },
    "da": {
        "properties": "Egenskaber", "evidence": "Belæg", "sources": "Kilder",
        "referenced_by": "Henvist fra", "formats": "Andre formater", "type": "Type",
        "not_found": "Ikke fundet", "source": "kilde", "graph": "navngiven graf", "characters": "tegn",
        "not_found_text": "Der kendes intet om denne IRI her.", "similar": "Lignende IRI'er",
        "browse": "Gennemse", "triples": "tripler", "language": "Sprog", "document": "dokument",
        "subjects": "Ressourcer", "in_graph": "Graf",
    },
    "nl": {
        "properties": "Eigenschappen", "evidence": "Bewijs", "sources": "Bronnen",
        "referenced_by": "Verwezen door", "formats": "Andere formaten", "type": "Type",
        "not_found": "Niet gevonden", "source": "bron", "graph": "benoemde graaf", "characters": "tekens",
        "not_found_text": "Hier is niets bekend over deze IRI.", "similar": "Vergelijkbare IRI's",
        "browse": "Bladeren", "triples": "triples", "language": "Taal", "document": "document",
        "subjects": "Bronnen", "in_graph": "Graaf",
    },
}


def word(lang: str, key: str) -> str:
    return WORDS.get(lang, WORDS["en"]).get(key) or WORDS["en"][key]
