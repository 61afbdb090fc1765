"""Training and evaluation of the learned detection layer (checker.learned): `make train`."""
