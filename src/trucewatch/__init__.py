"""TruceWatch: monitor ceasefires from open-source reporting."""

__version__ = "0.1.0"
__all__ = ["__version__"]
