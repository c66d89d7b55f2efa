"""A document refused because it would take too long to make (reports.pdf.DocumentTooLarge): the person sees
why, in Russian, on a page of the site — not a server error."""

from django.shortcuts import render

from reports.pdf import DocumentTooLarge


class RefusedDocumentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DocumentTooLarge):
            return render(request, "reports/refused.html", {"message": str(exception)}, status=400)
        return None
