"""The mock EBS over real HTTP (starlette + uvicorn): ``mgm-contract serve-ebs``."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mgm_addon_contract.ebs.service import MockEbs


def create_app(ebs: MockEbs) -> Starlette:
    """A starlette app whose every route is answered by ``ebs.handle``."""

    async def any_route(request: Request) -> JSONResponse:
        body = await request.body()
        status, answer = ebs.handle(request.method, request.url.path, dict(request.headers),
                                    body)
        return JSONResponse(answer, status_code=status)

    methods = ["GET", "POST", "PATCH", "PUT", "DELETE"]
    return Starlette(routes=[Route("/{path:path}", any_route, methods=methods)])
