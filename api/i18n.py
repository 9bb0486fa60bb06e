"""Messages shown to people: zh-CN by default, English when the client asks for it."""

from __future__ import annotations

from collections.abc import Mapping

ZH = "zh-CN"
EN = "en"
SUPPORTED = (ZH, EN)

_catalogue: dict[str, tuple[str, str]] = {}


def register(messages: Mapping[str, tuple[str, str]]) -> None:
    """Add ``code -> (zh-CN, en)`` messages; each domain registers its own codes."""
    for code, pair in messages.items():
        if code in _catalogue and _catalogue[code] != pair:
            raise ValueError(f"message code {code!r} registered twice with different texts")
        _catalogue[code] = pair


def message(code: str, locale: str = ZH, **params: object) -> str:
    """The text for ``code`` in ``locale``; unknown codes fall back to the code itself."""
    pair = _catalogue.get(code)
    if pair is None:
        return code
    template = pair[1] if locale == EN else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def negotiate(accept_language: str | None) -> str:
    """Pick zh-CN or en from an Accept-Language header (q-values honoured, zh wins ties)."""
    if not accept_language:
        return ZH
    best, best_q = ZH, -1.0
    for part in accept_language.split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = tag.strip().lower()
        candidate = EN if lang.startswith("en") else ZH if lang.startswith("zh") else None
        if candidate is not None and q > best_q:
            best, best_q = candidate, q
    return best


def known_codes() -> frozenset[str]:
    return frozenset(_catalogue)
