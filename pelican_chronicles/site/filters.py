"""Jinja filters, registered for every generator (SPEC 9).

Each returns ``Markup`` with everything it inserts escaped, so it is safe in
templates with or without autoescaping (Pelican's environment has none):

    {{ article|chronicles_badge }}
    {{ article|chronicles_jsonld }}
    {% for year, months in articles|chronicles_by_year_month %}...{% endfor %}
    {{ country|chronicles_flag }}  {{ "FR"|chronicles_country }}

No Pelican import: the filters read the attributes Pelican gives articles,
and the settings from the template's context (``CHRONICLES_LABELS``,
``DEFAULT_DATE_FORMAT``, ``SITEURL``), which Pelican fills with the site's.
"""

from __future__ import annotations

import datetime

from jinja2 import pass_context
from markupsafe import Markup, escape

from ..jsonld import news_article, script_tag
from ..metadata import lookup_country
from ..model import Chronicle, Country
from ..settings import DEFAULT_LABELS
from ..urls import safe_url

DATE_FORMAT = "%d %B %Y"


def badge(article, labels: dict | None = None, date_format: str | None = None) -> Markup:
    """The badges of a post, as text: ``Updated <time>…</time> (2 updates)``
    and/or ``Corrected <time>…</time>``, each a ``span.chronicles-badge``;
    empty for a post that is neither. The same markup as the archive's.

    ``labels`` is ``CHRONICLES_LABELS``; ``date_format`` a strftime format.
    """
    chronicle = getattr(article, "chronicles", None)
    if not isinstance(chronicle, Chronicle):
        return Markup("")
    words = {**DEFAULT_LABELS, **(labels or {})}
    date_format = date_format or DATE_FORMAT
    badges = []
    if chronicle.is_updated:
        notes = chronicle.updates
        # A post flagged "(UPDATE)" in its title, without dated notes, shows
        # its Modified date, when it has one.
        date = _latest(notes) or getattr(article, "modified", None)
        count = _count(len(notes), words["update_one"], words["update_many"], minimum=1)
        badges.append(_badge("update", words["updated_badge"], date, date_format, count))
    if chronicle.is_corrected:
        notes = chronicle.corrections
        count = _count(len(notes), words["correction_one"], words["correction_many"], minimum=2)
        badges.append(_badge("correction", words["corrected_badge"], _latest(notes), date_format, count))
    return Markup(" ").join(badges)


def _latest(notes) -> datetime.datetime | None:
    dates = [n.date for n in notes if n.date is not None]
    return max(dates) if dates else None


def _count(n: int, one: str, many: str, minimum: int) -> Markup:
    if n < minimum:
        return Markup("")
    return Markup(' <span class="chronicles-badge-count">({} {})</span>').format(n, one if n == 1 else many)


def _badge(kind: str, label: str, date, date_format: str, count: Markup) -> Markup:
    time = Markup("")
    if isinstance(date, datetime.date):
        time = Markup(' <time datetime="{}">{}</time>').format(date.isoformat(), date.strftime(date_format))
    return Markup('<span class="chronicles-badge chronicles-badge-{}">{}{}{}</span>').format(
        kind, label, time, count
    )


@pass_context
def chronicles_badge(context, article, labels: dict | None = None, date_format: str | None = None) -> Markup:
    """``{{ article|chronicles_badge }}``: the badges with the site's
    ``CHRONICLES_LABELS`` and ``DEFAULT_DATE_FORMAT``, unless given."""
    return badge(
        article,
        labels if labels is not None else context.get("CHRONICLES_LABELS"),
        date_format or context.get("DEFAULT_DATE_FORMAT"),
    )


@pass_context
def chronicles_jsonld(context, article, site_url: str | None = None) -> Markup:
    """``{{ article|chronicles_jsonld }}``: the article's ``NewsArticle``
    JSON-LD in a ``<script>`` element; URLs made absolute with ``site_url``,
    by default the site's ``SITEURL``."""
    if site_url is None:
        site_url = context.get("SITEURL")
    index = context.get("chronicles")  # the build's SiteIndex reads each post's url once
    url = index.url_of(article) if hasattr(index, "url_of") else None
    return script_tag(news_article(article, site_url or "", url))


def chronicles_by_year_month(articles, newest_first: bool = True) -> list:
    """``[(year, [(month, [articles])])]``, years and months newest first
    (oldest first with ``newest_first=False``), the articles in the order
    given. One pass over the articles."""
    years: dict[int, dict[int, list]] = {}
    for article in articles:
        date = article.date
        years.setdefault(date.year, {}).setdefault(date.month, []).append(article)
    return [
        (year, [(month, years[year][month]) for month in sorted(years[year], reverse=newest_first)])
        for year in sorted(years, reverse=newest_first)
    ]


def _country(value) -> Country | None:
    """A Country, a code or name, or anything with a ``code`` (an archive facet)."""
    if isinstance(value, Country):
        return value
    code = value if isinstance(value, str) else getattr(value, "code", None)
    return lookup_country(code) if isinstance(code, str) else None


def chronicles_flag(country_or_code) -> Markup:
    """``<span class="chronicles-flag" aria-hidden="true">🇫🇷</span>``: decorative,
    hidden from screen readers; empty for an unknown country."""
    country = _country(country_or_code)
    if country is None:
        return Markup("")
    return Markup('<span class="chronicles-flag" aria-hidden="true">{}</span>').format(country.flag)


def chronicles_country(country_or_code, href: str | None = None) -> Markup:
    """The flag and the name (the name is the text) in ``span.chronicles-country``,
    the name a link when ``href`` is given. An unknown value is shown as
    typed, escaped, without a flag."""
    country = _country(country_or_code)
    if country is None:
        if not isinstance(country_or_code, str) or not country_or_code.strip():
            return Markup("")
        return Markup('<span class="chronicles-country">{}</span>').format(country_or_code.strip())
    name = escape(country.name)
    href = safe_url(href)
    if href:
        name = Markup('<a href="{}">{}</a>').format(href, name)
    return Markup('<span class="chronicles-country">{} {}</span>').format(chronicles_flag(country), name)


FILTERS = {
    "chronicles_badge": chronicles_badge,
    "chronicles_jsonld": chronicles_jsonld,
    "chronicles_by_year_month": chronicles_by_year_month,
    "chronicles_flag": chronicles_flag,
    "chronicles_country": chronicles_country,
}
