"""Estimated cost of language-model calls, from the dated price table in ``data/prices.toml``.

The table is data a non-programmer can update; prices are estimates as of its ``checked``
date. A model missing from the table has an unknown cost, never a guessed one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from interview.config import Settings
from interview.errors import ConfigError
from interview.models import LLMUsage


@dataclass(frozen=True)
class Price:
    """US dollars per million prompt (input) and completion (output) tokens."""

    input: float
    output: float


@dataclass(frozen=True)
class PriceTable:
    """All known prices and the date they were copied from the provider."""

    checked: date
    models: dict[str, Price]

    def price_for(self, model: str) -> Price | None:
        """The price of ``model``, matching dated snapshots by their longest known prefix."""
        if model in self.models:
            return self.models[model]
        prefixes = [name for name in self.models if model.startswith(name + "-")]
        return self.models[max(prefixes, key=len)] if prefixes else None


def parse_price_table(text: str, source: str = "prices.toml") -> PriceTable:
    """Parse the TOML price table; a malformed one is a ``ConfigError`` naming the file."""
    try:
        raw = tomllib.loads(text)
        checked = raw["checked"]
        per = float(raw.get("per", 1_000_000))
        models = {
            name: Price(float(entry["input"]) * 1_000_000 / per,
                        float(entry["output"]) * 1_000_000 / per)
            for name, entry in raw["models"].items()
        }
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(source, f"malformed price table: {exc}") from None
    if not isinstance(checked, date):
        raise ConfigError(source, "'checked' must be a date such as 2025-08-07")
    return PriceTable(checked=checked, models=models)


@cache
def load_price_table() -> PriceTable:
    """The price table shipped with the package."""
    text = resources.files("interview").joinpath("data", "prices.toml").read_text("utf-8")
    return parse_price_table(text)


def estimate_cost(model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """Estimated US dollars for one call, or ``None`` if the model has no known price."""
    price = load_price_table().price_for(model)
    if price is None:
        return None
    return (prompt_tokens * price.input + completion_tokens * price.output) / 1_000_000


def usage_line(usage: LLMUsage, settings: Settings) -> str:
    """One line for the UI: tokens and calls against the session caps, and the estimated cost."""
    line = (f"{usage.total_tokens:,} of {settings.session_token_budget:,} tokens, "
            f"{usage.calls} of {settings.session_llm_call_limit} calls")
    if usage.calls == 0:
        return line
    if usage.cost_complete:
        checked = load_price_table().checked.isoformat()
        return f"{line}; estimated cost ${usage.estimated_cost_usd:.4f} (prices as of {checked})"
    return f"{line}; cost unknown for {settings.model} (not in the price table)"
