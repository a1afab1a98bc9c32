"""English for the demo's home, programme and village pages (``demo.data``), by key.

Written for tourists who read no Vietnamese: names of places, villages and producers
stay as they are spelt locally, everything else is English. ``demo.translations`` puts
these texts on the English translation of each page.
"""

from dataclasses import dataclass

SAMPLE_NOTE = (
    "<p><em>Sample content: the businesses, prices, figures and certificates on this page "
    "are made up for the demo and are not official information.</em></p>"
)

HOME = {
    "slug": "home",
    "title": "OCOP Cần Thơ",
    "hero_title": "Cần Thơ's certified specialities, from where they are made to your door",
    "hero_text": (
        "Products rated 3, 4 and 5 stars under the OCOP programme, made by the city's "
        "cooperatives, family workshops and craft villages, and the experiences waiting "
        "in its tourism villages."
    ),
    "intro": (
        "<p>The One Commune One Product (OCOP) programme of Cần Thơ city showcases the "
        "signature product of each commune and ward. Every product shows its star rating "
        "and the certificate that is currently in force.</p>"
    ),
}

PROGRAMME = {
    "slug": "programme",
    "title": "The OCOP programme in Cần Thơ",
    "plan_name": "Cần Thơ City People's Committee OCOP plan 2019–2020 (31 May 2019)",
    "intro": (
        "<p>The One Commune One Product (OCOP) programme helps Cần Thơ's cooperatives, "
        "cooperative groups, businesses and family workshops turn local specialities into "
        "standard products, which are assessed and rated from 3 to 5 stars.</p>"
    ),
}

VILLAGE_INDEX = {
    "slug": "villages",
    "title": "Tourism villages",
    "intro": (
        "<p>Cần Thơ's tourism villages, craft villages and community tourism spots, and "
        "the experiences you can book right here.</p>"
    ),
}


@dataclass(frozen=True)
class VillageText:
    slug: str
    title: str
    summary: str
    body: str
    opening_hours: str


VILLAGES = {
    "lang-du-lich-my-khanh": VillageText(
        "my-khanh-tourist-village",
        "Mỹ Khánh Tourist Village",
        "An eco-tourism village on the Mỹ Khánh canal: fruit orchards, an old wooden "
        "house, folk games and southern country cooking.",
        "<p>Mỹ Khánh Tourist Village lies on the road to Phong Điền, about 10 km from the "
        "centre of Ninh Kiều. Its 30 hectares hold fruit orchards, a century-old house, "
        "fish ponds and a shop of OCOP products.</p><p>It was the first tourism product "
        "of Cần Thơ to be certified OCOP 4 stars (87.7 points, in 2023).</p>" + SAMPLE_NOTE,
        "7:00–18:00 every day",
    ),
    "con-son": VillageText(
        "con-son-islet",
        "Cồn Sơn Islet",
        "A small island in the Hậu River where families run community tourism together, "
        "with fruit gardens and floating fish farms.",
        "<p>Cồn Sơn is an island of about 70 hectares in the Hậu River, five minutes by "
        "ferry from Cờ Bắc pier. Dozens of families open their gardens to visitors: watch "
        "the leaping snakehead fish, pick fruit and share a home-cooked lunch.</p><p>The "
        "islet's community tourism club shares out the visits so that every family gets "
        "its turn.</p>" + SAMPLE_NOTE,
        "7:30–17:30 every day",
    ),
    "lang-banh-trang-thuan-hung": VillageText(
        "thuan-hung-rice-paper-village",
        "Thuận Hưng Rice Paper Village",
        "A rice paper craft village in Thốt Nốt, more than 200 years old and listed as "
        "national intangible cultural heritage.",
        "<p>Rice paper has been made in Thuận Hưng for more than 200 years, and about a "
        "hundred families still practise the craft. In 2023 it was recognised as national "
        "intangible cultural heritage.</p><p>Visitors watch the sheets being steamed and "
        "laid out to dry on bamboo racks, and can make a sheet of their own.</p>" + SAMPLE_NOTE,
        "6:00–17:00, closed for the first three days of Lunar New Year",
    ),
    "cho-noi-cai-rang": VillageText(
        "cai-rang-floating-market",
        "Cái Răng Floating Market",
        "A market on the river since the early 20th century, where boats hang their "
        "produce from tall poles.",
        "<p>Cái Răng Floating Market gathers at first light on the Cần Thơ River, with "
        "hundreds of boats laden with fruit and vegetables. Each boat hangs what it sells "
        "from a tall pole so that buyers can see it from afar.</p><p>Around the market are "
        "noodle workshops and fruit gardens that welcome visitors.</p>" + SAMPLE_NOTE,
        "Market from 5:00 to 9:00 every day",
    ),
    "lang-van-hoa-khmer-phu-tam": VillageText(
        "phu-tam-khmer-cultural-village",
        "Phú Tâm Khmer Cultural Village",
        "A Khmer hamlet with its pagoda, stilt houses, folk dances and traditional cakes.",
        "<p>A day in a Khmer hamlet: visit the pagoda, hear about the Chol Chnam Thmay new "
        "year and the Ok Om Bok moon festival, watch folk dances and learn to make "
        "traditional cakes with the families of the hamlet.</p><p>A cultural tourism "
        "village is one of the city's OCOP targets for 2030.</p>" + SAMPLE_NOTE,
        "8:00–17:00; festivals follow the Khmer calendar",
    ),
    "vuon-trai-cay-phong-dien": VillageText(
        "phong-dien-fruit-gardens",
        "Phong Điền Fruit Gardens",
        "The orchard country of Phong Điền, with durian, rambutan, star apple and the "
        "Phong Điền floating market.",
        "<p>Phong Điền has dozens of fruit gardens and eco-tourism spots along the Vòng "
        "Cung road. Cycle from garden to garden, pick fruit straight from the tree and "
        "stop at the Phong Điền floating market in the morning.</p>" + SAMPLE_NOTE,
        "8:00–17:30 every day",
    ),
}
