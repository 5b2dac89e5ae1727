"""Links that change the compare basket while keeping the rest of the address."""

from django import template
from django.http import QueryDict

from ..basket import PARAM, Basket

register = template.Library()


@register.simple_tag(takes_context=True)
def basket_without(context, basket: Basket, slug: str) -> str:
    """The current address with one example taken out of the basket (and back to page 1)."""
    request = context["request"]
    params: QueryDict = request.GET.copy()
    params.pop("page", None)
    params.setlist(PARAM, [s for s in basket.slugs if s != slug] or [""])
    return f"{request.path}?{params.urlencode()}"


@register.filter
def in_basket(slug: str, basket: Basket) -> bool:
    return slug in basket
