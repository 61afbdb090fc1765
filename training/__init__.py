"""Trains the learned detection layer shipped in checker/learned/ (`make train`) and scores it for
`make alarms`. Not part of the installed package: `checker` imports nothing from here."""
