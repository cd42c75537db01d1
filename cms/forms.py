"""The Wagtail admin's document form, with the same content checks as evidence uploads.

Wagtail builds every document form (add, edit, the multiple uploader, the chooser's upload)
on the class named by ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, so a new file is checked by
`core.uploads` before Wagtail stores it, whichever screen it came through.
"""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from core.uploads import UploadRejected, check_plain_text, clean_upload

# Document types (WAGTAILDOCS_EXTENSIONS) that evidence does not take: checked as plain text.
PLAIN_TEXT_EXTENSIONS = ("csv", "txt")


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            return file  # no new upload: an edit keeps the stored file
        max_bytes = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE or settings.SANCTUARY_UPLOAD_MAX_BYTES
        try:
            if file.name.rsplit(".", 1)[-1].lower() in PLAIN_TEXT_EXTENSIONS:
                check_plain_text(uploaded_file=file, max_bytes=max_bytes)
            else:
                # Only images are re-encoded and documents take none, so Wagtail stores the
                # very file we checked.
                clean_upload(uploaded_file=file, max_bytes=max_bytes)
        except UploadRejected:
            if not self.instance.file:
                # Document.clean() re-checks the extension of the instance's file, still empty
                # on the add screen, and would add "File extension “” is not allowed" under
                # our message. Nothing is saved from an invalid form.
                self.instance.file = file
            raise  # becomes this field's error
        file.seek(0)
        return file
