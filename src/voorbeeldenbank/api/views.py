from django.http import JsonResponse


def example_list(request):
    return JsonResponse({"count": 0, "results": []})


def example_detail(request, slug):
    return JsonResponse({}, status=404)


def element_list(request):
    return JsonResponse({"results": []})
