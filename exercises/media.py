"""After a curator's picture is committed: its responsive sizes, made once by easy-thumbnails.

Pages then build each <img srcset> from the stored names, with no query and no image work.
"""

from django.conf import settings
from easy_thumbnails.files import get_thumbnailer

from exercises.models import Media
from exercises.versions import catalog_changed


def media_thumbnails_make(media: Media) -> None:
    if media.kind != Media.Kind.IMAGE or not media.width:
        return
    thumbnailer = get_thumbnailer(media.file)
    names = {
        str(width): thumbnailer.get_thumbnail({"size": (width, 0), "quality": 82}).name
        for width in settings.BACKCARE_THUMBNAIL_WIDTHS
        if width < media.width
    }
    Media.objects.filter(pk=media.pk).update(thumbnails=names)
    catalog_changed()  # the exercise page's srcset names the new sizes
