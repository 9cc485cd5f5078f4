"""Storage: SQLAlchemy models, engine set-up, migrations and repository functions."""
