"""refgo's benchmark packages and their runner (bench/run.py)."""
