"""Ray Serve ingress: FastAPI routes, the live WebSocket, auth and error mapping."""
