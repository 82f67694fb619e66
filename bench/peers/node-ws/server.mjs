// The same room on Node.js and npm's `ws`, the most used WebSocket library, for the benchmark:
// named clients (?name= on connect, or the name in their first message), a Map of
// name -> socket, and each {"name","message"} broadcast as JSON to every other member.
// Nothing is stored. Usage: node server.mjs PORT
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] || 8000);
const members = new Map();
const server = new WebSocketServer({ port, host: '127.0.0.1', path: '/ws', backlog: 4096 });

server.on('connection', (socket, request) => {
  let name = new URL(request.url, 'http://localhost').searchParams.get('name') || '';
  if (name) members.set(name, socket);
  socket.on('message', (data) => {
    const payload = JSON.parse(data);
    if (!name) {
      name = payload.name || '';
      members.set(name, socket);
    }
    const text = JSON.stringify({ name, message: payload.message });
    for (const [other, peer] of members) {
      if (other !== name) peer.send(text);
    }
  });
  socket.on('close', () => {
    if (members.get(name) === socket) members.delete(name);
  });
});
server.on('listening', () => console.log(`Listening on ws://127.0.0.1:${port}/ws`));
