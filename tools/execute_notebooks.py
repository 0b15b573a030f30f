"""Re-execute the notebooks in place so their committed outputs are current (`make notebooks`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from matcher.embedding import ENTRY_POINT_ENVIRONMENT

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
#: The team's corpus of real term files, beside the checkout (not shipped with the project).
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def execute(path: Path, corpus: Path | None = None) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in its folder; raises on the first failing cell.

    ``corpus`` (the shared corpus folder) reaches the notebook as ``$MATCHER_CORPUS_DIR``.
    """
    book = nbformat.read(path, as_version=4)
    client = NotebookClient(
        book, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    # inline figures even when the calling process chose another backend (Streamlit sets Agg)
    env = {key: value for key, value in os.environ.items() if key != "MATCHER_CORPUS_DIR"}
    if corpus is not None:
        env["MATCHER_CORPUS_DIR"] = str(corpus)
    env.update(ENTRY_POINT_ENVIRONMENT)  # offline, and no model-loading bars in the outputs
    client.execute(env={**env, "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
    for cell in book.cells:  # no timestamps: the files change only when outputs do
        cell.get("metadata", {}).pop("execution", None)
    return book


def main() -> None:
    for path in sorted(NOTEBOOKS.glob("*.ipynb")) if len(sys.argv) < 2 else map(Path, sys.argv[1:]):
        nbformat.write(execute(path, SHARED_CORPUS if SHARED_CORPUS.is_dir() else None), path)
        print(f"executed {path}")


if __name__ == "__main__":
    main()
