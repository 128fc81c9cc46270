"""Trafilatura over every page of a manifest, in one process, for tools/eval.mjs --engine trafilatura.

    python trafilatura_extract.py MANIFEST.json

MANIFEST: {"out": DIR, "pages": [{"id": ..., "path": ..., "url": ... or null}, ...]}. Each page's
bytes go in as they are (trafilatura decodes them itself); its text (output_format "txt",
otherwise the default settings) is written to DIR/<id>.txt. A page without a result gets no file.
"""

import json
import os
import sys

import trafilatura


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    out = manifest["out"]
    os.makedirs(out, exist_ok=True)
    pages = manifest["pages"]
    for i, page in enumerate(pages, 1):
        with open(page["path"], "rb") as f:
            html = f.read()
        try:
            text = trafilatura.extract(
                html,
                url=page.get("url"),
                output_format="txt",
                include_comments=False,
                include_tables=True,
                favor_precision=False,
            )
        except Exception as error:  # one bad page must not stop the run
            print(f"{page['id']}: {type(error).__name__}: {error}", file=sys.stderr)
            text = None
        if text:
            with open(os.path.join(out, page["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
        if i % 200 == 0:
            print(f"trafilatura: {i}/{len(pages)}", file=sys.stderr)


if __name__ == "__main__":
    main()
