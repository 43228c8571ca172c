"""What a curator's upload really is, judged by its content: no Django, only Pillow.

Images are opened by Pillow whatever their name says, refused unless JPEG, PNG or WebP,
checked for their pixel count before a pixel is decoded (a small file can claim 20,000 ×
20,000 pixels and take gigabytes to decode), decoded in full (a truncated file fails here),
and written out again: the new file keeps the pixels only, so EXIF and GPS data are gone.
SVG is refused: it is a document that can carry script. Videos are recognised by the first
bytes of their container: MP4 ("ftyp" box) or WebM (an EBML header naming "webm").
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps

# Formats accepted, and the format each is written back in (PNG keeps transparency).
IMAGE_FORMATS = {"JPEG": ("JPEG", "jpg"), "PNG": ("PNG", "png"), "WEBP": ("WEBP", "webp")}
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash",
              b"M4V ", b"mmp4"}  # fmt: skip
# Stored images are scaled down to this on their long side: big enough for any screen.
LONGEST_SIDE = 2400


class Refused(ValueError):
    """The upload is not what we accept; the message says why, for the curator."""


@dataclass(frozen=True)
class ReencodedImage:
    content: bytes
    extension: str
    width: int
    height: int


def image_reencoded(data: bytes, *, max_pixels: int) -> ReencodedImage:
    if data.lstrip()[:5].lower() in (b"<?xml", b"<svg ") or b"<svg" in data[:512].lower():
        raise Refused("SVG files are not accepted: they can carry scripts. Upload a JPEG, PNG "
                      "or WebP image instead.")  # fmt: skip
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size
    except Image.DecompressionBombError as error:  # Pillow's own limit, far above ours
        raise Refused(_too_many_pixels(max_pixels)) from error
    except (OSError, ValueError) as error:
        raise Refused("This file is not an image we can read. Upload a JPEG, PNG or WebP "
                      "image.") from error  # fmt: skip
    if kind not in IMAGE_FORMATS:
        raise Refused(f"{kind} images are not accepted. Upload a JPEG, PNG or WebP image.")
    if width * height > max_pixels:
        raise Refused(
            f"This image is {width:,} × {height:,} pixels. " + _too_many_pixels(max_pixels)
        )
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()  # every pixel: a truncated file fails here
            # The orientation is in EXIF, which is dropped: turn the pixels instead.
            image: Image.Image = ImageOps.exif_transpose(opened)
            image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            save_as, extension = IMAGE_FORMATS[kind]
            if save_as == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            out = io.BytesIO()
            # Only the pixels are written: no exif= or other metadata is passed on.
            image.save(out, save_as, quality=85, optimize=True)
            return ReencodedImage(out.getvalue(), extension, *image.size)
    except (OSError, ValueError, SyntaxError) as error:
        raise Refused("This image is damaged or incomplete (it could not be read to the "
                      "end). Export it again and upload the new file.") from error  # fmt: skip


def _too_many_pixels(max_pixels: int) -> str:
    return (
        f"Images may have at most {max_pixels / 1e6:.0f} million pixels. Scale it down and "
        "upload it again."
    )


def video_kind(head: bytes) -> str:
    """ "mp4" or "webm" from a file's first 64 bytes, or Refused."""
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return "mp4"
    if head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head[:64]:
        return "webm"
    raise Refused("This file is not an MP4 or WebM video. Convert it to MP4 (H.264) or WebM "
                  "and upload it again.")  # fmt: skip
