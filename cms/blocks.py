"""The one set of StreamField blocks every page body is written with.

Each block has an icon, a template under ``templates/blocks/`` and a preview in the
block picker (``description`` and a preview value). Blocks that point at commerce
(the product list) read prices, stock and stars live when the page is shown."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

# The features editors get in text: enough for a story, nothing that breaks the layout.
TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
PRODUCT_LIST_MAX = 8


def _first_image():
    return get_image_model().objects.order_by("pk").first()


class ProductChooserBlock(blocks.ChooserBlock):
    """A catalogue product, picked with the product chooser of ``cms.choosers``."""

    @cached_property
    def target_model(self):
        return get_model("catalogue", "Product")

    @cached_property
    def widget(self):
        from .choosers import product_chooser_viewset

        return product_chooser_viewset.widget_class()

    def get_form_state(self, value):
        return self.widget.get_value_data(value)

    class Meta:
        icon = "tag"


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/text.html"
        label = _("Đoạn văn")
        description = _("Văn bản có tiêu đề phụ, danh sách và liên kết.")
        preview_value = (
            "<h2>Cách làm bánh tráng phơi sương</h2><p>Bánh được tráng mỏng, phơi nắng rồi "
            "nướng trên than và <b>phơi sương đêm</b> cho dẻo.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("ảnh"))
    alt = blocks.CharBlock(
        label=_("mô tả ảnh (alt)"),
        max_length=200,
        help_text=_(
            "Tả điều ảnh cho thấy cho người không xem được ảnh, ví dụ: “Cô Út Hương "
            "trải bánh tráng lên phên tre”."
        ),
    )
    caption = blocks.CharBlock(label=_("chú thích"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Ảnh")
        description = _("Một ảnh rộng với chú thích.")

    def get_preview_value(self):
        return self.to_python(
            {
                "image": getattr(_first_image(), "pk", None),
                "alt": "Ảnh minh họa",
                "caption": "Chú thích ảnh",
            }
        )


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tiêu đề"), max_length=120, required=False)
    images = blocks.ListBlock(ImageBlock(), label=_("ảnh"), min_num=2, max_num=12)

    class Meta:
        icon = "copy"
        template = "blocks/gallery.html"
        label = _("Bộ ảnh")
        description = _("Từ 2 đến 12 ảnh xếp lưới, mỗi ảnh có mô tả và chú thích.")

    def get_preview_value(self):
        image = getattr(_first_image(), "pk", None)
        item = {"image": image, "alt": "Ảnh minh họa", "caption": ""}
        return self.to_python({"title": "Bộ ảnh", "images": [item, item, item]})


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("trích dẫn"), max_length=600)
    attribution = blocks.CharBlock(label=_("người nói"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Trích dẫn")
        description = _("Lời của người làm ra sản phẩm hoặc của khách.")
        preview_value = {
            "quote": "Bánh ngon là nhờ sương đêm ở Thuận Hưng.",
            "attribution": "Cô Út Hương",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("đường dẫn video"),
        help_text=_("Dán đường dẫn YouTube, Facebook hoặc Vimeo của video."),
    )
    caption = blocks.CharBlock(label=_("chú thích"), max_length=250, required=False)

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")
        description = _("Video nhúng từ YouTube, Facebook hoặc Vimeo.")
        preview_value = {
            "video": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "caption": "Video minh họa",
        }


class ProductListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tiêu đề"), max_length=120, required=False)
    products = blocks.ListBlock(
        ProductChooserBlock(label=_("sản phẩm")),
        label=_("sản phẩm"),
        min_num=1,
        max_num=PRODUCT_LIST_MAX,
        help_text=_("Giá, tồn kho và số sao hiện theo cửa hàng lúc khách xem trang."),
    )

    class Meta:
        icon = "tag"
        template = "blocks/product_list.html"
        label = _("Danh sách sản phẩm")
        description = _("Thẻ sản phẩm từ cửa hàng, với giá và số sao hiện hành.")

    def get_preview_value(self):
        from catalogue.browse import offered_products

        ids = list(offered_products().order_by("pk").values_list("pk", flat=True)[:3])
        return self.to_python({"title": "Sản phẩm tiêu biểu", "products": ids})

    def get_context(self, value, parent_context=None):
        from .promotions import products_for_cards

        context = super().get_context(value, parent_context)
        ids = [product.pk for product in value["products"] if product is not None]
        # Only what the shop sells and may promote (catalogue.availability's rule).
        cards = products_for_cards(ids, promotable_only=True)
        context["cards"] = [cards[pk] for pk in ids if pk in cards]
        return context


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tiêu đề"), max_length=120)
    text = blocks.TextBlock(label=_("nội dung"), max_length=400, required=False)
    button_label = blocks.CharBlock(label=_("chữ trên nút"), max_length=40)
    page = blocks.PageChooserBlock(label=_("trang đích"), required=False)
    url = blocks.URLBlock(label=_("hoặc đường dẫn"), required=False)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        label = _("Lời mời hành động")
        description = _("Một khung nổi bật với nút dẫn tới trang khác.")
        preview_value = {
            "title": "Trở thành chủ thể OCOP",
            "text": "Đăng ký đánh giá, phân hạng sản phẩm của cơ sở bạn.",
            "button_label": "Xem hướng dẫn",
            "url": "https://example.com/",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Chọn một trang đích hoặc nhập một đường dẫn (chỉ một).")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class StoryBlock(blocks.StreamBlock):
    """The body of every story page: producers, products, news and content pages."""

    text = TextBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    products = ProductListBlock()
    call_to_action = CallToActionBlock()
