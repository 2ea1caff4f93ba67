"""The shelf: every roadmap with saved progress, the one used last, and how a roadmap
named on the command line (a path, a URL it was added from, its title) is found."""
