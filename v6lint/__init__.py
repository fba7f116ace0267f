"""v6lint: find IPv4-only assumptions in code, explain them, and fix what is safe to fix."""

__version__ = "0.1.0"
