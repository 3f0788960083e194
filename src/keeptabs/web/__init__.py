"""The web app (``keeptabs serve``) and the static report (``keeptabs report``).

:mod:`view` reads the ledger from a store; :mod:`pages` renders it with the templates;
:mod:`routes` and :mod:`api` serve the pages, downloads and JSON API; :mod:`app` puts
them together with the security headers.
"""
