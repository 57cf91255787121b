"""Every number of the partner score, in one place (``README.md`` here says how they are used).

Changing a weight changes the ranking and the ``parts`` of every answer; the tests in
``tests/test_partners_rank.py`` state the expected parts, so they say what a change breaks.
"""

from __future__ import annotations

# score = sum of WEIGHTS[part] * part, each part between 0 and 1; the weights sum to 1.
WEIGHTS: dict[str, float] = {"themes": 0.50, "keywords": 0.10, "types": 0.15, "programmes": 0.15, "cooperation": 0.10}

# themes: a theme read on a project (or call, platform...) an organisation took part in counts
# this much of one the organisation has itself. Closeness in the SKOS scheme is in scheme.py.
ROLE_THEME_WEIGHT = 0.8
# ... and each further project on the same theme adds a step, up to PROJECT_THEME_CAP projects,
# where the theme counts as much as one the organisation states itself (1.0). Why: three Horizon
# projects on hydrogen say more than one, but an organisation in 200 projects must not outrank
# everyone on every theme; past the cap, the other parts of the score (types, programmes,
# cooperation) decide. With 5: 1 project 0.80, 2 0.85, 3 0.90, 4 0.95, 5 or more 1.00.
PROJECT_THEME_CAP = 5


def project_theme_weight(projects: int) -> float:
    """The weight of a theme read on ``projects`` projects (at least one) the organisation took part in."""
    steps = min(projects, PROJECT_THEME_CAP) - 1
    return ROLE_THEME_WEIGHT + (1.0 - ROLE_THEME_WEIGHT) * steps / (PROJECT_THEME_CAP - 1)

# types: how well two organisation types complement each other (unordered pairs).
SAME_TYPE = 0.4
OTHER_PAIR = 0.3
COMPLEMENTS: dict[frozenset[str], float] = {
    frozenset(("Company", "ResearchOrganisation")): 1.0,
    frozenset(("Company", "ClusterOrganisation")): 0.8,
    frozenset(("ResearchOrganisation", "ClusterOrganisation")): 0.8,
    frozenset(("PublicAuthority", "DevelopmentAgency")): 0.8,
    frozenset(("DevelopmentAgency", "ClusterOrganisation")): 0.8,
    frozenset(("PublicAuthority", "ResearchOrganisation")): 0.6,
    frozenset(("DevelopmentAgency", "Company")): 0.6,
    frozenset(("DevelopmentAgency", "ResearchOrganisation")): 0.6,
    frozenset(("EUOffice", "PublicAuthority")): 0.6,
    frozenset(("EUOffice", "DevelopmentAgency")): 0.6,
    frozenset(("PublicAuthority", "ClusterOrganisation")): 0.5,
}
COMPLEMENTARY = 0.6  # from this value on, the type is given as a reason

# cooperation: what the graph records of earlier participations.
COOPERATED = 1.0  # took part in something together with the seeker organisation
COOPERATED_WITH_COUNTRY = 0.5  # took part in something with an organisation of the seeker's country
ANY_PARTICIPATION = 0.2  # has any participation on record


def complement(seeker: tuple[str, ...], candidate: tuple[str, ...]) -> float:
    """The best complementarity between any type of the seeker and any of the candidate (0 if unknown)."""
    if not seeker or not candidate:
        return 0.0
    return max(
        SAME_TYPE if a == b else COMPLEMENTS.get(frozenset((a, b)), OTHER_PAIR) for a in seeker for b in candidate
    )
