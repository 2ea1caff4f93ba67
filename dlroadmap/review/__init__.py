"""Today's review: the pure review of where the learner stands, and its text form."""
