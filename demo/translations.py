"""The demo's English tree: every Vietnamese page the loader made, translated.

Each translation is made the way an editor's would be (Wagtail's ``copy_for_translation``:
same tree position, same pictures, chosen products and producers, linked to its source
by the translation key), then given its English slug and texts from ``demo.pages_en``
and ``demo.stories_en`` and published. A page that already has its English version is
left alone, so loading twice adds nothing and an editor's English is never overwritten.
"""

from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.models import HomePage

from . import data, pages_en, stories_en

ENGLISH = "en"


def paragraphs_html(paragraphs, note=True):
    html = "".join(f"<p>{text}</p>" for text in paragraphs)
    return html + (pages_en.SAMPLE_NOTE if note else "")


class EnglishPages:
    def __init__(self, loader, story_pages):
        self.loader = loader
        self.story_pages = story_pages
        self.producers = {spec.key: spec for spec in data.PRODUCERS}
        self.products = {spec.key: spec for spec in data.all_products()}

    def run(self):
        locale, _created = Locale.objects.get_or_create(language_code=ENGLISH)
        home = HomePage.objects.filter(locale__language_code=data_language()).first()
        if home is None:
            return
        translated = set(
            home.get_descendants(inclusive=True)
            .filter(translation_key__in=_keys_in(locale))
            .values_list("pk", flat=True)
        )
        for page in home.get_descendants(inclusive=True).specific().order_by("path"):
            if page.pk in translated or not page.live:
                continue
            texts = self.english(page)
            if texts is None:  # a page the demo does not know: left to the editors
                continue
            self.translate(page, locale, texts)

    def translate(self, page, locale, texts):
        translation = page.copy_for_translation(locale)
        tags = texts.pop("tags", None)
        for name, value in texts.items():
            setattr(translation, name, value)
        if tags is not None:
            translation.tags.set(tags)
        translation.owner = page.owner
        translation.save_revision(user=page.owner).publish()
        self.loader.created["pages"] += 1
        return translation

    def english(self, page):
        """The English slug and texts of a demo page, or None."""
        kind = type(page).__name__
        method = getattr(self, f"english_{kind}", None)
        return method(page) if method else None

    # Pages of demo.loader

    def english_HomePage(self, page):
        return dict(pages_en.HOME)

    def english_ProgrammePage(self, page):
        return dict(pages_en.PROGRAMME)

    def english_VillageIndexPage(self, page):
        return dict(pages_en.VILLAGE_INDEX)

    def english_VillagePage(self, page):
        text = pages_en.VILLAGES.get(page.slug)
        if text is None:
            return None
        return {
            "slug": text.slug,
            "title": text.title,
            "summary": text.summary,
            "body": text.body,
            "opening_hours": text.opening_hours,
        }

    # Pages of demo.pages (the stories)

    def english_ProducerIndexPage(self, page):
        return dict(stories_en.PRODUCER_INDEX)

    def english_ProductProfileIndexPage(self, page):
        return dict(stories_en.PRODUCT_STORY_INDEX)

    def english_NewsIndexPage(self, page):
        return dict(stories_en.NEWS_INDEX)

    def village_titles(self, producer_key):
        return [
            pages_en.VILLAGES[v.slug].title
            for v in data.VILLAGES
            if producer_key in v.producers and v.slug in pages_en.VILLAGES
        ]

    def english_ProducerPage(self, page):
        spec = self.producers.get(page.slug)
        if spec is None:
            return None
        story = stories_en.PRODUCER_STORIES.get(spec.key)
        kind = stories_en.KINDS[spec.kind]
        if story:
            summary, paragraphs = story.summary, story.paragraphs
        else:
            names = [
                stories_en.PRODUCT_NAMES[p.key]
                for p in data.all_products()
                if p.producer == spec.key and p.key in stories_en.PRODUCT_NAMES
            ][:3]
            summary = f"A {kind} in {spec.commune}, Cần Thơ."
            paragraphs = (f"{spec.name} is a {kind} in {spec.commune}. It makes {and_(names)}.",)
        villages = self.village_titles(spec.key)
        if villages:
            paragraphs += (
                f"It is part of {and_(villages)}, where visitors can see how its products "
                "are made.",
            )
        body = [("text", RichText(paragraphs_html(paragraphs)))]
        if story and story.quote:
            body.append(("quote", {"quote": story.quote, "attribution": story.quote_by}))
        return {"summary": summary, "body": body}

    def english_ProductProfilePage(self, page):
        spec = self.products.get(page.slug)
        if spec is None or spec.key not in stories_en.HOW_MADE:
            return None
        producer = self.producers[spec.producer]
        name = stories_en.PRODUCT_NAMES[spec.key]
        ingredients, quote, quote_by = stories_en.PRODUCT_STORY_EXTRAS.get(spec.key, ("", "", ""))
        body = [
            ("text", RichText(f"<h2>How it is made</h2><p>{stories_en.HOW_MADE[spec.key]}</p>"))
        ]
        if ingredients:
            body.append(("text", RichText(f"<h2>Ingredients</h2><p>{ingredients}</p>")))
        where = f"<h2>Where it is made</h2><p>{producer.name}, {producer.commune}."
        villages = self.village_titles(spec.producer)
        if villages:
            where += f" Part of {and_(villages)}."
        body.append(("text", RichText(where + "</p>" + pages_en.SAMPLE_NOTE)))
        body.append(
            (
                "image",
                {
                    "image": self.story_pages.producer_image(producer),
                    "alt": f"Where it is made, in {producer.commune}",
                    "caption": producer.name,
                },
            )
        )
        if quote:
            body.append(("quote", {"quote": quote, "attribution": quote_by}))
        return {"title": f"The story of {name}", "body": body}

    def english_NewsPage(self, page):
        article = stories_en.NEWS.get(page.slug)
        if article is None:
            return None
        return {
            "slug": article.slug,
            "title": article.title,
            "summary": article.summary,
            "body": [("text", RichText(paragraphs_html(article.paragraphs)))],
            "tags": list(article.tags),
        }

    def english_StandardPage(self, page):
        text = stories_en.CONTENT_PAGES.get(page.slug)
        if text is None:
            return None
        return {
            "slug": text.slug,
            "title": text.title,
            "intro": text.intro,
            "body": [("text", RichText(paragraphs_html(text.paragraphs, note=False)))],
        }


def data_language():
    from django.conf import settings

    return settings.LANGUAGE_CODE


def _keys_in(locale):
    from wagtail.models import Page

    return Page.objects.filter(locale=locale).values("translation_key")


def and_(items):
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
