"""Pure checks of field-visit evidence (GPS, photos, voice): no ORM, no GraphQL, no network.

The API depends on this package, never the other way round. Its checks arrive with the
field-visit capability (geo.py, photo.py, watermark.py, voice.py, findings.py, verdict.py,
policy.py, as laid out in DESIGN.md).
"""
