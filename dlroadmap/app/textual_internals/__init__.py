"""Every use of Textual's private internals, gathered here so an upgrade is checked in one place."""
