"""The headless core: content, journal, quiz scoring and suggestions. Never imports Textual."""
