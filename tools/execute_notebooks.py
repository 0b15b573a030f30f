"""Re-execute the notebooks in place so their committed outputs are current (`make notebooks`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def execute(path: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in its folder; raises on the first failing cell."""
    book = nbformat.read(path, as_version=4)
    client = NotebookClient(
        book, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    # inline figures even when the calling process chose another backend (Streamlit sets Agg)
    client.execute(env={**os.environ, "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
    for cell in book.cells:  # no timestamps: the files change only when outputs do
        cell.get("metadata", {}).pop("execution", None)
    return book


def main() -> None:
    for path in sorted(NOTEBOOKS.glob("*.ipynb")) if len(sys.argv) < 2 else map(Path, sys.argv[1:]):
        nbformat.write(execute(path), path)
        print(f"executed {path}")


if __name__ == "__main__":
    main()
