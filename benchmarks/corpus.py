"""A generated corpus of news-commentary posts for the benchmark.

Every post is made from a seeded random generator, so the same seed and
count always give the same files. The text is invented and neutral: made-up
places, agencies and spokespeople, ordinary civic news (timetables, budgets,
bridges). Taken together the posts use every convention of the SPEC: title
flags, update and correction notes in all their forms, datelines, attributed
quotes, transcripts, ``Sources:`` and ``Countries:`` metadata, next to
ordinary Markdown (paragraphs, a heading, a list, links, emphasis). With
``plain``, the posts use none of the conventions: the same ordinary
Markdown, and a blockquote without an attribution now and then.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

# --- invented vocabulary --------------------------------------------------------

PLACES = [
    "Port Elara", "Vasmir", "Northgate", "Caldera Bay", "Ostrava Nova", "Linden Falls",
    "Merrow", "Saltmarsh", "Kestrel Point", "Nørholm", "Ciudad Vereda", "Brightwater",
    "São Elaro", "Amberley Cross", "Tarnwick", "Île Perdue",
]
# Dateline places: one to five upper-case words, any script, some with a date.
DATELINE_PLACES = [
    "PORT ELARA", "VASMIR", "NORTHGATE", "CALDERA BAY", "OSTRAVA NOVA", "LINDEN FALLS",
    "NØRHOLM", "CIUDAD VEREDA", "SÃO ELARO", "ÎLE PERDUE", "KESTREL POINT, E.R.",
    "НОВОГРАД", "ΝΕΑ ΜΕΡΟΥ", "AMBERLEY CROSS", "TARNWICK",
]
AGENCIES = [
    ("Coastal Wire", "https://coastal-wire.example/"),
    ("Harbour Press", "https://harbour-press.example/"),
    ("Meridian News", "https://meridian.example/"),
    ("Northern Dispatch", "https://dispatch.example/"),
    ("Valley Courier", "https://courier.example/"),
    ("Open Record", "https://open-record.example/"),
    ("Lantern Agency", "https://lantern.example/"),
]
PEOPLE = [
    ("A. Minister", "Minister of Transport"),
    ("Lena Korvath", "spokesperson for the harbour authority"),
    ("Tomas Ridel", "chair of the regional council"),
    ("Imke Sorensen", "head of the water board"),
    ("Rafael Oduya", "deputy mayor"),
    ("Mirela Stan", "director of the rail company"),
    ("Jonah Whitcombe", "secretary of the ferry workers' union"),
    ("Aiko Marenne", "Minister of Public Works"),
    ("Bénédicte Loral", "spokesperson for the assembly"),
    ("Pavel Ostrin", "chief engineer of the bridge project"),
]
COUNTRY_CODES = ["FR", "DE", "NO", "PT", "BR", "JP", "CA", "NZ", "KE", "CL", "FIN", "IRL", "EST", "URY"]
CATEGORIES = ["Transport", "Budget", "Infrastructure", "Local affairs", "Environment"]
TAGS = ["ferries", "rail", "bridges", "water", "council", "budget", "ports", "schools", "roads", "housing"]

SUBJECTS = [
    "The regional council", "The harbour authority", "The ministry of transport",
    "A committee of the assembly", "The water board", "The rail company",
    "Local residents", "The ferry operators", "The city engineers", "The school district",
    "The assembly's budget office", "Two neighbouring towns",
]
VERBS = [
    "approved", "reviewed", "postponed", "debated", "published", "questioned",
    "welcomed", "revised", "announced", "costed", "delayed", "signed off on",
]
OBJECTS = [
    "the budget for the coastal railway", "a new ferry timetable", "plans for a second bridge",
    "the repair schedule for the old pier", "a study of winter flooding", "the bus network map",
    "a proposal to widen the harbour road", "the annual report on drinking water",
    "a pilot for night trains", "new rules for cargo berths", "the price of season tickets",
    "the plan to reopen the northern line", "a survey of cycle lanes", "the tender for dredging work",
]
TRAILERS = [
    "after a long session on Tuesday", "at the end of a short meeting", "without a vote",
    "following months of consultation", "in a statement published in the morning",
    "despite objections from two members", "ahead of the summer season", "for the third time this year",
    "after a visit to the site", "in a letter to residents",
]
COMMENTS = [
    "It is worth reading the full document rather than the summary.",
    "The figures in the annex tell a slightly different story.",
    "Nobody at the meeting disputed the need for the work itself.",
    "The timetable looks ambitious, but it is not impossible.",
    "Several questions about maintenance costs remain open.",
    "This is the part of the plan that will matter most to commuters.",
    "Earlier drafts of the proposal were considerably shorter.",
    "The council has promised to publish the minutes next week.",
    "Residents along the route were consulted in two rounds.",
    "For now, the existing service continues unchanged.",
]
HEADINGS = [
    "What was decided", "Background", "The numbers", "What happens next",
    "Reactions", "A closer look at the plan", "Why it matters",
]
QUOTES = [
    "This is not just a statement of intent, the work is already happening.",
    "We listened to every objection and changed the plan where we could.",
    "The timetable is tight, but the money is in place and the crews are ready.",
    "Nobody wants another winter of cancelled crossings.",
    "We will publish every figure, including the ones that do not flatter us.",
    "The bridge will carry trains within three years, not five.",
]
QUESTIONS = [
    "Does this clause mean the old pier will close?",
    "When will the new timetable take effect?",
    "How much of the budget is already committed?",
    "Were the residents along the route consulted?",
    "What happens if the tender attracts no bids?",
]
ANSWERS = [
    "If anyone doubts our commitment, they can look at the contracts we signed last month.",
    "The first changes come in the spring; the rest follow in the autumn.",
    "About two thirds of it, and the remainder depends on the assembly.",
    "Yes, in two rounds, and the second round changed the plan considerably.",
    "Then we will split the work into smaller lots and try again.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


# Words a post's body aims at. With these, Pelican alone builds 1,000 posts in
# about 10 s on a 2-core machine, the load SPEC 12 gives as its reference.
WORDS = (900, 1400)


class PostWriter:
    def __init__(self, rng: random.Random, words: tuple[int, int] = WORDS, balloons: bool = True):
        self.rng = rng
        self.words = words
        self.balloons = balloons  # False: answers' speakers named in bold, no emoji
        self.titles: set[str] = set()

    # --- pieces ---------------------------------------------------------------

    def sentence(self) -> str:
        r = self.rng
        text = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TRAILERS)}."
        if r.random() < 0.25:
            name, url = r.choice(AGENCIES)
            text += f" The [report by {name}]({url}item/{r.randrange(10000)}) has the details."
        elif r.random() < 0.2:
            text += f" *{r.choice(COMMENTS)}*"
        return text

    def paragraph(self, sentences: tuple[int, int] = (3, 6)) -> str:
        r = self.rng
        parts = [self.sentence() for _ in range(r.randint(*sentences))]
        if r.random() < 0.5:
            parts.insert(r.randrange(len(parts) + 1), r.choice(COMMENTS))
        return " ".join(parts)

    def dateline(self, date: datetime.date) -> str:
        r = self.rng
        place = r.choice(DATELINE_PLACES)
        if r.random() < 0.2:
            place += f", {MONTHS[date.month - 1]} {date.day}"
        source = r.choice(AGENCIES)[0]
        dash = r.choice([" - ", " -", " – ", " — ", "—"])
        return f"{place} ({source}){dash}{self.paragraph((2, 4))}"

    def quote(self, date: datetime.date) -> str:
        r = self.rng
        name, role = r.choice(PEOPLE)
        agency, url = r.choice(AGENCIES)
        dash = r.choice(["—", "—", "―", "–", "--", "~"])
        attribution = f"{dash} {name}, {role}, [{agency}]({url}item/{r.randrange(10000)}), {date.isoformat()}"
        lines = [f"> {r.choice(QUOTES)} {r.choice(QUOTES)}", ">", f"> {attribution}"]
        if r.random() < 0.2:  # the attribution under the quote, as forum users write it
            lines = [f"> {r.choice(QUOTES)}", "", f"{dash} [{name}]({url}people/{r.randrange(100)})"]
        return "\n".join(lines)

    def transcript(self) -> str:
        r = self.rng
        name = r.choice(PEOPLE)[0]
        turns = []
        for _ in range(r.randint(2, 4)):
            question = r.choice(["Question:", "Q:"])
            turns.append(f"{question} {r.choice(QUESTIONS)}")
            balloon = r.choice(["💬", "💬", "🗨️", "🗯"])
            label = f"{balloon} {name}:" if self.balloons else f"**{name}:**"
            turns.append(f"{label} {r.choice(ANSWERS)} {self.sentence()}")
        return "\n\n".join(turns)

    def bullet_list(self) -> str:
        r = self.rng
        return "\n".join(f"* {r.choice(OBJECTS).capitalize()}, {r.choice(TRAILERS)}" for _ in range(r.randint(3, 5)))

    def note(self, number: int, post: datetime.datetime) -> str:
        """An update or correction note in one of the forms bloggers write."""
        r = self.rng
        when = post + datetime.timedelta(days=r.randint(1, 40), hours=r.randint(0, 20))
        text = self.paragraph((1, 3))
        forms = [
            lambda: f"UPDATE: {text}",
            lambda: f"**UPDATE:** {text}",
            lambda: f"Update:\n\n{text}",
            lambda: f"UPDATE ({when:%Y-%m-%d}): {text}",
            lambda: f"UPDATE {when:%Y-%m-%d %H:%M}: {text}",
            lambda: f"UPDATE ({MONTHS[when.month - 1]} {when.day}, {when.year}): {text}",
            lambda: f"UPDATE {number}: {text}",
            lambda: f"**Update ({MONTHS[when.month - 1]} {ordinal(when.day)}, {when.year}):** {text}",
            lambda: f"**Update {when:%m/%d/%Y}**: {text}",
            lambda: f"**EDIT:** {text}",
            lambda: f"ADDENDUM {when:%b} {when.day}: {text}",
            lambda: f"> [!UPDATE] {when:%Y-%m-%d}\n> {text}",
            lambda: f"CORRECTION: {text}",
            lambda: f"CORRECTION ({when:%Y-%m-%d}): {text}",
            lambda: f"> [!CORRECTION] {when:%Y-%m-%d}\n> {text}",
        ]
        return r.choice(forms)()

    def title(self) -> str:
        r = self.rng
        while True:
            title = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} in {r.choice(PLACES)}"
            if title not in self.titles:
                self.titles.add(title)
                return title

    # --- a post -----------------------------------------------------------------

    def plain_post(self) -> str:
        """A post that uses no convention: no flag, note, dateline, quote,
        transcript, ``Sources:`` or ``Countries:``, only ordinary Markdown."""
        r = self.rng
        date = datetime.datetime(2015, 1, 1, 8) + datetime.timedelta(
            days=r.randrange(10 * 365), minutes=r.randrange(12 * 60)
        )
        head = [
            f"Title: {self.title()}",
            f"Date: {date:%Y-%m-%d %H:%M}",
            f"Category: {r.choice(CATEGORIES)}",
            f"Tags: {', '.join(r.sample(TAGS, 2))}",
        ]
        body = [self.sentence(), self.paragraph(), f"## {r.choice(HEADINGS)}", self.paragraph(), self.bullet_list()]
        if r.random() < 0.5:  # quoted words, no attribution
            body.append(f"> {r.choice(QUOTES)} {r.choice(QUOTES)}")
        target = r.randint(*self.words)
        padding = 0
        while len(" ".join(body).split()) < target - 100:  # about as long as the other corpus's posts
            if padding == 4:
                body.append(f"## {r.choice(HEADINGS)}")
            body.append(self.paragraph())
            padding += 1
        return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"

    def post(self, index: int) -> str:
        r = self.rng
        date = datetime.datetime(2015, 1, 1, 8) + datetime.timedelta(
            days=r.randrange(10 * 365), minutes=r.randrange(12 * 60)
        )
        title = self.title()
        flag = r.random()
        if flag < 0.12:
            title = f"(UPDATE) {title}"
        elif flag < 0.18:
            title = f"UPDATE {r.randint(1, 4)}-{title}"
        elif flag < 0.22:
            title = f"(CORRECTED) {title}"
        elif flag < 0.25:
            title = f"[UPDATE] {title}"
        sources = "; ".join(
            r.choice([f"{name} <{url}>", f"[{name}]({url})", name])
            for name, url in r.sample(AGENCIES, r.randint(1, 3))
        )
        countries = ", ".join(r.sample(COUNTRY_CODES, r.randint(1, 3)))
        head = [
            f"Title: {title}",
            f"Date: {date:%Y-%m-%d %H:%M}",
            f"Category: {r.choice(CATEGORIES)}",
            f"Tags: {', '.join(r.sample(TAGS, 2))}",
        ]
        if r.random() < 0.9:
            head.append(f"Sources: {sources}")
        if r.random() < 0.9:
            head.append(f"Countries: {countries}")

        body = [self.sentence()]  # the one-line lead
        if r.random() < 0.8:
            body.append(self.dateline(date.date()))
        target = r.randint(*self.words)
        notes = r.randint(1, 3) if r.random() < 0.5 else 0
        early = notes and r.random() < 0.3  # some authors put the update on top
        if early:
            body.append(self.note(1, date))
        body.append(self.paragraph())
        body.append(f"## {r.choice(HEADINGS)}")
        body.append(self.paragraph())
        body.append(self.bullet_list())
        if r.random() < 0.7:
            body.append(self.quote(date.date()))
        padding = 0
        while len(" ".join(body).split()) < target - 230:
            if padding == 4:  # longer posts have another section
                body.append(f"## {r.choice(HEADINGS)}")
            body.append(self.paragraph())
            padding += 1
        if r.random() < 0.4:
            body.append(self.paragraph((1, 2)))
            body.append(self.transcript())
        body.append(self.paragraph((2, 3)))
        for number in range(2 if early else 1, notes + 1):
            body.append(self.note(number, date))
        return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"


def write_corpus(
    content: Path, posts: int, seed: int = 2024, words: tuple[int, int] = WORDS, balloons: bool = True,
    plain: bool = False,
) -> int:
    """Write ``posts`` posts into ``content``, each aiming at between
    ``words[0]`` and ``words[1]`` words; returns the number of words. With
    ``balloons`` off, transcripts name speakers in bold instead of after a
    speech balloon, so that no post holds an emoji. With ``plain``, the
    posts use no convention at all."""
    content.mkdir(parents=True, exist_ok=True)
    writer = PostWriter(random.Random(seed), words, balloons)  # a smaller corpus is a prefix of a larger one
    words = 0
    for index in range(posts):
        text = writer.plain_post() if plain else writer.post(index)
        words += len(text.split())
        (content / f"post-{index:05d}.md").write_text(text, encoding="utf-8")
    return words


def commit_history(content: Path, revisions: int = 3, seed: int = 2024) -> int:
    """Make ``content`` a git repository in which each post was committed
    ``revisions`` times, each time by a commit of its own: earlier versions
    lack a paragraph of the last and have other words here and there, and
    the last is the post as it is. The commits are written by one ``git
    fast-import``, their dates a day apart; returns their number."""
    import subprocess

    rng = random.Random(seed)
    posts = sorted(content.glob("*.md"))
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    stream, commits = [], 0
    for version in range(revisions):
        for post in posts:
            text = post.read_text(encoding="utf-8")
            paragraphs = text.split("\n\n")
            for _ in range(revisions - 1 - version):  # earlier: fewer paragraphs, other words
                if len(paragraphs) > 2:
                    del paragraphs[rng.randrange(1, len(paragraphs))]
                at = rng.randrange(1, len(paragraphs))
                words = paragraphs[at].split(" ")
                words[rng.randrange(len(words))] = rng.choice(["draft", "earlier", "first", "provisional"])
                paragraphs[at] = " ".join(words)
            data = "\n\n".join(paragraphs).encode("utf-8")
            when = int((start + datetime.timedelta(days=commits / 10)).timestamp())
            message = (f"{'Add' if version == 0 else 'Edit'} {post.stem}").encode()
            commits += 1
            stream.append(
                b"commit refs/heads/main\n"
                + f"author Writer <writer@example.org> {when} +0000\ncommitter Writer <writer@example.org> {when} +0000\n".encode()
                + b"data %d\n%s\n" % (len(message), message)
                + f"M 100644 inline {post.name}\n".encode()
                + b"data %d\n%s\n\n" % (len(data), data)
            )
    subprocess.run(["git", "init", "-q", "-b", "main", str(content)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=content, input=b"".join(stream), check=True)
    subprocess.run(["git", "reset", "-q"], cwd=content, check=True)
    return commits
