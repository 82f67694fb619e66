"""The seeds' server, as the FastAPI WebSocket tutorial writes it, for the benchmark.

Named clients (?name= on connect, or the name in their first message), a dict of
name -> WebSocket, and ConnectionManager.broadcast awaiting send_text for each other member
with the same {"name", "message"} JSON. Nothing is stored. Run with uvicorn (uvloop, httptools):
    python3 -m uvicorn fastapi_seed:app --app-dir bench/peers --port 8000 --loop uvloop --http httptools
"""

import json

from fastapi import FastAPI, WebSocket, WebSocketDisconnect

app = FastAPI()


class ConnectionManager:
    def __init__(self):
        self.active_connections: dict[str, WebSocket] = {}

    async def connect(self, name: str, websocket: WebSocket):
        await websocket.accept()
        self.active_connections[name] = websocket

    def disconnect(self, name: str):
        self.active_connections.pop(name, None)

    async def broadcast(self, message: str, sender: str):
        for name, connection in list(self.active_connections.items()):
            if name != sender:
                await connection.send_text(message)


manager = ConnectionManager()


@app.websocket("/ws")
async def websocket_endpoint(websocket: WebSocket, name: str = ""):
    await manager.connect(name, websocket)
    try:
        while True:
            data = json.loads(await websocket.receive_text())
            name = name or data.get("name", "")
            await manager.broadcast(json.dumps({"name": name, "message": data["message"]}), name)
    except WebSocketDisconnect:
        manager.disconnect(name)
