"""The checkout: address → delivery → payment → review → done, short on a phone.

Oscar's views drive the steps and keep the choices in the session; placing the order
writes them to a ``payments.PendingCheckout`` on the server first and hands it to the
chosen payment provider (``payments.providers``), which places the order through
``order.placement.place_order`` when its money allows: at once for cash on delivery,
after the authorisation for a card.
"""

import json

from django import http
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.checkout import views
from oscar.core.loading import get_class, get_model

import params
from order.placement import whole_dong
from payments import stripe_api
from payments.models import PendingCheckout
from payments.pending import SESSION_KEY, pending_for
from payments.providers import Outcome, available_providers, get_provider

from .forms import PaymentMethodForm

UserAddress = get_model("address", "UserAddress")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
CheckoutSessionMixin = get_class("checkout.session", "CheckoutSessionMixin")
FailedPreCondition = get_class("checkout.exceptions", "FailedPreCondition")


class IndexView(views.IndexView):
    pass


class ShippingAddressView(views.ShippingAddressView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated and "address_id" in request.POST:
            # Only the shopper's own address book: another id is not found, never a 500.
            address_id = params.integer(request.POST, "address_id", minimum=1)
            if address_id is None:
                raise http.Http404
            address = get_object_or_404(UserAddress, pk=address_id, user=request.user)
            if params.choice(request.POST, "action", {"ship_to"}) != "ship_to":
                return http.HttpResponseBadRequest()
            self.checkout_session.ship_to_user_address(address)
            return redirect(self.get_success_url())
        return super(views.ShippingAddressView, self).post(request, *args, **kwargs)


class ShippingMethodView(views.ShippingMethodView):
    pass


class PaymentMethodView(CheckoutSessionMixin, generic.FormView):
    """The payment providers available for this total (card only when Stripe is
    configured and the total is within its limits)."""

    template_name = "oscar/checkout/payment_method.html"
    form_class = PaymentMethodForm
    success_url = reverse_lazy("checkout:preview")
    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
        "check_shipping_data_is_captured",
    ]

    def order_total(self):
        submission = self.build_submission()
        return submission["order_total"].incl_tax

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["providers"] = available_providers(
            whole_dong(self.order_total()), self.request.basket
        )
        kwargs["initial"] = {"method": self.checkout_session.payment_method()}
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        total = whole_dong(self.order_total())
        ctx["card_out_of_range"] = stripe_api.configured() and not stripe_api.card_amount_allowed(
            total
        )
        ctx["card_min"], ctx["card_max"] = settings.STRIPE_MIN_VND, settings.STRIPE_MAX_VND
        return ctx

    def form_valid(self, form):
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return super().form_valid(form)


class PaymentDetailsView(views.PaymentDetailsView):
    """The review page; placing the order here is for providers without a script.

    Card payments post from the same page to :class:`CardPaymentView` through Stripe.js.
    """

    def get_pre_conditions(self, request):
        return super().get_pre_conditions(request) + ["check_payment_method_is_chosen"]

    def chosen_provider(self):
        """The provider chosen in the payment step, if it is still available; else None."""
        code = self.checkout_session.payment_method()
        total = whole_dong(self.build_submission()["order_total"].incl_tax)
        for provider in available_providers(total, self.request.basket):
            if provider.code == code:
                return provider
        return None

    def check_payment_method_is_chosen(self, request):
        if self.chosen_provider() is None:
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Vui lòng chọn cách thanh toán."),
            )

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["payment_method"] = self.checkout_session.payment_method()
        ctx["payment_provider"] = self.chosen_provider()
        ctx["stripe_publishable_key"] = settings.STRIPE_PUBLISHABLE_KEY
        ctx["stripe_js_url"] = settings.STRIPE_JS_URL
        return ctx

    def handle_place_order_submission(self, request):
        provider = self.chosen_provider()
        if provider is None or getattr(provider, "uses_stripe_js", False):
            messages.error(request, _("Vui lòng nhập thông tin thẻ để thanh toán."))
            return redirect("checkout:preview")
        submission = self.build_submission()
        number = OrderNumberGenerator().order_number(submission["basket"])
        pending = pending_for(request, submission, provider.code, number)
        outcome = provider.start(pending, request=request, data=request.POST.dict())
        if outcome.order is not None:
            done = self.finish(outcome.order)
            return redirect(outcome.redirect_url) if outcome.redirect_url else done
        if outcome.redirect_url:
            return redirect(outcome.redirect_url)
        messages.error(request, outcome.error or _("Không đặt được đơn hàng."))
        return redirect("basket:summary")

    def finish(self, order):
        self.checkout_session.flush()
        self.request.session.pop(SESSION_KEY, None)
        self.request.session["checkout_order_id"] = order.pk
        return redirect("checkout:thank-you")


class CardPaymentView(PaymentDetailsView):
    """JSON endpoint for Stripe.js: pay the basket's total (computed here) by card.

    ``{"payment_method": "pm_…"}`` authorises; ``{"payment_intent": "pi_…"}`` comes back
    after 3-D Secure. The answer is ``{"redirect": url}``, ``{"client_secret": …}`` for
    the 3-D Secure step, or ``{"error": message}`` with the basket left as it was.
    """

    preview = True
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        try:
            self.provider = get_provider("card")
        except LookupError:
            raise http.Http404 from None
        if not stripe_api.configured():
            raise http.Http404
        return super().dispatch(request, *args, **kwargs)

    def get_pre_conditions(self, request):
        return [
            "check_basket_is_not_empty",
            "check_basket_is_valid",
            "check_user_email_is_captured",
            "check_shipping_data_is_captured",
            "check_payment_method_is_chosen",
        ]

    def post(self, request, *args, **kwargs):
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        provider = self.provider
        if data.get("payment_intent"):
            return self.complete(provider, str(data["payment_intent"]), data)
        if not provider.payment_method_id.match(str(data.get("payment_method", ""))):
            return self.answer(Outcome(error=_("Thông tin thẻ không hợp lệ.")), status=400)
        if self.checkout_session.payment_method() != provider.code:
            return self.answer(Outcome(error=_("Vui lòng chọn cách thanh toán.")), status=400)
        submission = self.build_submission()
        number = OrderNumberGenerator().order_number(submission["basket"])
        pending = pending_for(request, submission, provider.code, number)
        return self.answer(provider.start(pending, request=request, data=data))

    def complete(self, provider, payment_intent_id, data):
        pending = PendingCheckout.objects.filter(
            pk=self.request.session.get(SESSION_KEY), payment_intent_id=payment_intent_id
        ).first()
        if pending is None:
            return self.answer(Outcome(error=_("Không tìm thấy lần thanh toán này.")), status=400)
        return self.answer(provider.confirm(pending, request=self.request, data=data))

    def answer(self, outcome, status=200):
        if outcome.order is not None:
            self.finish(outcome.order)
            return http.JsonResponse({"redirect": reverse("checkout:thank-you")})
        if outcome.client_secret:
            return http.JsonResponse({"client_secret": outcome.client_secret})
        return http.JsonResponse({"error": outcome.error}, status=status if status != 200 else 402)


class ThankYouView(views.ThankYouView):
    pass
