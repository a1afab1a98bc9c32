"""English for the demo's stories (``demo.stories``): producer profiles, product stories,
news and the plain content pages, keyed like the Vietnamese ones.

Producers without a written story are told from their catalogue data, as in Vietnamese,
with the English product names below. Names of producers and places stay as spelt locally.
"""

from dataclasses import dataclass, field

PRODUCER_INDEX = {
    "slug": "producers",
    "title": "OCOP producers",
    "intro": (
        "<p>The cooperatives, cooperative groups, businesses and family workshops that make "
        "Cần Thơ's OCOP products. Filter by kind or by commune to find one near you.</p>"
    ),
}
PRODUCT_STORY_INDEX = {"slug": "product-stories", "title": "Product stories"}
NEWS_INDEX = {
    "slug": "news",
    "title": "News",
    "intro": (
        "<p>News of Cần Thơ's OCOP programme: newly certified products, fairs and training.</p>"
    ),
}

# A producer's kind, as its English profile calls it.
KINDS = {
    "htx": "cooperative",
    "tht": "cooperative group",
    "dn": "company",
    "hkd": "family business",
}


@dataclass(frozen=True)
class ProducerStory:
    summary: str
    paragraphs: tuple[str, ...]
    quote: str = ""
    quote_by: str = ""


PRODUCER_STORIES = {
    "ut-huong": ProducerStory(
        "Three generations of rice paper makers in Thuận Hưng: dew-softened sheets made by "
        "hand and toasted over charcoal.",
        (
            "Út Hương's workshop stands in the rice paper hamlet of Thuận Hưng. Every day it "
            "makes about two thousand sheets from rice grown by farmers of the commune.",
            "The sheets are dried in the sun, toasted over a charcoal stove and then left out "
            "in the night dew until they turn soft, keeping the sweetness of the rice with no "
            "additives at all.",
        ),
        "Good rice paper comes from the night dew of Thuận Hưng and the new rice.",
        "Út Hương, owner of the workshop",
    ),
    "my-khanh-xanh": ProducerStory(
        "The cooperative of Mỹ Khánh's orchard families: seasonal fruit and garden tourism.",
        (
            "The cooperative brings together the fruit of more than forty orchard families in "
            "Mỹ Khánh, sorts and packs it, and sells it under one shared label.",
            "Its members also welcome visitors to Mỹ Khánh Tourist Village, where guests pick "
            "fruit in the gardens and eat a farmer's lunch.",
        ),
        "Guests eat fruit in the garden and take some home as a gift: that is how orchards "
        "make a living.",
        "Mr Khánh, director of the cooperative",
    ),
    "hat-ngoc": ProducerStory(
        "Fragrant rice grown with low-emission methods in the rice fields of Thới Lai.",
        (
            "The company works with the rice cooperatives of the area, buys their harvest "
            "under contract, and mills and packs it at its own plant in Cần Thơ.",
            "Every bag of rice carries a traceability code that tells you the field, the day "
            "of harvest and the day of milling.",
        ),
    ),
}

# The English name of every demo product, as a visitor would say it.
PRODUCT_NAMES = {
    "nhan-xuong-my-khanh": "golden longan",
    "buoi-da-xanh-hoa-an": "green-skin pomelo",
    "sau-rieng-ri6-phong-dien": "Ri6 durian",
    "hanh-tim-vinh-chau": "Vĩnh Châu purple shallots",
    "dau-tay-nhon-ai": "Nhơn Ái strawberries",
    "vu-sua-lo-ren": "Lò Rèn star apples",
    "gao-st25-hat-ngoc": "ST25 rice",
    "gao-jasmine-thoi-lai": "jasmine rice",
    "gao-lut-tim-thoi-lai": "purple brown rice",
    "mat-ong-hoa-tram": "cajeput flower honey",
    "mat-ong-hoa-nhan": "longan flower honey",
    "banh-trang-phoi-suong": "dew-softened rice paper",
    "banh-trang-nuong-me-den": "black sesame rice crackers",
    "banh-trang-dua-ut-huong": "coconut rice crackers",
    "banh-trang-cuon-ut-huong": "rice paper wrappers",
    "banh-pia-sau-rieng": "durian and salted egg pia cakes",
    "banh-pia-dau-xanh": "mung bean pia cakes",
    "lap-xuong-tom": "shrimp sausage",
    "cha-ca-thac-lac-tay-do": "featherback fish cakes",
    "cha-ca-hai-dong": "home-made featherback fish cakes",
    "nem-nuong-tay-do": "grilled pork sausage",
    "kho-ca-tra-phong": "dried pangasius fish",
    "kho-ca-loc": "dried snakehead fish",
    "kho-ca-tra-muoi-sang": "sun-dried pangasius fish",
    "mam-ca-linh": "fermented linh fish",
    "mam-thai-dong-que": "shredded fermented fish with papaya",
    "nuoc-mam-ca-linh": "linh fish sauce",
    "hanh-phi-vinh-chau": "crispy fried shallots",
    "tra-mang-cau": "soursop tea",
    "tra-kho-qua-rung": "wild bitter melon tea",
    "tra-hoa-dau-biec": "butterfly pea flower tea",
    "ruou-nep-than": "black sticky rice wine",
    "ruou-de-sau-lanh": "sticky rice spirit",
    "nuoc-ep-khom": "Cầu Đúc pineapple juice",
    "nuoc-ep-chanh-day": "passion fruit juice",
    "nuoc-mang-cau": "soursop juice",
    "cao-chum-ngay": "moringa extract",
    "tra-diep-ha-chau": "phyllanthus herbal tea",
    "vien-nghe-mat-ong": "turmeric and honey pills",
    "tinh-dau-sa-chanh": "lemongrass essential oil",
    "tinh-dau-tram": "cajeput essential oil",
    "xa-phong-bo-hon": "soapberry herbal soap",
    "tui-xach-luc-binh": "water hyacinth handbag",
    "den-luc-binh": "water hyacinth lamp",
    "tranh-luc-binh": "water hyacinth picture",
    "gio-luc-binh": "water hyacinth baskets",
    "ro-tre-long-my": "bamboo kitchen baskets",
    "mai-vang-bonsai": "yellow apricot blossom bonsai",
    "mai-vang-giao": "double yellow apricot blossom tree",
    "kieng-la-trau-ba": "pothos plant",
    "ca-bay-mau": "guppy fish",
    "hu-tieu-kho-tay-do": "dried rice noodles",
    "tuong-ot-xiem-xanh": "green bird's eye chilli sauce",
    "ruou-dau-tam": "mulberry wine",
    "khay-may-long-my": "rattan sweet tray",
    "cuc-mam-xoi": "button chrysanthemums",
    "ve-lang-my-khanh": "a day pass to Mỹ Khánh Tourist Village",
    "tat-muong-bat-ca": "catching fish in a drained ditch",
    "ca-loc-bay-con-son": "the leaping fish of Cồn Sơn",
    "com-nha-vuon-con-son": "a garden lunch on Cồn Sơn",
    "tu-tay-lam-banh-trang": "making rice paper in Thuận Hưng",
    "lo-hu-tieu": "a noodle-making class in Cái Răng",
    "cho-noi-binh-minh": "Cái Răng floating market at dawn",
    "dua-ghe-ngo": "the ngo boat race practice",
    "dap-xe-mie-vuon": "a half-day bike ride through the orchards",
    "mot-ngay-phum-soc": "a day in the Phú Tâm Khmer hamlet",
    "tham-quan-vuon-phong-dien": "a fruit garden visit in Phong Điền",
}

# How each certified product is made, for its story page.
HOW_MADE = {
    "nhan-xuong-my-khanh": "Golden longan grown on the river islets: thick, dry and delicately "
    "sweet flesh. Bunches are cut in the morning and delivered the same day.",
    "buoi-da-xanh-hoa-an": "Pink-fleshed green-skin pomelos with thin rind and dry segments, "
    "grown to VietGAP standards by the cooperative. Each fruit weighs 1.5 to 2 kg and "
    "carries a traceability tag on its stalk.",
    "sau-rieng-ri6-phong-dien": "Ri6 durian with golden flesh and small seeds, ripened on the "
    "tree in Phong Điền. The cooperative only picks fully grown fruit, so it is rich and "
    "fragrant.",
    "hanh-tim-vinh-chau": "Small, firm purple shallots with the strong aroma of the sandy "
    "ridges of Vĩnh Châu. They are dried and graded by size before going into mesh bags.",
    "dau-tay-nhon-ai": "Strawberries grown under cover in the orchards of Nhơn Ái and picked "
    "at dawn. Small, sweet and tart, for eating fresh or in smoothies; in season from "
    "December to April.",
    "vu-sua-lo-ren": "Lò Rèn star apples with thin skin and milky, cool white flesh. Each "
    "fruit is bagged while small so that its skin stays smooth and clean.",
    "gao-st25-hat-ngoc": "The rice is harvested fully ripe, dried at a low temperature so the "
    "grains do not crack, then milled and packed within a week.",
    "gao-jasmine-thoi-lai": "Jasmine rice from the cooperative's large fields, grown with less "
    "chemical fertiliser and spray. Soft, lightly fragrant rice for everyday family meals.",
    "gao-lut-tim-thoi-lai": "Purple brown rice that keeps its fibre-rich bran. Cook it as rice "
    "or roast it to brew brown rice tea.",
    "mat-ong-hoa-tram": "Honey from hives kept at the edge of the cajeput forests of Hậu "
    "Giang: amber, rich and slightly minty. It is filtered and dried naturally, with no "
    "added sugar.",
    "mat-ong-hoa-nhan": "Honey gathered while the longan trees are in flower: pale gold and "
    "gently fragrant. Lovely in warm water in the morning or with tea.",
    "banh-trang-phoi-suong": "Rice is soaked overnight, ground fine and spread thin over a "
    "steamer. The sheets dry in the sun for half a day, are toasted over charcoal and then "
    "left out in the night dew until soft.",
    "banh-trang-nuong-me-den": "Thick black sesame rice crackers toasted over glowing charcoal "
    "until they puff up and crunch. Ten in a pack, with sweet soup or crumbled over salads.",
    "banh-trang-dua-ut-huong": "Rice crackers made with coconut milk and sesame, spread thin "
    "and dried on bamboo racks. Toasted, they are crisp and rich.",
    "banh-trang-cuon-ut-huong": "Thin rice paper for spring rolls: a quick dip softens it "
    "without tearing. Made by hand every day at the family's kiln in Thuận Hưng.",
    "banh-pia-sau-rieng": "Flaky pia cakes filled with mung bean, durian and salted egg yolk, "
    "from the recipe of a Chinese-Vietnamese family in Mỹ Xuyên, baked fresh every day.",
    "banh-pia-dau-xanh": "Pia cakes with a smooth, not too sweet mung bean filling and thin "
    "flaky pastry. Four in a box, a favourite gift.",
    "lap-xuong-tom": "Sausage of pork and river shrimp, seasoned with rose wine and dried in "
    "the sun. Fry or grill it and eat it with rice or sticky rice.",
    "cha-ca-thac-lac-tay-do": "Featherback fish paste pounded by hand, springy and naturally "
    "sweet, already seasoned with pepper and spring onion. Keep frozen; fry, steam or cook "
    "it in bitter melon soup.",
    "cha-ca-hai-dong": "Featherback fish cakes made the home way, without borax or "
    "preservatives. Each batch is small, so it sells out the same day at Cái Răng market.",
    "nem-nuong-tay-do": "Ready-shaped grilled pork sausage: just grill it over charcoal or in "
    "an air fryer. Comes with a sachet of bean dipping sauce.",
    "kho-ca-tra-phong": "Pangasius dried for one day in the sun: thick, rich and lightly "
    "salted. Fry or grill it and eat it with rice and chopped green mango.",
    "kho-ca-loc": "Field snakehead split open and dried in the wind and sun by the Hậu "
    "River. Firm and sweet, wonderfully fragrant when grilled.",
    "kho-ca-tra-muoi-sang": "Pangasius from Thốt Nốt, salted and sugared fresh and dried for "
    "exactly one day in the sun. Tender, fragrant and not too salty.",
    "mam-ca-linh": "Linh fish from the flood season, fermented with salt and roasted rice "
    "powder. Braise it, steam it with pork or make a fermented fish hotpot.",
    "mam-thai-dong-que": "Shredded fermented snakehead mixed with grated papaya and roasted "
    "rice powder, sweet and sour. Eat it with boiled pork belly and fresh herbs.",
    "nuoc-mam-ca-linh": "Fish sauce drawn from linh fish fermented for more than a year: deep "
    "amber with a sweet finish and no flavour enhancers.",
    "hanh-phi-vinh-chau": "Vĩnh Châu shallots sliced thin and fried golden in vegetable oil, "
    "crisp and long-lasting. Scatter over rice porridge, sticky rice or noodles.",
    "tra-mang-cau": "Tea bags of sliced soursop, cold-dried to keep its fresh tartness. Drink "
    "it hot or iced, with a little honey.",
    "tra-kho-qua-rung": "Wild bitter melon dried and cut small: gently bitter, then sweet. "
    "Steep in boiling water for five minutes.",
    "tra-hoa-dau-biec": "Dried butterfly pea flowers that brew a blue tea, turning pink with "
    "a squeeze of lime. Also used to colour sticky rice and cakes.",
    "ruou-nep-than": "Black sticky rice wine distilled by hand with leaf yeast and aged in "
    "clay jars: deep purple, smelling of sticky rice, 29% alcohol.",
    "ruou-de-sau-lanh": "Spirit distilled from waxy sticky rice in the old way of Thới Lai, "
    "39% alcohol, in a food-grade bottle with a sealed label.",
    "nuoc-ep-khom": "Juice of tree-ripened Cầu Đúc pineapples with no added sugar, quickly "
    "pasteurised to keep it fresh. Shake well and serve cold.",
    "nuoc-ep-chanh-day": "Passion fruit juice with its seeds, gently tart and refreshing on a "
    "hot day, made from fruit bought from local farmers.",
    "nuoc-mang-cau": "Soursop juice blended with the pulp, lightly thick and naturally sweet "
    "and sour. Keep cool and drink within seven days of opening.",
    "cao-chum-ngay": "A thick extract of organically grown moringa leaves, concentrated at low "
    "temperature. Mix a small spoonful with warm water; it is not a medicine.",
    "tra-diep-ha-chau": "Phyllanthus herb dried in the shade and packed in tea bags. Mildly "
    "bitter, drunk instead of tea every day.",
    "vien-nghe-mat-ong": "Turmeric starch rolled into pills with cajeput honey and dried "
    "naturally. It is not a medicine and does not replace one.",
    "tinh-dau-sa-chanh": "Essential oil steam-distilled from lemongrass grown in Phụng Hiệp. "
    "Diffuse it, keep mosquitoes away or dilute it to clean the floor.",
    "tinh-dau-tram": "Pure cajeput oil distilled from the leaves of the forest's edge. Rub on "
    "the chest or the soles of the feet to keep warm.",
    "xa-phong-bo-hon": "Hand-made soap of soapberry, coconut oil and lemongrass oil. Gentle on "
    "the skin, with no synthetic foaming agents.",
    "tui-xach-luc-binh": "A handbag woven by hand from dried water hyacinth stems and lined "
    "with canvas. Each one takes the women of the cooperative about two days.",
    "den-luc-binh": "A round lampshade of woven water hyacinth that gives a warm golden "
    "light, for cafés, homestays and living rooms.",
    "tranh-luc-binh": "A river landscape made of naturally dyed water hyacinth fibres in a "
    "30 × 40 cm wooden frame: a keepsake of the Mekong Delta.",
    "gio-luc-binh": "A set of three lidded water hyacinth baskets, thick and sturdy, for "
    "clothes, toys or fruit. Large, medium and small, they nest inside each other.",
    "ro-tre-long-my": "A set of baskets woven from mature bamboo soaked in mud against "
    "woodworm, for washing rice and vegetables or drying food: the tools of a country "
    "kitchen in the Mekong Delta.",
    "mai-vang-bonsai": "A five-year-old yellow apricot blossom tree trained as a bonsai, its "
    "leaves stripped so it blooms in time for Tết. Delivered in a ceramic pot with care "
    "instructions for after the New Year.",
    "mai-vang-giao": "A double-flowered yellow apricot blossom tree with deep yellow, "
    "long-lasting flowers, about 60 cm tall in a cement pot.",
    "kieng-la-trau-ba": "Glossy green pothos in a 15 cm pot, easy to care for and happy in the "
    "shade: for a desk or a bookshelf.",
    "ca-bay-mau": "A pair of bright broad-tailed guppies, raised in dechlorinated tap water. "
    "Delivered in an oxygen bag, with instructions for releasing them.",
    "ve-lang-my-khanh": "A full-day ticket to the village: the old house, the fruit gardens, "
    "the pig races and a performance of southern folk music.",
    "ca-loc-bay-con-son": "Cross to the islet by boat, watch the snakehead leap for its food, "
    "stroll through the gardens and taste the fruit of the season. About two hours, guided "
    "by people who live on the islet.",
    "tu-tay-lam-banh-trang": "A craftswoman shows you how to grind the rice, spread the batter "
    "over the steamer, lay the sheets on the racks and toast them. Take home a stack of your "
    "own rice paper. About two hours.",
    "cho-noi-binh-minh": "Leave Ninh Kiều pier at 5:30, watch the sun rise over the river, eat "
    "noodle soup on a boat and buy fruit at the market. About three hours, life jackets "
    "provided.",
    "mot-ngay-phum-soc": "Visit the pagoda with the villagers, watch the Romvong dance, have a "
    "Khmer lunch and learn to make traditional cakes. A full day, with a guide who speaks "
    "Khmer and Vietnamese.",
    "tham-quan-vuon-phong-dien": "Walk through the durian, rambutan and mangosteen gardens in "
    "season and eat as much fruit as you like. About two hours.",
}

# Ingredients and sayings of the richer product stories.
PRODUCT_STORY_EXTRAS = {
    "banh-trang-phoi-suong": (
        "Rice, salt and water. No preservatives.",
        "The dew has to fall properly for the paper to turn soft; on a dry night we wait.",
        "A rice paper maker of the cooperative",
    ),
    "gao-st25-hat-ngoc": ("ST25 rice, 100%.", "", ""),
}


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    summary: str
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]


NEWS = {
    "cong-nhan-san-pham-ocop-dot-1": Article(
        "first-round-of-ocop-certification",
        "Cần Thơ certifies new OCOP products in its first round",
        "The city's OCOP evaluation board has scored the products entered in the first "
        "round; many reached 4 stars.",
        ("certification", "4-star OCOP"),
        (
            "The OCOP evaluation and rating board of Cần Thơ city met to score the products "
            "entered in the first round of the year.",
            "Products scoring 50 points or more are proposed for 3 stars and those scoring 70 "
            "for 4 stars; products reaching 90 points go forward to the national level for "
            "5 stars.",
        ),
    ),
    "hoi-cho-ocop-ben-ninh-kieu": Article(
        "ocop-fair-at-ninh-kieu-pier",
        "OCOP products fair at Ninh Kiều pier",
        "Three days of stalls from the cooperatives, craft villages and tourism villages.",
        ("fair", "tourism"),
        (
            "The fair has stalls from the city's OCOP producers, and corners where visitors "
            "can try making rice paper and weaving water hyacinth.",
            "Shoppers can also order online on this site and have their goods delivered to "
            "their door.",
        ),
    ),
    "tap-huan-chu-the-ocop": Article(
        "training-for-ocop-producers",
        "Training producers to prepare their OCOP applications",
        "A course showing producers how to prepare their files, labels and traceability.",
        ("training",),
        (
            "The course is for cooperatives, cooperative groups and family businesses "
            "getting ready to have their products evaluated.",
            "Participants learn how to label their products, declare their quality and add "
            "a traceability code.",
        ),
    ),
}


@dataclass(frozen=True)
class ContentPage:
    slug: str
    title: str
    intro: str
    paragraphs: tuple[str, ...] = field(default_factory=tuple)


CONTENT_PAGES = {
    "gioi-thieu": ContentPage(
        "about",
        "About the OCOP programme in Cần Thơ",
        "One Commune One Product: each commune's and ward's signature product, assessed "
        "and certified with 3 to 5 stars.",
        (
            "The One Commune One Product (OCOP) programme develops products from the "
            "strengths of each place, owned by cooperatives, businesses and family producers.",
            "Products are scored out of 100: 50 to 69 points earn 3 stars, 70 to 89 points 4 "
            "stars, and from 90 points a product can be certified 5 stars at national level. "
            "A certificate is valid for 36 months.",
            "This site presents and sells the certified products online, together with the "
            "city's tourism villages.",
        ),
    ),
    "tro-thanh-chu-the-ocop": ContentPage(
        "become-an-ocop-producer",
        "Become an OCOP producer",
        "How your business can have its products evaluated and rated.",
        (
            "1. Contact the city's OCOP standing office or the People's Committee of the "
            "commune or ward where you produce, for guidance.",
            "2. Prepare your file: the registration form, a business plan, and documents on "
            "the quality, labelling and origin of the product.",
            "3. The evaluation board scores the product; from 50 points it is certified and "
            "can be sold on this site.",
        ),
    ),
    "giao-hang-doi-tra": ContentPage(
        "delivery-and-returns",
        "Delivery and returns",
        "Each producer packs and ships its own part of your order.",
        (
            "Delivery is charged per producer in your basket, and is free when your order "
            "from one producer reaches the set amount.",
            "Faulty or damaged goods can be returned within 7 days; for fresh produce, "
            "please tell us on the day you receive it.",
        ),
    ),
    "chinh-sach-bao-mat": ContentPage(
        "privacy-policy",
        "Privacy policy",
        "Your information is only used to deliver and look after your orders.",
        (
            "We keep your name, address, phone number and email to handle your orders. Each "
            "producer only sees what it needs to deliver its part of the order.",
            "Card details are handled by the payment provider and are never stored on this site.",
        ),
    ),
    "dieu-khoan": ContentPage(
        "terms-of-use",
        "Terms of use",
        "The rules for buying on and using this site.",
        (
            "Prices, stock and star ratings shown on the site are correct at the time you "
            "see them. An order is confirmed when the producer accepts it.",
            "An OCOP star rating is only shown while its certificate is in force.",
        ),
    ),
}
