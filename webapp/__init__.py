"""The web app's pages (``app.py`` is the entry): thin layers over the ``matcher`` library, one module per page."""
