"""Jinja filters, registered for every generator (SPEC 9).

Each returns ``Markup`` written by ``render.py``, everything it inserts
escaped, so it is safe in templates with or without autoescaping (Pelican's
environment has none):

    {{ article|chronicles_badge }}
    {{ article|chronicles_jsonld }}
    {% for year, months in articles|chronicles_by_year_month %}...{% endfor %}
    {{ country|chronicles_flag }}  {{ "FR"|chronicles_country }}

and, for the archive and facet templates, the markup of the site index's
items: ``entry|chronicles_entry``, ``facet|chronicles_link``,
``note|chronicles_updates_item``, ``statement|chronicles_statement``.

No Pelican import: the filters read the settings from the template's
context (``CHRONICLES_LABELS``, ``DEFAULT_DATE_FORMAT``, ``SITEURL``), which
Pelican fills with the site's, and write dates with the environment's
``strftime`` filter, Pelican's own in a build.
"""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

from ..jsonld import news_article, script_tag
from ..metadata import lookup_country
from ..model import Chronicle, Country
from ..settings import DEFAULT_LABELS
from ..urls import safe_url
from . import render

DATE_FORMAT = "%a %d %B %Y"  # Pelican's DEFAULT_DATE_FORMAT


def _labels(labels: dict | None) -> dict:
    """``labels`` over the defaults: a build's ``CHRONICLES_LABELS`` has
    every key, a template's own dict may have only the ones it changes."""
    return {**DEFAULT_LABELS, **labels} if labels else DEFAULT_LABELS


def _strftime(context):
    return context.environment.filters.get("strftime", render.plain_strftime)


@pass_context
def chronicles_badge(context, article, labels: dict | None = None, date_format: str | None = None) -> Markup:
    """``{{ article|chronicles_badge }}``: the post's badges as the archive
    shows them, with the site's ``CHRONICLES_LABELS`` unless ``labels``
    are given; empty for a post that is neither updated nor corrected."""
    chronicle = getattr(article, "chronicles", None)
    if not isinstance(chronicle, Chronicle):
        return Markup("")
    return render.badges(
        chronicle,
        _labels(labels if labels is not None else context.get("CHRONICLES_LABELS")),
        _strftime(context),
        date_format or render.BADGE_DATE_FORMAT,
    )


@pass_context
def chronicles_entry(context, entry) -> Markup:
    """``{{ entry|chronicles_entry }}``: an archive entry's ``<li>``
    (``entry`` from ``chronicles_site.archive(...)``), rendered once per
    build and ``SITEURL`` (kept in ``chronicles_site.entries_html``)."""
    siteurl = context.get("SITEURL", "")
    rendered = getattr(context.get("chronicles_site"), "entries_html", {})
    html = rendered.get((entry, siteurl))
    if html is None:
        labels = _labels(context.get("CHRONICLES_LABELS"))
        html = rendered[entry, siteurl] = render.entry(entry, siteurl, labels, _strftime(context))
    return html


@pass_context
def chronicles_link(context, facet) -> Markup:
    """``{{ facet|chronicles_link }}``: the link to a source's, a country's
    or a speaker's page."""
    return render.facet_link(facet, context.get("SITEURL", ""))


@pass_context
def chronicles_updates_item(context, note) -> Markup:
    """``{{ note|chronicles_updates_item }}``: a note's ``<li>`` on the
    updates page (``note`` from ``chronicles_site.notes``)."""
    return render.updates_item(
        note, context.get("SITEURL", ""), _strftime(context), context.get("DEFAULT_DATE_FORMAT", DATE_FORMAT)
    )


@pass_context
def chronicles_statement(context, statement) -> Markup:
    """``{{ statement|chronicles_statement }}``: a quote's or a transcript
    turn's ``<li>`` on its speaker's page."""
    return render.statement(
        statement,
        context.get("SITEURL", ""),
        _labels(context.get("CHRONICLES_LABELS")),
        _strftime(context),
        context.get("DEFAULT_DATE_FORMAT", DATE_FORMAT),
    )


@pass_context
def chronicles_jsonld(context, article, site_url: str | None = None) -> Markup:
    """``{{ article|chronicles_jsonld }}``: the article's ``NewsArticle``
    JSON-LD in a ``<script>`` element; URLs made absolute with ``site_url``,
    by default the site's ``SITEURL``."""
    if site_url is None:
        site_url = context.get("SITEURL")
    return script_tag(news_article(article, site_url or ""))


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
    """``<span class="chronicles-flag" aria-hidden="true">&#x1F1EB;&#x1F1F7;</span>``:
    decorative, hidden from screen readers; empty for an unknown country."""
    country = _country(country_or_code)
    return render.flag(country) if country is not None else Markup("")


def chronicles_country(country_or_code, href: str | None = None) -> Markup:
    """The flag and the name (the name is the text) in ``span.chronicles-country``,
    the name a link when ``href`` is given. An unknown value is shown as
    typed, escaped, without a flag."""
    country = _country(country_or_code)
    if country is None:
        if not isinstance(country_or_code, str) or not country_or_code.strip():
            return Markup("")
        return render.country(country_or_code.strip())
    return render.country(country.name, render.flag(country), safe_url(href))


FILTERS = {
    "chronicles_badge": chronicles_badge,
    "chronicles_jsonld": chronicles_jsonld,
    "chronicles_by_year_month": chronicles_by_year_month,
    "chronicles_flag": chronicles_flag,
    "chronicles_country": chronicles_country,
    "chronicles_entry": chronicles_entry,
    "chronicles_link": chronicles_link,
    "chronicles_updates_item": chronicles_updates_item,
    "chronicles_statement": chronicles_statement,
}
