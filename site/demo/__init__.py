"""Demo data for `make run` and benchmarks (seed_demo)."""
