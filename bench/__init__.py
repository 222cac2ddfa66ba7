"""Benchmarks and the scale-corpus generator behind `invoke bench`; not part of the product."""
