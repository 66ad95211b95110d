"""`python -m trucewatch` runs the CLI."""

from trucewatch.cli.main import main

if __name__ == "__main__":
    main()
