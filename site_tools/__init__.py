"""Build, check and publish tools behind tasks.py (layer 4)."""
