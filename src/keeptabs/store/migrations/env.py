"""Alembic environment for the keeptabs store.

:func:`keeptabs.store.sql.migrate` runs this with an open connection in
``config.attributes["connection"]``.  Run by hand (``alembic -x url=URL ...``
with a config whose ``script_location`` points here) it opens its own.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from keeptabs.store.schema import metadata


def _url() -> str:
    """The database URL from ``-x url=...`` or the config's ``sqlalchemy.url``."""
    url = context.get_x_argument(as_dictionary=True).get("url")
    url = url or context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("No database URL: pass -x url=URL or set sqlalchemy.url.")
    return url


def _configure(connection: Connection) -> None:
    """Point Alembic at ``connection``; SQLite needs batch mode to alter tables."""
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    """Write the migration SQL for ``_url()`` instead of running it."""
    context.configure(url=_url(), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Migrate the given connection, or one opened from ``_url()``."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    engine = create_engine(_url(), poolclass=pool.NullPool)
    try:
        with engine.connect() as opened:
            _configure(opened)
            opened.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
