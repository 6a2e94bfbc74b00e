"""The five measurements of issue 9, one module each; every ``measure`` returns plain data for ``report``."""
