"""Jinja filters, registered for every generator (SPEC 9)."""

FILTERS = {}
