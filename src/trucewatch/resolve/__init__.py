"""Names -> actors and places, with reasons; who designates whom, when.

kb = load_kb(overlay_dir=None)          # load once, hold it, pass it down
kb.resolve_actor("Nusra Front", on=date(2016, 2, 12))
kb.resolve_place("Maaret al-Numan", context={"country": "SY"})
kb.is_designated("hts", by="US-FTO", on=date(2020, 1, 1))
"""

from trucewatch.resolve.kb import KB, DesignationAnswer, load_kb
from trucewatch.resolve.names import fold, name_key, skeleton
from trucewatch.resolve.places import haversine_km

__all__ = ["KB", "DesignationAnswer", "fold", "haversine_km", "load_kb", "name_key", "skeleton"]
