"""Figures that tests measuring real machine translation report at the end of the run."""

FIGURES: list[str] = []
