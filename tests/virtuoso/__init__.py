"""A private Virtuoso for the tests: its own folder, free ports on 127.0.0.1, stopped afterwards."""
