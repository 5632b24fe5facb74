"""Benchmarks, measured against a bare baseline in the same run (`make bench`)."""
