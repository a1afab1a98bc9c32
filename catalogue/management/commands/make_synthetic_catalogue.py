"""A synthetic catalogue of N products for benchmarks: producers in Cần Thơ's communes,
products in the OCOP groups with a stock record each, certificates of every kind
(in force, expired, revoked, renewed, below 3 stars) and sales figures.

Everything is written with bulk_create in batches, so 100 000 products take a few
minutes on PostgreSQL. Synthetic products have a UPC starting with "SYN"; run again
with ``--replace`` to start over. Never run it on a database holding real data.
"""

import random
from datetime import timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.core.utils import slugify

import places
from catalogue import reference
from catalogue.certification import VALIDITY_MONTHS, stars_for_score
from catalogue.choices import IssuingLevel
from catalogue.ratings import refresh_ratings
from catalogue.search import stored_text, words_of
from pagecache import tags as page_tags
from partner.choices import ProducerKind

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
ProductRecord = get_model("analytics", "ProductRecord")

PREFIX = "SYN"

# Words that make plausible Mekong-delta product names, by group code.
NAMES = {
    "1": [
        "Bánh tráng",
        "Bánh pía",
        "Khô cá lóc",
        "Lạp xưởng",
        "Mắm cá linh",
        "Gạo thơm",
        "Nem nướng",
        "Bánh phồng tôm",
        "Tương ớt",
        "Mật ong hoa tràm",
        "Trà mãng cầu",
    ],
    "2": ["Rượu nếp", "Nước mãng cầu", "Cà phê rang xay", "Nước cốt dừa", "Rượu dâu"],
    "3": ["Tinh dầu sả", "Cao gừng", "Trà thảo mộc", "Dầu dừa nguyên chất"],
    "4": ["Giỏ lục bình", "Chiếu cói", "Nón lá", "Túi đan tre", "Gốm đỏ"],
    "5": ["Mai vàng", "Kiểng bonsai", "Lan rừng", "Cá cảnh"],
    "6": ["Tour chợ nổi", "Vườn trái cây", "Homestay miệt vườn", "Làng du lịch"],
}
QUALIFIERS = [
    "đặc biệt",
    "truyền thống",
    "loại 1",
    "hữu cơ",
    "sấy dẻo",
    "gia truyền",
    "cao cấp",
    "Phong Điền",
    "Cái Răng",
    "Thốt Nốt",
    "Ô Môn",
    "Vĩnh Thạnh",
]
PRODUCER_WORDS = ["Hợp tác xã", "Tổ hợp tác", "Công ty TNHH", "Cơ sở"]
KINDS = [
    ProducerKind.COOPERATIVE,
    ProducerKind.COOPERATIVE_GROUP,
    ProducerKind.ENTERPRISE,
    ProducerKind.HOUSEHOLD,
]
ISSUERS = {
    IssuingLevel.CENTRAL: "Bộ Nông nghiệp và Môi trường",
    IssuingLevel.CITY: "UBND thành phố Cần Thơ",
    IssuingLevel.DISTRICT: "UBND huyện Phong Điền",
}


class Command(BaseCommand):
    help = "Generate a synthetic catalogue of N products for benchmarks (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=10_000)
        parser.add_argument("--batch-size", type=int, default=5_000)
        parser.add_argument("--seed", type=int, default=148)
        parser.add_argument(
            "--replace", action="store_true", help="Delete earlier synthetic data first."
        )

    def handle(self, *args, products, batch_size, seed, replace, **options):
        if products < 1:
            raise CommandError("--products must be at least 1.")
        rng = random.Random(seed)
        existing = Product.objects.filter(upc__startswith=PREFIX)
        if existing.exists():
            if not replace:
                raise CommandError("Synthetic products exist already; use --replace.")
            self.delete_synthetic()
        reference.load_product_groups()
        reference.load_product_classes()
        started = timezone.now()
        with transaction.atomic():
            self.generate(rng, products, batch_size)
            # bulk_create saves no certificate one by one: the ratings are kept here.
            refresh_ratings(Product.objects.filter(upc__startswith=PREFIX))
            # bulk_create wrote the products' words: the matches kept for queries go.
            page_tags.touch(page_tags.SEARCH)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(self.style.SUCCESS(f"{products} synthetic products in {seconds:.1f} s."))

    def delete_synthetic(self):
        products = Product.objects.filter(upc__startswith=PREFIX)
        OcopCertificate.objects.filter(product__in=products).delete()
        StockRecord.objects.filter(product__in=products).delete()
        products.delete()
        Partner.objects.filter(code__startswith=PREFIX.lower()).delete()

    def generate(self, rng, count, batch_size):
        goods = ProductClass.objects.get(slug=reference.GOODS["slug"])
        subgroups = [c for c in Category.objects.filter(depth=2) if c.code]
        if not subgroups:
            raise CommandError("No product groups: run load_reference_data first.")
        roots = {c.path: c for c in Category.objects.filter(depth=1)}
        wards = places.wards()

        partners = Partner.objects.bulk_create(
            [
                Partner(
                    name=f"{rng.choice(PRODUCER_WORDS)} {rng.choice(QUALIFIERS).title()} {i}",
                    code=f"{PREFIX.lower()}-{i}",
                    kind=rng.choice(KINDS),
                    commune_code=rng.choice(wards)[0],
                )
                for i in range(max(10, count // 20))
            ],
            batch_size=batch_size,
        )
        today = timezone.localdate()
        ward_names = dict(wards)

        for start in range(0, count, batch_size):
            size = min(batch_size, count - start)
            rows = []
            for n in range(start, start + size):
                subgroup = rng.choice(subgroups)
                root = roots[subgroup.path[: subgroup.steplen]]
                base = rng.choice(NAMES.get(root.code, NAMES["1"]))
                title = f"{base} {rng.choice(QUALIFIERS)} {n}"
                partner = rng.choice(partners)
                description = f"{base} của {partner.name}, {ward_names[partner.commune_code]}."
                rows.append((subgroup, root, title, description, partner))
            created = Product.objects.bulk_create(
                [
                    Product(
                        title=title,
                        slug=slugify(title),
                        upc=f"{PREFIX}{start + i:08d}",
                        product_class=goods,
                        structure=Product.STANDALONE,
                        is_public=True,
                        description=description,
                        search_title=words_of(title)[:255],
                        search_text=stored_text(
                            title,
                            description,
                            partner.name,
                            ward_names[partner.commune_code],
                            subgroup.name,
                            subgroup.name_en,
                            root.name,
                            root.name_en,
                        ),
                    )
                    for i, (subgroup, root, title, description, partner) in enumerate(rows)
                ]
            )
            ProductCategory.objects.bulk_create(
                [
                    ProductCategory(product=p, category=row[0])
                    for p, row in zip(created, rows, strict=True)
                ]
            )
            StockRecord.objects.bulk_create(
                [
                    StockRecord(
                        product=p,
                        partner=row[4],
                        partner_sku=p.upc,
                        price_currency="VND",
                        price=Decimal(self.price(rng)),
                        num_in_stock=rng.randint(0, 500),
                    )
                    for p, row in zip(created, rows, strict=True)
                ]
            )
            OcopCertificate.objects.bulk_create(
                [c for p in created for c in self.certificates(rng, p, today)]
            )
            ProductRecord.objects.bulk_create(
                [
                    ProductRecord(product=p, num_purchases=int(rng.paretovariate(1.5)) - 1)
                    for p in created
                    if rng.random() < 0.6
                ]
            )
            self.stdout.write(f"  {start + size} / {count}")

    @staticmethod
    def price(rng):
        # Most specialities sell for 30 000–250 000 ₫; a few gifts and tours cost more.
        value = rng.lognormvariate(11.6, 0.8)
        return max(10_000, min(5_000_000, round(value, -3)))

    @staticmethod
    def certificates(rng, product, today):
        roll = rng.random()
        if roll < 0.35:
            return []  # not (yet) evaluated
        score = Decimal(
            rng.choice(
                [rng.randint(50, 69)] * 5
                + [rng.randint(70, 89)] * 4
                + [rng.randint(90, 98), rng.randint(30, 49)]
            )
        )
        stars = stars_for_score(score)
        level = (
            IssuingLevel.CENTRAL
            if stars == 5
            else rng.choice([IssuingLevel.CITY, IssuingLevel.CITY, IssuingLevel.DISTRICT])
        )
        decided = today - timedelta(days=rng.randint(1, 45 * 30))
        first = OcopCertificate(
            product=product,
            score=score,
            stars=stars,
            level=level,
            issuing_body=ISSUERS[level],
            decision_number=f"{rng.randint(100, 4999)}/QĐ-UBND",
            decision_date=decided,
            expires_on=decided + relativedelta(months=VALIDITY_MONTHS),
        )
        if roll > 0.97:
            first.revoked_on = decided + timedelta(days=200)
            first.revocation_reason = "Vi phạm tiêu chuẩn chất lượng"
        return [first]
