"""Images for the letterhead's logo tests, made by Pillow as a lawyer's drawing program would
save them: a PNG, a JPEG, and files that only look like images."""

from io import BytesIO

from PIL import Image


def image_bytes(width: int = 300, height: int = 100, kind: str = "PNG") -> bytes:
    """A two-colour image ``width`` by ``height`` pixels in the format ``kind`` (PNG, JPEG, GIF...;
    MPO is a JPEG followed by a second picture, as a phone saves a .jpg)."""
    image = Image.new("RGB", (width, height), "#1f4e79")
    image.paste("#e0b84c", (0, 0, width // 3, height))
    buffer = BytesIO()
    if kind == "MPO":
        image.save(buffer, kind, save_all=True, append_images=[Image.new("RGB", (width, height))])
    else:
        image.save(buffer, kind)
    return buffer.getvalue()


#: the first bytes of a PNG file and nothing after: named .png, no image in it
PNG_SIGNATURE_ONLY = b"\x89PNG\r\n\x1a\n"
