"""One module per rule. See :mod:`postmortem.rule` for the contract a module fulfils."""
