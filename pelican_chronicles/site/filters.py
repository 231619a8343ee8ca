"""Jinja filters, registered for every generator (SPEC 9).

Each returns ``Markup`` written by ``render.py`` (a country and its flag
by ``markup.py``, as a post's list of countries), everything it inserts
escaped, so it is safe in templates with or without autoescaping (Pelican's
environment has none):

    {{ article|chronicles_badge }}
    {{ article|chronicles_jsonld }}
    {% for year, months in articles|chronicles_by_year_month %}...{% endfor %}
    {{ country|chronicles_flag }}  {{ "FR"|chronicles_country }}
    {{ period_num|chronicles_period }}

and, for the archive and facet templates, the markup of the site index's
items: ``entry|chronicles_entry``, ``facet|chronicles_link``,
``note|chronicles_updates_item``, ``statement|chronicles_statement``, and
``count|chronicles_more`` ("and N more"); the world map and the year
rail's sparklines: ``chronicles_world_map|chronicles_map('full', 'chronicles-facet-list')``,
``year|chronicles_sparkline(view)``.

No Pelican import: the filters read the settings from the template's
context (``CHRONICLES_LABELS``, ``DEFAULT_LANG``, ``DEFAULT_DATE_FORMAT``,
``DATE_FORMATS``, ``SITEURL``), which Pelican fills with the site's. Dates
and country names are in the site's language, ``DEFAULT_LANG``, from CLDR
(``localdates.py``), whatever the machine's locales.
"""

from __future__ import annotations

from functools import partial
from operator import attrgetter

from jinja2 import pass_context
from markupsafe import Markup, escape

from .. import markup
from ..jsonld import news_article, publisher, script_tag
from ..languages import RTL, base
from ..metadata import country_name, lookup_country
from ..model import Chronicle, Country
from ..settings import DEFAULT_LABELS
from ..urls import safe_url
from . import localdates, render
from .archive import ArchiveView, Year, group_by_year_month
from .sparklines import sparkline
from .worldmap import SIZES, WorldMap



def _labels(labels: dict | None) -> dict:
    """``labels`` over the defaults: a build's ``CHRONICLES_LABELS`` has
    every key, a template's own dict may have only the ones it changes."""
    return {**DEFAULT_LABELS, **labels} if labels else DEFAULT_LABELS


def _strftime(context):
    """``strftime(value, date_format)`` with the names of months and days in
    the site's language."""
    return partial(localdates.strftime, lang=context.get("DEFAULT_LANG"))


def _date_format(context) -> str:
    """The site's date format, as Pelican picks a post's in ``DEFAULT_LANG``."""
    return localdates.date_format(context, context.get("DEFAULT_LANG"))


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
        html = rendered[entry, siteurl] = render.entry(
            entry, siteurl, labels, _strftime(context), _date_format(context)
        )
    return html


@pass_context
def chronicles_link(context, facet) -> Markup:
    """``{{ facet|chronicles_link }}``: the link to a source's, a country's
    or a speaker's page."""
    return render.facet_link(facet, context.get("SITEURL", ""))


@pass_context
def chronicles_more(context, count: int) -> Markup:
    """``{{ 12|chronicles_more }}``: "and 12 more" (the ``and_more`` label)
    in ``span.chronicles-more``, after a list cut short."""
    return render.more(count, _labels(context.get("CHRONICLES_LABELS")))


@pass_context
def chronicles_updates_item(context, note) -> Markup:
    """``{{ note|chronicles_updates_item }}``: a note's ``<li>`` on the
    updates page (``note`` from ``chronicles_site.notes``)."""
    return render.updates_item(
        note, context.get("SITEURL", ""), _strftime(context), _date_format(context)
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
        _date_format(context),
    )


@pass_context
def chronicles_jsonld(context, article, site_url: str | None = None) -> Markup:
    """``{{ article|chronicles_jsonld }}``: the article's ``NewsArticle``
    JSON-LD in a ``<script>`` element; URLs made absolute with ``site_url``,
    by default the site's ``SITEURL``; its ``publisher`` the site
    (``SITENAME``, ``CHRONICLES_PUBLISHER``)."""
    if site_url is None:
        site_url = context.get("SITEURL")
    site = context.get("chronicles_site")
    link = safe_url if site is None else (lambda url: site.resolve_url(article, url, site_url or ""))
    organization = publisher(context.get("SITENAME"), site_url or "", context.get("CHRONICLES_PUBLISHER"))
    return script_tag(news_article(
        article, site_url or "", link=link, default_lang=context.get("DEFAULT_LANG"), publisher=organization,
    ))


@pass_context
def chronicles_title(context, title) -> Markup:
    """``{% block title %}{{ heading|chronicles_title }}{% endblock %}``: a
    page's title (text) as the theme's own pages fill its title block, with
    the site's name where they put it and never twice: "Site - Archives",
    "Archives - Site", or "– Archives" where the theme writes the site's name
    around the block itself (learnt from the theme once per build, as
    ``chronicles_title_pattern``; "Archives - Site" when it cannot tell)."""
    pattern = context.get("chronicles_title_pattern")
    if not pattern:
        pattern = ("", f" - {escape(Markup(str(context.get('SITENAME', ''))).striptags())}")
    return Markup(f"{pattern[0]}{render.text(title)}{pattern[1]}")


def chronicles_by_year_month(articles, newest_first: bool = True) -> list:
    """``[(year, [(month, [articles])])]``, years and months newest first
    (oldest first with ``newest_first=False``), the articles in the order
    given: the archive's grouping (``archive.group_by_year_month``) as
    plain numbers and lists."""
    newest = partial(sorted, reverse=newest_first)
    return [
        (year.year, [(month.month, list(month.entries)) for month in newest(year.months, key=attrgetter("month"))])
        for year in newest(group_by_year_month(articles), key=attrgetter("year"))
    ]


def _country(value) -> Country | None:
    """A Country, a code or name, or anything with a ``code`` (an archive facet)."""
    if isinstance(value, Country):
        return value
    code = value if isinstance(value, str) else getattr(value, "code", None)
    return lookup_country(code) if isinstance(code, str) else None


@pass_context
def chronicles_dir(context, article) -> str:
    """``rtl`` or ``ltr``: the direction of ``article``'s language (its
    ``lang``, else ``DEFAULT_LANG``), for what a theme writes around a
    post's content, such as its title (``<h1 dir="{{ article|chronicles_dir }}">``);
    the content carries its own language and direction already."""
    lang = getattr(article, "lang", None) or context.get("DEFAULT_LANG") or "en"
    return "rtl" if base(lang) in RTL else "ltr"


def chronicles_flag(country_or_code) -> Markup:
    """``<span class="chronicles-flag" aria-hidden="true">&#x1F1EB;&#x1F1F7;</span>``:
    decorative, hidden from screen readers; empty for an unknown country."""
    country = _country(country_or_code)
    return markup.flag(country.flag) if country is not None else Markup("")


@pass_context
def chronicles_country(context, country_or_code, href: str | None = None, lang: str | None = None) -> Markup:
    """The flag and the name (the name is the text) in ``span.chronicles-country``,
    the name a link when ``href`` is given. The name is in ``lang``, by
    default the page's language: its article's or page's ``lang``, else
    ``DEFAULT_LANG``. An unknown value is shown as typed, escaped, without
    a flag."""
    country = _country(country_or_code)
    if country is None:
        if not isinstance(country_or_code, str) or not country_or_code.strip():
            return Markup("")
        return markup.country(country_or_code.strip())
    if lang is None:
        content = context.get("article") or context.get("page")
        lang = getattr(content, "lang", None) or context.get("DEFAULT_LANG")
    return markup.country(country_name(country, lang), markup.flag(country.flag), safe_url(href))


@pass_context
def chronicles_period(context, period_num) -> str:
    """``{{ period_num|chronicles_period }}``: a period archive's title in
    the site's language: ``2024``, ``June 2024``, ``Июнь 2024 г.``, or a
    day's long date, from Pelican's ``period_num`` (``(2024, 6)``)."""
    return localdates.period_title(tuple(period_num), context.get("DEFAULT_LANG"))


@pass_context
def chronicles_map(context, world_map, size: str = "full", details: str | None = None) -> Markup:
    """``{{ chronicles_world_map|chronicles_map('small', 'chronicles-by-country-list') }}``:
    the build's world map (``div.chronicles-map``), 'full' or 'small', its
    links from the page's ``SITEURL``; ``details`` is the id of its text
    alternative, the page's list of countries and their counts. Empty
    when no country has posts."""
    if not isinstance(world_map, WorldMap) or not world_map.countries:
        return Markup("")
    if size not in SIZES:
        raise ValueError(f"chronicles_map: size must be one of {', '.join(SIZES)}, not {size!r}")
    return world_map.markup(size, context.get("SITEURL", ""), details)


def chronicles_sparkline(year, view) -> Markup:
    """``{{ y|chronicles_sparkline(view) }}``: a year's posts per month
    (``y`` from ``view.years``, ``view`` an ``ArchiveView``) as bars, on
    the scale of the archive's busiest month, and as text for screen
    readers."""
    if not isinstance(year, Year) or not isinstance(view, ArchiveView):
        return Markup("")
    return sparkline(year.per_month, view.busiest_month, view.month_names)


FILTERS = {
    "chronicles_badge": chronicles_badge,
    "chronicles_jsonld": chronicles_jsonld,
    "chronicles_by_year_month": chronicles_by_year_month,
    "chronicles_flag": chronicles_flag,
    "chronicles_dir": chronicles_dir,
    "chronicles_country": chronicles_country,
    "chronicles_period": chronicles_period,
    "chronicles_title": chronicles_title,
    "chronicles_entry": chronicles_entry,
    "chronicles_link": chronicles_link,
    "chronicles_more": chronicles_more,
    "chronicles_updates_item": chronicles_updates_item,
    "chronicles_statement": chronicles_statement,
    "chronicles_map": chronicles_map,
    "chronicles_sparkline": chronicles_sparkline,
}
