"""The API's one error shape: {"error": {"code", "message", "detail"}}, for every status.

Handlers turn TruceWatch errors, validation failures, unknown routes and crashes into it,
and `responses()` declares it in the OpenAPI schema for each status a route can return.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from trucewatch.errors import AgreementError, InputError, StoreError, TrucewatchError


class ErrorBody(BaseModel):
    code: str
    message: str
    detail: Any = None


class ErrorResponse(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorBody


class ApiError(Exception):
    """Raised by routes for a deliberate HTTP error."""

    def __init__(
        self, status: int, code: str, message: str, detail: Any = None, headers: dict | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers


_DESCRIPTIONS = {
    400: "Bad request (e.g. an invalid cursor or bbox)",
    401: "A bearer token is required",
    403: "The token lacks the write scope",
    404: "Not found",
    405: "Method not allowed",
    413: "Request body too large",
    422: "Invalid parameters or body",
    429: "Too many requests from this client",
    500: "Internal error",
    504: "The query took too long",
}
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    422: "invalid",
    429: "rate_limited",
    500: "internal_error",
    504: "query_timeout",
}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries declaring the error shape for these statuses."""
    return {s: {"model": ErrorResponse, "description": _DESCRIPTIONS[s]} for s in statuses}


def error_json(
    status: int,
    code: str,
    message: str,
    detail: Any = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status, headers=headers)


def _status_of(error: TrucewatchError) -> tuple[int, str]:
    if isinstance(error, AgreementError):
        return 422, "invalid_agreement"
    if isinstance(error, StoreError) and "cursor" in error.message:
        return 400, "invalid_cursor"
    if isinstance(error, InputError):
        return 400, "invalid_input"
    return 500, "internal_error"


def _jsonable(errors: Any) -> list[dict[str, Any]]:
    """Validation errors without their raw inputs and exception objects (not JSON-safe)."""
    return [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
        for e in errors
    ]


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_json(error.status, error.code, error.message, error.detail, error.headers)

    @app.exception_handler(TrucewatchError)
    async def _trucewatch_error(request: Request, error: TrucewatchError) -> JSONResponse:
        status, code = _status_of(error)
        return error_json(status, code, error.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        detail = _jsonable(error.errors())
        first = detail[0] if detail else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"])
        return error_json(422, "invalid", f"{where}: {first['msg']}", detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(error.status_code, "http_error")
        message = error.detail if isinstance(error.detail, str) else code.replace("_", " ")
        if error.status_code == 404 and message == "Not Found":
            message = f"no route {request.url.path}; see /openapi.json for the API"
        return error_json(error.status_code, code, message, headers=error.headers)

    @app.exception_handler(Exception)
    async def _crash(request: Request, error: Exception) -> JSONResponse:
        return error_json(500, "internal_error", "internal error; see the server log")


__all__ = ["ApiError", "ErrorBody", "ErrorResponse", "error_json", "install", "responses"]
