"""Resolution: one text fold, IRI keys that transliterate, one node per real thing."""

from __future__ import annotations

from innograph.loaders.extract.resolve import entity_slug, name_key
from innograph.ontology.text import fold, fold_letters, key_slug

from innograph.iris import slug


def test_fold_transliterates_letters_without_a_decomposition() -> None:
    assert fold("Grøn  Omstilling") == "gron omstilling"
    assert fold("Æblerød Œuvre Straße") == "aeblerod oeuvre strasse"
    assert fold("Århus") == "aarhus"
    assert fold("La Région d’Île-de-France") == "la region d ile de france"


def test_fold_letters_keeps_punctuation() -> None:
    assert fold_letters("Tiers-Lieux, Ærø!") == "tiers-lieux, aero!"


def test_iri_keys_keep_every_letter() -> None:
    assert slug("Interreg Østersøen") == "interreg-ostersoen"
    assert key_slug("Københavns Universitet") == "kobenhavns-universitet"
    assert entity_slug("Den Store Bæltforbindelse") == "store-baeltforbindelse"
    assert slug("Ελλάδα").startswith("h")  # nothing ascii left: a stable hash, never an empty key


def test_name_key_drops_a_leading_article_only() -> None:
    assert name_key("La Région Normandie") == "region normandie"
    assert name_key("Le") == "le"
