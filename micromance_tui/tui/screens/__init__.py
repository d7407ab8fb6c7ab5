"""One module per top-level screen."""
