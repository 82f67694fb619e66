// Starts the real host, the native-client probe and Chromium for the browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

// Debian's Chromium, headless; never a downloaded browser. The flags keep it from reaching
// for Google's services, which this machine's closed network refuses.
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A fresh history directory per host, unless a test restarts a host on the same one.
export function newDataDir() {
  return mkdtempSync(join(tmpdir(), 'tertulia-browser-'));
}

// executable: TERTULIA_HOSTCONTROL for a host whose controls the test drives (control()).
// env: added to the host's environment (libfaketime's, to run it on another day).
export async function startHost(port = 0, dataDir = newDataDir(), extraArgs = [],
  executable = process.env.TERTULIA_SERVER, env = {}) {
  const child = spawn(executable,
    ['--port', String(port), '--data-dir', dataDir, ...extraArgs],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  const match = /^Listening on https?:\/\/[^/]+:(\d+)\/$/.exec(first);
  if (!match) throw new Error(`unexpected first line: ${first}`);
  const control = (command) => new Promise((resolve) => {
    lines.once('line', resolve);
    child.stdin.write(`${command}\n`);
  });
  // stop('SIGHUP'): a restart (members come back); SIGTERM ends the room.
  return { child, port: Number(match[1]), dataDir, control, stop: (signal) => stop(child, signal) };
}

// The native client (ChatConnection) with stdin/stdout: send lines, read JSON events.
export function startProbe(url, name) {
  const child = spawn(process.env.TERTULIA_PROBE, [url, name], { stdio: ['pipe', 'pipe', 'inherit'] });
  const events = [];
  const waiters = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line);
    events.push(event);
    for (const waiter of [...waiters]) waiter();
  });
  return {
    events,
    send: (text) => child.stdin.write(`${text}\n`),
    waitFor: (predicate, timeoutMs = 10000) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('probe event timed out')), timeoutMs);
      const check = () => {
        const found = events.find(predicate);
        if (!found) return;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve(found);
      };
      waiters.push(check);
      check();
    }),
    stop: () => stop(child),
  };
}

function stop(child, signal = 'SIGTERM') {
  // Gone already (a test may have killed it): its exit event will not come again.
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode ?? child.signalCode);
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.kill(signal);
  });
}

// A crowd of `count` members, each a bare WebSocket client (seed-style, /ws?name=<prefix><i>
// with i zero-padded), connected from 127.0.0.1 at once; resolves once all are in. They read
// and drop what the host sends. close() ends them all.
export async function joinCrowd(port, count, prefix) {
  const { connect } = await import('node:net');
  const width = String(count - 1).length;
  const sockets = [];
  await Promise.all(Array.from({ length: count }, (_, i) => new Promise((resolve, reject) => {
    const name = `${prefix}${String(i).padStart(width, '0')}`;
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.write(`GET /ws?name=${name} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`
        + 'Upgrade: websocket\r\nConnection: Upgrade\r\n'
        + 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
    });
    let head = '';
    const onData = (chunk) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.on('data', () => {});
      if (head.startsWith('HTTP/1.1 101')) resolve();
      else reject(new Error(`${name} refused: ${head.split('\r\n')[0]}`));
    };
    socket.on('data', onData);
    socket.on('error', reject);
    sockets.push(socket);
  })));
  return { close: () => { for (const socket of sockets) socket.destroy(); } };
}
