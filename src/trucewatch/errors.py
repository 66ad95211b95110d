"""The TruceWatch error tree. Faces turn these into one line and an exit code.

    TrucewatchError
    ├── ConfigError            a setting has a bad value
    ├── InputError             a source cannot be read (bad file, bad URL, too large)
    │   └── FetchRefused       a URL was refused (SSRF guard, scheme, size, time)
    ├── ModelMissingError      the spaCy English pipeline is not installed
    ├── KnowledgeBaseError     a knowledge-base or overlay file is invalid
    ├── AgreementError         an agreement file is invalid
    └── StoreError             the database cannot be opened or written

Every error carries a message that names the fix. They pickle cleanly (plain args only)
so worker processes can send them back.
"""

from __future__ import annotations


class TrucewatchError(Exception):
    """Base of every error TruceWatch raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.message,))

    def __str__(self) -> str:
        return self.message


class ConfigError(TrucewatchError):
    exit_code = 2


class InputError(TrucewatchError):
    exit_code = 3


class FetchRefused(InputError):
    pass


class ModelMissingError(TrucewatchError):
    exit_code = 4


class KnowledgeBaseError(TrucewatchError):
    exit_code = 5


class AgreementError(TrucewatchError):
    exit_code = 6


class StoreError(TrucewatchError):
    exit_code = 7


__all__ = [
    "AgreementError",
    "ConfigError",
    "FetchRefused",
    "InputError",
    "KnowledgeBaseError",
    "ModelMissingError",
    "StoreError",
    "TrucewatchError",
]
