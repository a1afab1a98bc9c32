"""One or two sentences about each demo producer, shown in lists and on its page.

Written for each producer from what it makes and where; the producers are invented
(sample data, as the site says on every page), the places and crafts are Cần Thơ's.
Producers with a full story in ``demo.stories`` keep that story's summary.
"""

SUMMARIES = {
    "thuan-hung-xua": (
        "Hợp tác xã của các lò bánh tráng Thuận Hưng: bánh tráng phơi sương và bánh tráng "
        "nướng mè đen tráng tay mỗi sáng; du khách được tự tay tráng bánh tại lò."
    ),
    "con-son-xanh": (
        "Các gia đình trên cồn Sơn giữa sông Hậu cùng đón khách: xem cá lóc bay, dạo vườn "
        "trái cây và ăn trưa cơm nhà vườn."
    ),
    "phong-dien-thinh-vuong": (
        "Nhà vườn Phong Điền trồng sầu riêng Ri6 trên đất phù sa ven kênh; mở vườn cho "
        "khách tham quan và ăn trái tại chỗ vào mùa."
    ),
    "thoi-lai-xanh": (
        "Hợp tác xã lúa gạo ở Thới Lai: gạo thơm Jasmine và gạo lứt tím than xay mới theo "
        "từng đợt, đóng túi tại kho của hợp tác xã."
    ),
    "hoa-an-phat": (
        "Hợp tác xã bưởi da xanh ở Hòa An: trái bưởi chín cây, tuyển theo cỡ và dán tem "
        "truy xuất từng lô."
    ),
    "thanh-phu-kheo-tay": (
        "Chị em Thạnh Phú vớt lục bình trên kênh, phơi khô rồi đan thành túi xách, giỏ, "
        "đèn và tranh ghép."
    ),
    "khmer-phu-tam": (
        "Người Khmer ở Phú Tâm đón khách về phum sóc: chùa, bữa cơm, nghề truyền thống và "
        "những buổi tập đua ghe ngo trước lễ Oóc Om Bóc."
    ),
    "mat-vang": (
        "Tổ hợp tác nuôi ong trong rừng tràm Vị Thủy và vườn nhãn: mật ong hoa tràm, mật "
        "ong hoa nhãn và tinh dầu tràm chưng cất tại chỗ."
    ),
    "kho-ca-thoi-an": (
        "Các hộ làm khô ở Thới An: cá tra, cá lóc làm sạch, ướp vừa muối và phơi nắng trên "
        "giàn tre."
    ),
    "mam-dong-que": (
        "Tổ hợp tác làm mắm ở Vĩnh Thạnh: mắm cá linh mùa nước nổi, mắm thái và nước mắm "
        "cá linh ủ trong chum."
    ),
    "hoa-kieng-ba-bo": (
        "Nhà vườn hoa kiểng Bà Bộ: mai vàng bonsai và mai giảo chăm nhiều năm, hoa cúc mâm "
        "xôi cho Tết, kiểng lá và cá cảnh."
    ),
    "dan-lat-long-my": (
        "Thợ đan Long Mỹ chẻ tre trúc, mây thành nan để đan rổ, rá, khay đựng bánh mứt dùng "
        "hằng ngày."
    ),
    "hanh-tim-vinh-chau": (
        "Tổ hợp tác trồng hành tím trên giồng cát Vĩnh Châu: hành củ phơi khô và hành phi đóng hũ."
    ),
    "ghe-binh-minh": (
        "Những người chèo ghe ở Cái Răng đưa khách ra chợ nổi lúc rạng sáng và ghé lò hủ "
        "tiếu xem làm sợi."
    ),
    "tay-do-que-nha": (
        "Cơ sở chế biến ở Hưng Phú: chả cá thác lác quết tay, nem nướng, hủ tiếu khô và "
        "tương ớt xiêm xanh."
    ),
    "song-hau-viet": (
        "Công ty trà thảo mộc ven sông Hậu: trà mãng cầu, trà khổ qua rừng và trà hoa đậu "
        "biếc sấy từ nguyên liệu của nông dân trong vùng."
    ),
    "miet-vuon": (
        "Công ty ép nước trái cây miệt vườn: khóm Cầu Đúc, chanh dây và mãng cầu xiêm ép "
        "lạnh, đóng chai nhỏ."
    ),
    "ngoc-phat": (
        "Lò bánh pía ở Mỹ Xuyên: bánh pía sầu riêng trứng muối, bánh pía đậu xanh và lạp "
        "xưởng tôm làm theo công thức của người Hoa."
    ),
    "phuong-nam-xanh": (
        "Công ty dược liệu ở Phụng Hiệp: chùm ngây, diệp hạ châu, nghệ, sả chanh và bồ hòn "
        "trồng tại vùng nguyên liệu, chế biến thành cao, trà, viên, tinh dầu và xà phòng."
    ),
    "sau-lanh": (
        "Lò rượu gia đình ở Trường Xuân: rượu đế nếp nấu bằng men lá, rượu nếp than và rượu "
        "dâu tằm ngâm."
    ),
    "hai-dong": (
        "Hộ làm chả cá thác lác ở Cái Răng: cá tươi lạng thịt, quết tay, đóng hộp mỗi ngày."
    ),
    "muoi-sang": (
        "Hộ làm khô ở Thốt Nốt: khô cá tra một nắng, phơi đúng một nắng để thịt còn mềm."
    ),
    "tu-lanh": (
        "Vườn gia đình ở Nhơn Ái: dâu tây, vú sữa Lò Rèn và những vòng đạp xe qua các vườn "
        "trái cây Phong Điền."
    ),
}
