"""The route inventory: every endpoint with the permission it declares.

Tests walk it so a new route is covered automatically, and the DPIA fingerprint includes it so a
new route reminds the council to look at its impact assessment again.
"""

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from app.authz import Require


def route_inventory(app: FastAPI) -> list[tuple[str, str, APIRoute]]:
    """(method, full path, route) for every endpoint, including those in included routers."""
    return [
        (method, str(context.path), context.original_route)
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute)
        for method in sorted(context.methods or ())
    ]


def declared_requirement(route: APIRoute) -> Require | None:
    for dependency in route.dependant.dependencies:
        if isinstance(dependency.call, Require):
            return dependency.call
        for nested in dependency.dependencies:
            if isinstance(nested.call, Require):
                return nested.call
    return None
