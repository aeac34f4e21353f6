"""The score of a possible pair, with its breakdown, from the `match_weights` setting.

score(apprentice, mentor) = trade term (same or related trade)
                          + level term (mentor's skill level above / equal to the target level)
                          + experience term floor(experience_max * min(years, cap) / cap)
                          + continuity (the pair is already confirmed) + preferred mentor.
A mentor's k-th apprentice (counting every active pair they hold) costs fairness_step * (k - 1).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlite_utils import Database

from mentormatch import settings
from mentormatch.errors import UserError
from mentormatch.i18n import translate

SCORE_TERMS = ("trade", "level", "experience", "continuity", "preferred")

# the largest value a weight may take: keeps every solver cost far inside 64-bit integers
WEIGHT_MAX = 1000


@dataclass(frozen=True)
class Weights:
    same_trade: int = 100
    related_trade: int = 0
    level_above: int = 30
    level_equal: int = 15
    experience_max: int = 10
    experience_cap_years: int = 20
    continuity: int = 50
    preferred: int = 40
    fairness_step: int = 20

    @classmethod
    def from_dict(cls, values: dict) -> "Weights":
        """Checked weights from a settings dict; unknown keys are ignored, missing ones default."""
        known = {f.name for f in fields(cls)}
        clean = {}
        for key, value in values.items():
            if key not in known:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= WEIGHT_MAX:
                raise UserError(
                    translate("Scoring", "The weight {name} must be a whole number from 0 to {max}.").format(name=key, max=WEIGHT_MAX)
                )
            clean[key] = value
        weights = cls(**clean)
        if weights.experience_cap_years < 1:
            raise UserError(translate("Scoring", "The experience cap must be at least one year."))
        return weights

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def load_weights(db: Database) -> Weights:
    return Weights.from_dict(settings.get(db, "match_weights"))


def save_weights(db: Database, weights: Weights) -> None:
    settings.put(db, "match_weights", weights.as_dict())


def level_points(weights: Weights, mentor_level: int, target_level: int) -> int:
    if mentor_level > target_level:
        return weights.level_above
    if mentor_level == target_level:
        return weights.level_equal
    return 0


def experience_points(weights: Weights, years: int) -> int:
    cap = weights.experience_cap_years
    return weights.experience_max * min(max(years, 0), cap) // cap


def breakdown(weights: Weights, *, same_trade: bool, mentor_level: int, target_level: int, years: int,
              continuity: bool, preferred: bool) -> dict[str, int]:
    """The terms of a pair's score, by name (see score()); a related trade is flagged."""
    terms = {
        "trade": weights.same_trade if same_trade else weights.related_trade,
        "level": level_points(weights, mentor_level, target_level),
        "experience": experience_points(weights, years),
        "continuity": weights.continuity if continuity else 0,
        "preferred": weights.preferred if preferred else 0,
    }
    if not same_trade:
        terms["related_trade"] = 1
    return terms


def score(terms: dict[str, int]) -> int:
    return sum(terms.get(key, 0) for key in SCORE_TERMS)


def explain(terms: dict[str, int]) -> str:
    """'Why this mentor': the non-zero terms of a breakdown in words."""
    labels = {
        "trade": translate("Scoring", "related trade {points:+d}") if terms.get("related_trade")
        else translate("Scoring", "same trade {points:+d}"),
        "level": translate("Scoring", "skill level {points:+d}"),
        "experience": translate("Scoring", "experience {points:+d}"),
        "continuity": translate("Scoring", "already paired {points:+d}"),
        "preferred": translate("Scoring", "preferred mentor {points:+d}"),
    }
    parts = [labels[key].format(points=terms[key]) for key in SCORE_TERMS if terms.get(key) or key == "trade"]
    return translate("Scoring", ", ").join(parts)
