#!/usr/bin/python3
"""mkpdfs.py DIR [FIXTURE.pdf] - small PDFs written byte by byte for the
PDF reader's tests and fuzz seeds (no PDF library: the objects, the
cross-reference table and the standard security handler are written here).

  plain.pdf        one page of text in Helvetica, two paragraphs
  owner-only.pdf   the same, encrypted (RC4, revision 2) with an owner
                   password only: it opens without one, as most "protected"
                   releases do
  encrypted.pdf    encrypted with a user password ("12345"): cannot be read
  notext.pdf       one page with a drawing and no text
  garbage.pdf      "%PDF-" then no PDF at all (it ends with %%EOF)
  truncated.pdf    the first 60% of FIXTURE.pdf (when given)
  layout.pdf       two pages: a running header, page numbers, a table and two
                   columns, placed glyph run by glyph run (a fuzzing seed)
  badxref.pdf      plain.pdf with every cross-reference offset wrong (poppler
                   rebuilds the table from the objects, as readers do)
"""
import hashlib
import os
import sys

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
DOC_ID = bytes.fromhex("0123456789abcdef0123456789abcdef")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def padded(pw):
    return (pw.encode() + PAD)[:32]


def security(user, owner, perms=-44):
    """O, U and the file key of the standard handler, revision 2."""
    okey = hashlib.md5(padded(owner)).digest()[:5]
    o = rc4(okey, padded(user))
    key = hashlib.md5(padded(user) + o + perms.to_bytes(4, "little", signed=True) +
                      DOC_ID).digest()[:5]
    return o, rc4(key, PAD), key, perms


def obj_key(key, num):
    return hashlib.md5(key + num.to_bytes(3, "little") + b"\0\0").digest()[:10]


def build(content, key=None, o=None, u=None, perms=None, info=b"(Test release)"):
    objs = []

    def add(body):
        objs.append(body)
        return len(objs)

    stream = content
    if key:
        stream = rc4(obj_key(key, 4), content)
        info = b"<" + rc4(obj_key(key, 6), b"Test release").hex().encode() + b">"
    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    add(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
    add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    add(b"<< /Title " + info + b" >>")
    enc = None
    if key:
        enc = add(b"<< /Filter /Standard /V 1 /R 2 /O <" + o.hex().encode() + b"> /U <" +
                  u.hex().encode() + b"> /P %d >>" % perms)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R /ID [<%s> <%s>]" % (
        len(objs) + 1, DOC_ID.hex().encode(), DOC_ID.hex().encode())
    if enc:
        out += b" /Encrypt %d 0 R" % enc
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


LINES = [
    "Ministry of Oceans press release: sea forests",
    "The ministry will plant 54 new sea forests this year to stop",
    "the spread of barren ground along the east coast and Jeju.",
    "",
    "Sea forests are coastal waters where seaweed grows thick; fish",
    "lay their eggs there and the weed takes up carbon dioxide.",
]


def page_text():
    ops = [b"BT /F1 11 Tf 72 770 Td 15 TL"]
    for line in LINES:
        ops.append(b"(" + line.encode() + b") Tj T*" if line else b"T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def placed(runs):
    """A content stream of text runs at (x, y), 10-point Helvetica."""
    ops = [b"BT /F1 10 Tf"]
    for x, y, text in runs:
        ops.append(b"1 0 0 1 %d %d Tm (%s) Tj" % (x, y, text.encode()))
    ops.append(b"ET")
    return b"\n".join(ops)


def layout_pages():
    pages = []
    for n in (1, 2):
        runs = [(72, 800, "Ministry of Oceans - weekly bulletin"), (290, 40, "- %d -" % n)]
        runs += [(72, 700 - 14 * i, w) for i, w in enumerate(
            ["The left column of page %d begins" % n, "here and runs on for a few lines",
             "of text before the right column", "starts, as columns do in print."])]
        runs += [(320, 700 - 14 * i, w) for i, w in enumerate(
            ["The right column of page %d is read" % n, "after the left one, line after",
             "line, until the column ends at the", "foot of its own text block."])]
        for r, row in enumerate([("Area", "Sites", "Budget"), ("East", "21", "120"),
                                 ("South", "19", "98")]):
            runs += [(72 + 120 * c, 600 - 20 * r, cell) for c, cell in enumerate(row)]
        pages.append(placed(runs))
    return pages


def build_pages(streams):
    """A plain document of several pages, one content stream each."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for st in streams:
        objs.append(b"<< /Length %d >>\nstream\n" % len(st) + st + b"\nendstream")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objs))
        kids.append(b"%d 0 R" % len(objs))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)
    return bytes(out)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    def write(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    plain = build(page_text())
    write("plain.pdf", plain)
    o, u, key, p = security("", "owner-secret")
    write("owner-only.pdf", build(page_text(), key, o, u, p))
    o, u, key, p = security("12345", "owner-secret")
    write("encrypted.pdf", build(page_text(), key, o, u, p))
    write("layout.pdf", build_pages(layout_pages()))
    write("notext.pdf", build(b"0 0 1 rg 100 100 200 200 re f"))
    write("garbage.pdf", b"%PDF-1.7\nthis is not a PDF, only its first bytes\n" * 20 +
          b"%%EOF\n")
    at = plain.index(b"xref")
    write("badxref.pdf", plain[:at] + plain[at:].replace(b" 00000 n", b"7 00000 n"))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "rb") as f:
            data = f.read()
        write("truncated.pdf", data[:len(data) * 6 // 10])


main()
