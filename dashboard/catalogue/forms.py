from django import forms
from oscar.apps.dashboard.catalogue import forms as oscar_forms


class ProductForm(oscar_forms.ProductForm):
    class Meta(oscar_forms.ProductForm.Meta):
        fields = [*oscar_forms.ProductForm.Meta.fields, "title_en", "description_en"]
        widgets = {
            **oscar_forms.ProductForm.Meta.widgets,
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "description_en": forms.Textarea(attrs={"lang": "en"}),
        }
