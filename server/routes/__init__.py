"""Route modules; each exposes ``router: APIRouter`` (see ``innograph.server.app.ROUTE_MODULES``)."""
