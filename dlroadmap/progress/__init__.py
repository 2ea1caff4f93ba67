"""Saved progress: the state file and its TOML form, the store, merge, re-attach,
activity, revisits and the undo history."""
