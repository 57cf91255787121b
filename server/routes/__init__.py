"""Route modules; each exposes ``router: APIRouter`` (included by ``innograph.server.app.ROUTERS``)."""
