"""The command-line face: translates errors into one line and an exit code, holds no logic."""
