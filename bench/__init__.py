"""The BackCare load bench: `make bench` (see bench/README.md)."""
