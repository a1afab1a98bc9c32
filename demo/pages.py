"""Loads the demo's story pages (``demo.stories``) through a ``DemoLoader``, idempotently.

Pages are found again by their slug under their parent; a producer's page and its
products' stories are owned by the producer's demo account, so that account can edit
them in Wagtail (and its edits wait for an officer's approval)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText

from cms.models import NewsIndexPage, NewsPage, StandardPage
from partner.choices import ProducerKind
from profiles.models import (
    ProducerIndexPage,
    ProducerPage,
    ProductProfileIndexPage,
    ProductProfilePage,
)

from . import data, images, producer_summaries, stories


class StoryPages:
    def __init__(self, loader, home):
        self.loader = loader
        self.home = home
        self.owners = self._owners()
        self.producer_images = {}

    def _owners(self):
        User = get_user_model()
        emails = {a.producer: a.email for a in data.ACCOUNTS if a.producer}
        users = {u.email.lower(): u for u in User.objects.filter(email__in=emails.values())}
        return {key: users.get(email.lower()) for key, email in emails.items()}

    def run(self):
        producers = self.index(ProducerIndexPage, stories.PRODUCER_INDEX)
        for spec in data.PRODUCERS:
            self.producer_page(producers, spec)
        product_stories = self.index(ProductProfileIndexPage, stories.PRODUCT_STORY_INDEX)
        for spec in data.all_products():
            if spec.certs:
                self.product_story(product_stories, spec)
        news = self.index(NewsIndexPage, stories.NEWS_INDEX)
        for article in stories.NEWS:
            self.article(news, article)
        for spec in stories.CONTENT_PAGES:
            self.content_page(spec)

    def index(self, model, spec):
        page = model.objects.first()
        if page is None:
            fields = {k: v for k, v in spec.items() if k in {"title", "slug", "intro"}}
            page = self.loader.publish(self.home, model(**fields))
        return page

    def publish(self, parent, page, owner=None):
        page.owner = owner
        return self.loader.publish(parent, page)

    def producer_image(self, spec):
        if spec.key not in self.producer_images:
            main = next(p for p in data.all_products() if p.producer == spec.key)
            group = main.category.split(".")[0]
            self.producer_images[spec.key] = self.loader.wagtail_image(
                f"co-so-{spec.key}",
                spec.name,
                lambda: images.producer_picture(spec.key, main.title, group),
                images.PRODUCER_STYLE,
            )
        return self.producer_images[spec.key]

    def villages_of(self, key):
        return [v for v in data.VILLAGES if key in v.producers]

    def producer_page(self, index, spec):
        image = self.producer_image(spec)  # (re)drawn for databases of an earlier demo too
        if ProducerPage.objects.child_of(index).filter(slug=spec.key).exists():
            return
        commune = spec.commune
        story = stories.PRODUCER_STORIES.get(spec.key)
        kind = ProducerKind(spec.kind).label
        products = [p for p in data.all_products() if p.producer == spec.key]
        if story:
            summary, paragraphs = story.summary, story.paragraphs
        else:
            summary = producer_summaries.SUMMARIES[spec.key]
            paragraphs = (
                summary,
                f"{spec.name} là {str(kind).lower()} ở {commune}. Sản phẩm: "
                + ", ".join(p.title for p in products[:4])
                + ".",
            )
        villages = self.villages_of(spec.key)
        if villages:
            paragraphs += (
                "Cơ sở thuộc " + ", ".join(v.title for v in villages) + "; du khách có thể "
                "ghé thăm nơi làm ra sản phẩm.",
            )
        body = [("text", RichText(stories.paragraphs_html(paragraphs)))]
        if story and story.quote:
            body.append(("quote", {"quote": story.quote, "attribution": story.quote_by}))
        page = ProducerPage(
            title=spec.name,
            slug=spec.key,
            partner=self.loader.partners[spec.key],
            summary=summary,
            image=image,
            body=body,
        )
        self.publish(index, page, self.owners.get(spec.key))

    def product_story(self, index, spec):
        product = self.loader.products[spec.key]
        if ProductProfilePage.objects.child_of(index).filter(slug=spec.key).exists():
            return
        producer = next(p for p in data.PRODUCERS if p.key == spec.producer)
        story = stories.PRODUCT_STORIES.get(spec.key)
        body = []
        how = story.how_made if story else spec.description
        body.append(("text", RichText(f"<h2>Cách làm ra</h2><p>{how}</p>")))
        if story and story.ingredients:
            body.append(("text", RichText(f"<h2>Thành phần</h2><p>{story.ingredients}</p>")))
        villages = self.villages_of(spec.producer)
        place = f"{producer.name}, {producer.commune}"
        where = f"<h2>Nơi làm ra</h2><p>{place}."
        if villages:
            where += " Thuộc " + ", ".join(v.title for v in villages) + "."
        body.append(("text", RichText(where + "</p>" + data.SAMPLE_NOTE)))
        body.append(
            (
                "image",
                {
                    "image": self.producer_image(producer),
                    "alt": f"Quang cảnh nơi làm ra sản phẩm ở {producer.commune}",
                    "caption": producer.name,
                },
            )
        )
        if story and story.quote:
            body.append(("quote", {"quote": story.quote, "attribution": story.quote_by}))
        page = ProductProfilePage(
            title=f"Câu chuyện {spec.title[:1].lower()}{spec.title[1:]}",
            slug=spec.key,
            product=product,
            body=body,
        )
        self.publish(index, page, self.owners.get(spec.producer))

    def article(self, index, spec):
        if NewsPage.objects.child_of(index).filter(slug=spec.slug).exists():
            return
        page = NewsPage(
            title=spec.title,
            slug=spec.slug,
            date=self.loader.today - timedelta(days=spec.days_ago),
            summary=spec.summary,
            image=self.loader.wagtail_image(
                f"tin-{spec.slug}", spec.title, lambda: images.village_scene(spec.slug, spec.motif)
            ),
            body=[("text", RichText(stories.paragraphs_html(spec.paragraphs)))],
        )
        page.tags.add(*spec.tags)
        self.publish(index, page)

    def content_page(self, spec):
        if StandardPage.objects.child_of(self.home).filter(slug=spec.slug).exists():
            return
        page = StandardPage(
            title=spec.title,
            slug=spec.slug,
            intro=spec.intro,
            body=[("text", RichText(stories.paragraphs_html(spec.paragraphs, note=False)))],
        )
        self.publish(self.home, page)
