from django.urls import path

from . import (
    experience_urls,
    officer_transfers,
    officer_translations,
    officer_views,
    orders,
    sales,
    views,
)

app_name = "seller"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("san-pham/", views.ProductListView.as_view(), name="products"),
    path("san-pham/them/", views.ProductCreateView.as_view(), name="product-add"),
    path("san-pham/<int:pk>/", views.ProductEditView.as_view(), name="product-edit"),
    path("san-pham/<int:pk>/anh/", views.PhotoUploadView.as_view(), name="photo-upload"),
    path(
        "san-pham/<int:pk>/anh/<int:image_pk>/",
        views.PhotoActionView.as_view(),
        name="photo-action",
    ),
    path("don-hang/", orders.OrderListView.as_view(), name="orders"),
    path("don-hang/<int:pk>/", orders.OrderDetailView.as_view(), name="order-detail"),
    path("doanh-so/", sales.SalesView.as_view(), name="sales"),
    path("ho-so/", views.ProfileView.as_view(), name="profile"),
    path(
        "loi-moi/<uidb64>/<token>/",
        views.AcceptInvitationView.as_view(),
        name="accept-invitation",
    ),
    # Officers
    path("can-bo/", officer_views.ApprovalsView.as_view(), name="officer-approvals"),
    path("can-bo/duyet/<int:pk>/", officer_views.ReviewView.as_view(), name="officer-review"),
    path(
        "can-bo/chung-nhan-sap-het-han/",
        officer_views.ExpiringView.as_view(),
        name="officer-expiring",
    ),
    path("can-bo/chuong-trinh/", officer_views.ProgrammeView.as_view(), name="officer-programme"),
    path("can-bo/nhat-ky/", officer_views.AuditView.as_view(), name="officer-audit"),
    path("can-bo/moi-tai-khoan/", officer_views.InviteView.as_view(), name="officer-invite"),
    path(
        "can-bo/can-dich/",
        officer_translations.TranslationsView.as_view(),
        name="officer-translations",
    ),
    path(
        "can-bo/can-dich/<int:pk>/",
        officer_translations.TranslationEditView.as_view(),
        name="officer-translation-edit",
    ),
    path(
        "can-bo/chuyen-khoan/",
        officer_transfers.TransfersView.as_view(),
        name="officer-transfers",
    ),
]
urlpatterns += experience_urls.urlpatterns
