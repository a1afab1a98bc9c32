"""Media on S3-compatible storage (production, when AWS_STORAGE_BUCKET_NAME is set).

The bucket serves objects with the type stored with them. Left to itself, django-storages
stores the type the browser declared for the upload; here it is the type of the stored
name's extension (always one the content was checked to be), and anything not an image
is a download. The bucket's own domain (or AWS_S3_CUSTOM_DOMAIN, which should not be the
shop's) is another origin than the shop, so nothing in it could reach the shop's cookies."""

from storages.backends.s3 import S3Storage

from .serving import type_headers


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        headers = type_headers(name)
        parameters["ContentType"] = headers["Content-Type"]
        if "Content-Disposition" in headers:
            parameters["ContentDisposition"] = headers["Content-Disposition"]
        return parameters
