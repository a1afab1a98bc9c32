"""English for every demo product and experience, keyed by the product's ``key`` in
``demo.data``: a title and a description, written for a visitor who reads no
Vietnamese. Place and producer names stay as they are written locally."""

PRODUCTS_EN = {
    # 1.1 Fresh food
    "nhan-xuong-my-khanh": (
        "Xuồng longans from Mỹ Khánh Xanh",
        "Golden xuồng longans grown on river-island soil: thick, dry flesh with a clean "
        "sweetness. Bunches are cut in the morning and delivered the same day. Price per kg.",
    ),
    "buoi-da-xanh-hoa-an": (
        "Green-skin pomelo from Hòa An Phát",
        "Pink-fleshed green-skin pomelo with a thin peel and dry, easy-to-separate segments, "
        "grown to VietGAP standards by the cooperative. Each fruit weighs about 1.5–2 kg "
        "and carries a traceability tag on its stem.",
    ),
    "sau-rieng-ri6-phong-dien": (
        "Ri6 durian from Phong Điền Thịnh Vượng",
        "Ri6 durian with golden flesh and small seeds, left to ripen on the tree in the "
        "orchards of Phong Điền. The cooperative picks only fully mature fruit, so it is "
        "rich and deeply fragrant. Price per kg.",
    ),
    "hanh-tim-vinh-chau": (
        "Vĩnh Châu shallots, 1 kg bag",
        "Small, firm shallots with the pungent aroma of Vĩnh Châu's sandy ridges. They are "
        "dried and sorted by size before being packed in mesh bags.",
    ),
    "dau-tay-nhon-ai": (
        "Nhơn Ái strawberries, 500 g box",
        "Strawberries grown under cover in the orchards of Nhơn Ái and picked at dawn. "
        "Small, sweet and tangy, lovely fresh or in a smoothie. In season from December "
        "to April.",
    ),
    "vu-sua-lo-ren": (
        "Lò Rèn star apples from Tư Lành Garden",
        "Lò Rèn star apples (milk fruit) with thin skin and translucent white flesh, juicy "
        "and refreshingly sweet. Each fruit is bagged while small to keep its skin smooth "
        "and clean. Price per kg.",
    ),
    # 1.2 Raw and lightly processed food
    "gao-st25-hat-ngoc": (
        "Hạt Ngọc Phương Nam ST25 rice, 5 kg bag",
        "ST25 rice grown in rotation with shrimp ponds: long grains that cook soft and "
        "fragrant with a hint of pandan. Cold-dried and milled the day it is vacuum-packed.",
    ),
    "gao-jasmine-thoi-lai": (
        "Thới Lai Xanh jasmine rice, 5 kg bag",
        "Fragrant jasmine rice from the cooperative's large fields, farmed with less "
        "chemical fertiliser and spray. Soft and lightly scented, made for everyday "
        "family meals.",
    ),
    "gao-lut-tim-thoi-lai": (
        "Thới Lai Xanh purple brown rice, 2 kg bag",
        "Deep purple brown rice that keeps its fibre-rich bran. Cook it as rice, or roast "
        "it to brew brown-rice tea.",
    ),
    "mat-ong-hoa-tram": (
        "Mật Vàng cajeput-flower honey, 500 ml bottle",
        "Honey from hives kept at the edge of Hậu Giang's cajeput forest: amber, richly "
        "sweet with a faint cooling note. Filtered and naturally dried, with no added sugar.",
    ),
    "mat-ong-hoa-nhan": (
        "Mật Vàng longan-blossom honey, 350 ml bottle",
        "Longan-blossom honey gathered while the longan trees flower: pale gold and gently "
        "fragrant. Stir it into warm water in the morning or serve it with tea.",
    ),
    # 1.3 Processed food
    "banh-trang-phoi-suong": (
        "Thuận Hưng Xưa dew-dried rice paper",
        "Hand-made rice paper from good rice, sun-dried, toasted and then left out in the "
        "night dew, the way the Thuận Hưng craft village has always made it. Soft and "
        "pliable with no need to wet it: perfect for wrapping boiled pork and wild herbs. "
        "500 g pack.",
    ),
    "banh-trang-nuong-me-den": (
        "Thuận Hưng Xưa black sesame rice crackers",
        "Thick black-sesame rice crackers that puff up crisp over glowing charcoal. Pack "
        "of 10; eat them with sweet soup or crumble them over a salad.",
    ),
    "banh-trang-dua-ut-huong": (
        "Út Hương coconut rice paper",
        "Rice paper made with coconut milk and sesame, spread thin and dried on bamboo "
        "racks. Toast it until crisp, rich and fragrant. Pack of 10.",
    ),
    "banh-trang-cuon-ut-huong": (
        "Út Hương spring-roll rice paper, 500 g stack",
        "Thin rice paper for fresh and fried spring rolls: a quick dip softens it without "
        "tearing. Made by hand every day in the family's workshop in Thuận Hưng.",
    ),
    "banh-pia-sau-rieng": (
        "Ngọc Phát durian and salted-egg pía cakes, box of 4",
        "Flaky pía cakes with a thousand layers, filled with mung bean, durian and salted "
        "egg yolk. A family recipe of Mỹ Xuyên's Chinese-Vietnamese community, baked "
        "fresh every day.",
    ),
    "banh-pia-dau-xanh": (
        "Ngọc Phát mung-bean pía cakes, box of 4",
        "Pía cakes with a smooth, gently sweet mung-bean filling in a thin, flaky pastry. "
        "A box of 4 makes a good gift.",
    ),
    "lap-xuong-tom": (
        "Ngọc Phát pork and shrimp sausage, 500 g",
        "Chinese-style sausage of pork and freshwater shrimp, marinated in rose liquor "
        "and sun-dried. Fry or grill it and serve with steamed rice or sticky rice.",
    ),
    "cha-ca-thac-lac-tay-do": (
        "Tây Đô Quê Nhà featherback fish cake, 500 g box",
        "Featherback fish paste pounded by hand, springy and naturally sweet, already "
        "seasoned with pepper and spring onion. Keep frozen; thaw, then fry, steam or "
        "cook it in bitter-melon soup.",
    ),
    "cha-ca-hai-dong": (
        "Hai Đông featherback fish cake, 500 g box",
        "Home-style featherback fish cake with no borax and no preservatives. Made in "
        "small batches that sell out the same day at Cái Răng market.",
    ),
    "nem-nuong-tay-do": (
        "Tây Đô Quê Nhà grilled pork sausage, 500 g",
        "Ready-shaped grilled pork sausage (nem nướng): cook it over charcoal or in an air "
        "fryer. Comes with a sachet of soybean dipping sauce.",
    ),
    "hu-tieu-kho-tay-do": (
        "Tây Đô Quê Nhà dried rice noodles, 500 g pack",
        "Thin hủ tiếu noodles made from rice and dried naturally. Blanch for 2–3 minutes "
        "for noodle soup or stir-fry.",
    ),
    "kho-ca-tra-phong": (
        "Thới An dried pangasius, 500 g bag",
        "Pangasius fish dried for a single day in the sun: thick, rich and lightly salted. "
        "Fry or grill until golden and eat with rice and chopped green mango.",
    ),
    "kho-ca-loc": (
        "Thới An dried snakehead fish, 500 g bag",
        "Wild snakehead fish, butterflied and dried in the sun and wind along the Hậu "
        "River. Firm and sweet, and wonderfully fragrant when grilled.",
    ),
    "kho-ca-tra-muoi-sang": (
        "Mười Sang one-sun dried pangasius, 500 g",
        "Pangasius dried for exactly one day in Thốt Nốt: fresh fish cured with salt and "
        "sugar, then laid out in the sun. Tender, fragrant and not too salty.",
    ),
    "mam-ca-linh": (
        "Đồng Quê fermented linh fish, 500 g jar",
        "Mắm made from flood-season linh fish fermented with salt and roasted rice powder. "
        "Use it to braise, to steam with pork or for a fermented-fish hotpot.",
    ),
    "mam-thai-dong-que": (
        "Đồng Quê mắm thái fermented fish salad, 500 g jar",
        "Shredded fermented snakehead fish mixed with grated green papaya and roasted rice "
        "powder, balanced sweet and sour. Eat it with boiled pork belly and fresh herbs.",
    ),
    # 1.4 Sauces and spices
    "nuoc-mam-ca-linh": (
        "Đồng Quê linh fish sauce, 500 ml bottle",
        "Fish sauce drawn from linh fish fermented for more than a year: amber-brown with "
        "a sweet finish. No added flavour enhancers.",
    ),
    "hanh-phi-vinh-chau": (
        "Vĩnh Châu crispy fried shallots, 200 g jar",
        "Vĩnh Châu shallots, thinly sliced and fried golden in vegetable oil: crisp and "
        "fragrant for a long time. Sprinkle over rice porridge, sticky rice or noodles.",
    ),
    "tuong-ot-xiem-xanh": (
        "Tây Đô Quê Nhà green bird's-eye chilli sauce, 250 g bottle",
        "Chilli sauce made from green bird's-eye chillies from the orchards: fiery yet "
        "fragrant. For seafood, grilled food or salads.",
    ),
    # 1.5 Teas
    "tra-mang-cau": (
        "Sông Hậu Việt soursop tea, box of 20 tea bags",
        "Tea bags of sliced soursop fruit, cold-dried to keep its gentle tartness. Drink "
        "it hot or iced, with a little honey.",
    ),
    "tra-kho-qua-rung": (
        "Sông Hậu Việt wild bitter melon tea, 150 g box",
        "Dried and chopped wild bitter melon, lightly bitter with a sweet finish. Steep "
        "in boiling water for 5 minutes before drinking.",
    ),
    "tra-hoa-dau-biec": (
        "Sông Hậu Việt butterfly pea flower tea, 50 g box",
        "Dried butterfly pea flowers brew a naturally blue-violet tea that turns pink when "
        "you add lime. Also used to colour sticky rice and cakes.",
    ),
    # 2.1 Alcoholic drinks
    "ruou-nep-than": (
        "Sáu Lành black sticky rice wine, 500 ml bottle",
        "Black sticky rice wine distilled by hand with leaf yeast and aged in earthenware "
        "jars. Deep purple, with the aroma of sticky rice; 29% alcohol.",
    ),
    "ruou-de-sau-lanh": (
        "Sáu Lành sticky rice spirit, 2 litre jug",
        "Rice spirit (rượu đế) distilled from waxy sticky rice the traditional Thới Lai "
        "way, 39% alcohol. In a food-grade jug with a tamper seal.",
    ),
    "ruou-dau-tam": (
        "Sáu Lành mulberry wine, 500 ml bottle",
        "Wine steeped from ripe mulberries grown along the canals, sweet and tart, 18% "
        "alcohol. Serve chilled after a meal.",
    ),
    # 2.2 Soft drinks
    "nuoc-ep-khom": (
        "Miệt Vườn Cầu Đúc pineapple juice, 330 ml bottle",
        "Juice of tree-ripened Cầu Đúc pineapples with no added sugar, flash-pasteurised "
        "to keep it fresh-tasting. Shake well; best served cold.",
    ),
    "nuoc-ep-chanh-day": (
        "Miệt Vườn passion fruit juice, 330 ml bottle",
        "Passion fruit juice with its seeds, gently tart and refreshing on a hot day. Made "
        "from passion fruit bought from farming households in the area.",
    ),
    "nuoc-mang-cau": (
        "Miệt Vườn soursop juice, 330 ml bottle",
        "Soursop blended with its pulp, lightly thick and naturally sweet and sour. Keep "
        "cool and drink within 7 days of opening.",
    ),
    # 3.1 Herbal products
    "cao-chum-ngay": (
        "Phương Nam Xanh moringa extract, 100 g jar",
        "A thick extract of organically grown moringa leaves, concentrated at low "
        "temperature. Stir a small spoonful into warm water; this is not a medicine.",
    ),
    "tra-diep-ha-chau": (
        "Phương Nam Xanh phyllanthus herbal tea bags",
        "Phyllanthus (stonebreaker) dried in the shade and packed in handy tea bags. "
        "Lightly bitter; drink it instead of tea every day.",
    ),
    "vien-nghe-mat-ong": (
        "Phương Nam Xanh turmeric and honey pills, 250 g jar",
        "Turmeric starch rolled into pills with cajeput-flower honey and dried naturally. "
        "This is not a medicine and does not replace medical treatment.",
    ),
    # 3.2 Herbal care
    "tinh-dau-sa-chanh": (
        "Phương Nam Xanh lemongrass essential oil, 50 ml bottle",
        "Steam-distilled essential oil of lemongrass grown in Phụng Hiệp. Diffuse it to "
        "freshen a room and keep mosquitoes away, or dilute it to clean the floor.",
    ),
    "tinh-dau-tram": (
        "Mật Vàng cajeput oil, 100 ml bottle",
        "Pure cajeput oil distilled from the leaves of the forest's cajeput trees. Rub it "
        "on the chest or the soles of the feet to keep warm, for children and adults.",
    ),
    "xa-phong-bo-hon": (
        "Phương Nam Xanh soapberry herbal soap",
        "Handmade soap of soapberries, coconut oil and lemongrass oil. Gentle on the skin, "
        "with no synthetic foaming agents.",
    ),
    # 4.1 Decorative handicrafts
    "tui-xach-luc-binh": (
        "Thạnh Phú Khéo Tay water hyacinth handbag",
        "A handbag woven by hand from dried water hyacinth stems and lined with canvas. "
        "Each one takes the cooperative's weavers about two days.",
    ),
    "den-luc-binh": (
        "Thạnh Phú Khéo Tay water hyacinth lamp",
        "A round lampshade woven from water hyacinth that gives a warm yellow light. Suits "
        "cafés, homestays and living rooms.",
    ),
    "tranh-luc-binh": (
        "Thạnh Phú Khéo Tay water hyacinth picture",
        "A river landscape pieced together from naturally dyed water hyacinth fibres, in a "
        "30 × 40 cm wooden frame. A souvenir of the Mekong Delta.",
    ),
    # 4.2 Household handicrafts
    "gio-luc-binh": (
        "Thạnh Phú water hyacinth storage baskets (set of 3)",
        "Three lidded water hyacinth baskets, thickly woven and sturdy, for clothes, toys "
        "or fruit. Large, medium and small, nesting inside one another.",
    ),
    "ro-tre-long-my": (
        "Long Mỹ woven bamboo baskets (set of 3)",
        "Baskets and sieves woven from mature bamboo soaked in mud against woodworm, for "
        "washing rice and vegetables or drying food. Everyday tools of a Mekong country "
        "kitchen.",
    ),
    "khay-may-long-my": (
        "Long Mỹ woven rattan tray for sweets",
        "A round rattan and bamboo tray with handles, for Tết sweets and candied fruit or "
        "for fruit. 35 cm across.",
    ),
    # 5.1 Ornamental plants
    "mai-vang-bonsai": (
        "Bà Bộ Xanh yellow apricot bonsai (5 years old)",
        "A five-petal yellow apricot blossom tree (mai vàng) shaped as a bonsai, five years "
        "old, its leaves stripped so it flowers in time for Tết. Comes in a porcelain pot "
        "with care instructions for after Tết.",
    ),
    "mai-vang-giao": (
        "Bà Bộ Xanh mai giảo yellow apricot, 60 cm pot",
        "Mai giảo, a yellow apricot blossom with many deep-yellow petals that lasts a long "
        "time. About 60 cm tall in a cement pot.",
    ),
    "kieng-la-trau-ba": (
        "Bà Bộ Xanh pothos, small pot",
        "Glossy green pothos in a 15 cm plastic pot: easy to care for and happy in the "
        "shade. Good for a desk or a bookshelf.",
    ),
    "cuc-mam-xoi": (
        "Bà Bộ Xanh button chrysanthemums (pair of pots)",
        "A pair of pots of round, evenly shaped yellow button chrysanthemums, grown in the "
        "Phó Thọ – Bà Bộ flower village for Tết. They bloom for about 3–4 weeks.",
    ),
    # 5.2 Ornamental animals
    "ca-bay-mau": (
        "Bà Bộ Xanh fancy guppies (pair)",
        "A pair of broad-tailed guppies in brilliant colours, raised in dechlorinated tap "
        "water. Delivered in an oxygen bag with instructions for releasing them.",
    ),
    # Experiences
    "ve-lang-my-khanh": (
        "Mỹ Khánh Tourist Village day ticket",
        "A full-day entrance ticket to the village: visit the old house and the fruit "
        "gardens, watch the pig races and a performance of đờn ca tài tử folk music. "
        "Price per person.",
    ),
    "tat-muong-bat-ca": (
        "Ditch fishing and straw-grilled fish in Mỹ Khánh",
        "Drain a garden ditch with the farmers, catch snakehead fish by hand and grill "
        "them in burning straw on the bank, eaten with herbs from the garden. About 3 "
        "hours; a change of clothes is provided. Price per person.",
    ),
    "ca-loc-bay-con-son": (
        "Flying snakehead fish and fruit gardens of Cồn Sơn",
        "Cross to the island by boat, watch snakehead fish leap out of the water for "
        "their food, then stroll the gardens and taste the fruit in season. About 2 "
        "hours, guided by islanders. Price per person.",
    ),
    "com-nha-vuon-con-son": (
        "Home-cooked garden lunch with a Cồn Sơn family",
        "Cook and share a Mekong lunch with your hosts: fish braised in a clay pot, sour "
        "soup with sesbania flowers and vegetables from the garden. Price per person.",
    ),
    "tu-tay-lam-banh-trang": (
        "Make your own rice paper in Thuận Hưng",
        "A craftswoman shows you how to grind the rice batter, spread rice paper over the "
        "steamer, dry it on racks and toast it. Take home a stack you made yourself. "
        "About 2 hours. Price per person.",
    ),
    "dao-lang-banh-trang": (
        "Early-morning walk through the Thuận Hưng rice paper village",
        "Walk past the family workshops at dawn, watch rice paper drying on bamboo racks "
        "along the canal, and have a breakfast of toasted rice paper and fine rice "
        "noodles. About 1 hour 30 minutes. Price per person.",
    ),
    "cho-noi-binh-minh": (
        "Cái Răng floating market at sunrise",
        "Leave Ninh Kiều wharf at 5:30, watch the sun rise over the river, eat noodle soup "
        "on a boat and buy fruit at the floating market. About 3 hours; life jackets "
        "provided. Price per person.",
    ),
    "lo-hu-tieu": (
        "Noodle-making at a Cái Răng hủ tiếu workshop",
        "Stop at a riverside noodle workshop, watch the rice sheets being steamed and cut "
        "into noodles, and make your own bowl of hủ tiếu. About 1 hour 30 minutes. Price "
        "per person.",
    ),
    "mot-ngay-phum-soc": (
        "A day in the Khmer hamlets of Phú Tâm",
        "Visit the pagoda with villagers, watch the Rom vong dance, have a Khmer lunch and "
        "learn to make bánh ít and bánh gừng cakes. A full day with a guide who speaks "
        "Khmer and Vietnamese. Price per person.",
    ),
    "dua-ghe-ngo": (
        "Ngo boat race practice at Ok Om Bok",
        "In the season of the Ok Om Bok festival, watch the ngo boat crews train on the "
        "river and hear about the moon-worship tradition. Only in the 10th and 11th lunar "
        "months. Price per person.",
    ),
    "tham-quan-vuon-phong-dien": (
        "Phong Điền fruit garden visit and tasting",
        "Stroll through orchards of durian, rambutan and mangosteen in season and eat as "
        "much fruit as you like on the spot. About 2 hours. Price per person.",
    ),
    "dap-xe-mie-vuon": (
        "Half-day cycling through the Phong Điền orchards",
        "Cycle 12 km along village lanes and monkey bridges, stopping at the Phong Điền "
        "floating market, a strawberry garden and an old house. Bicycle, hat and water "
        "included. Price per person.",
    ),
}
