"""Write routes: POST /api/reports (through the whole pipeline) and POST /api/agreements.

Both need a bearer token with the write scope (`trucewatch tokens create NAME --scope write`):
no token is 401, a read-only token 403.
"""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, model_validator

from trucewatch.api.errors import ApiError, responses
from trucewatch.model import Document
from trucewatch.web.queries import Catalogue, parse_agreement_text

_bearer = HTTPBearer(auto_error=False, description="a token from `trucewatch tokens create`")
WRITE_ERRORS = (400, 401, 403, 413, 422, 429, 500)


def require_write(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The token's scope, if it may write; else 401 (no/unknown token) or 403 (read-only)."""
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(
            401, "unauthorized", "writes need 'Authorization: Bearer TOKEN'", None, challenge
        )
    scope = request.app.state.store.token_scope(credentials.credentials)
    if scope is None:
        raise ApiError(401, "unauthorized", "unknown or revoked token", None, challenge)
    if scope != "write":
        raise ApiError(
            403, "forbidden", f"token scope {scope!r} cannot write; create one with --scope write"
        )
    return scope


class ReportIn(BaseModel):
    """One report, as in `extract --batch` JSON lines: text or html, with its metadata."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=500)
    text: str | None = None
    html: str | None = None
    published: dt.date | None = None
    source: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)

    @model_validator(mode="after")
    def _one_body(self) -> "ReportIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self

    def document(self) -> Document:
        return Document(
            source_id=self.id,
            content=self.text if self.text is not None else self.html or "",
            media_type="text/plain" if self.text is not None else "text/html",
            url=self.url,
            source=self.source,
            published=self.published,
            origin="api",
        )


class ReportsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reports: list[ReportIn] = Field(min_length=1)


class ReportsOut(BaseModel):
    run_id: str
    read: int
    stored: int
    duplicates: int
    skipped: dict[str, int]
    article_ids: list[str]
    incidents: int


class AgreementPosted(BaseModel):
    id: str
    name: str


def build_write_router() -> APIRouter:
    router = APIRouter(prefix="/api", tags=["write"])

    @router.post(
        "/reports",
        response_model=ReportsOut,
        responses=responses(*WRITE_ERRORS),
        status_code=200,
    )
    async def post_reports(
        request: Request, body: ReportsIn, _: Annotated[str, Depends(require_write)]
    ) -> Any:
        """Run reports through the whole pipeline: ingest, extract, read, resolve, fuse, assess."""
        process = request.app.state.process_reports
        result = await run_in_threadpool(process, [r.document() for r in body.reports])
        return ReportsOut(**result)

    @router.post(
        "/agreements",
        response_model=AgreementPosted,
        status_code=201,
        responses=responses(*WRITE_ERRORS),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/yaml": {"schema": {"type": "string"}}},
            }
        },
    )
    async def post_agreement(request: Request, _: Annotated[str, Depends(require_write)]) -> Any:
        """Add (or replace) an agreement from its YAML; it is validated like a shipped one."""
        raw = await request.body()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "bad_request", "agreement YAML must be UTF-8") from None
        agreement = parse_agreement_text(text)
        catalogue: Catalogue = request.app.state.catalogue
        if agreement.id in catalogue.shipped_agreements():
            raise ApiError(
                422, "invalid_agreement", f"{agreement.id!r} is a shipped agreement; pick a new id"
            )
        await run_in_threadpool(request.app.state.store.put_agreement_text, agreement.id, text)
        return AgreementPosted(id=agreement.id, name=agreement.name)

    return router


__all__ = ["ReportsIn", "build_write_router", "require_write"]
