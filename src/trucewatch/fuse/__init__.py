"""Fusion: many reports of one strike become one incident, with sources, figures and grade.

    fuse_events(reported, previous=..., decisions=..., quotes=..., designations=...)
    fingerprint(text) -> str          near_duplicate(a, b) -> float (estimated Jaccard)

Imports only `trucewatch.model`; the pipeline feeds it `ReportedEvent`s and stores incidents.
"""

from trucewatch.fuse.cluster import incident_id, split_id
from trucewatch.fuse.fusion import fuse_events
from trucewatch.fuse.rules import compatible_types, haversine_km, type_family
from trucewatch.fuse.summary import figure_range, independent_sources
from trucewatch.fuse.text import NEAR_DUPLICATE_JACCARD, fingerprint, near_duplicate

# v2: competing alleged attribution fuses across compatible types (contested grade)
# v3: an admission names the acting side as whole words (a "Syrian" monitor is not Syria)
FUSION_VERSION = "trucewatch.fuse.v3"

__all__ = [
    "FUSION_VERSION",
    "NEAR_DUPLICATE_JACCARD",
    "compatible_types",
    "figure_range",
    "fingerprint",
    "fuse_events",
    "haversine_km",
    "incident_id",
    "independent_sources",
    "near_duplicate",
    "split_id",
    "type_family",
]
