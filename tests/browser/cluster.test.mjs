// A room on two real nodes sharing a real redis-server, behind HAProxy (Debian's): the page and
// the native client on the node that is killed carry on through the other by themselves, and
// nothing anyone sent is lost or shown twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, newDataDir, startHost, startProbe } from './processes.mjs';

let redis;
let nodes;
let balancer;
let balancerPort;
let browser;

const until = async (check, what, timeoutMs = 10000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// start() again after stop(): the same files, so nothing acknowledged is gone.
function startRedis() {
  const directory = mkdtempSync(join(tmpdir(), 'tertulia-redis-'));
  const socket = join(directory, 'redis.sock');
  const redis = { socket, url: `unix://${socket}` };
  redis.start = async () => {
    redis.child = spawn('redis-server', ['--port', '0', '--unixsocket', socket, '--dir', directory,
      '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
    await until(() => {
      try {
        return execFileSync('redis-cli', ['-s', socket, 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] })
          .toString().trim() === 'PONG';
      } catch { return false; }
    }, 'redis-server');
  };
  redis.stop = () => new Promise((resolve) => {
    redis.child.once('exit', resolve);
    redis.child.kill('SIGTERM');
  });
  return redis;
}

// `balance first`: everyone through the balancer is on the first node while it is up. The
// configuration is the Python cluster tests' (tests/support/haproxy-test.cfg).
function startBalancer(port, nodePorts) {
  const template = readFileSync(new URL('../support/haproxy-test.cfg', import.meta.url), 'utf8');
  const config = join(mkdtempSync(join(tmpdir(), 'tertulia-haproxy-')), 'haproxy.cfg');
  writeFileSync(config, template
    .replace('@BIND@', `    bind 127.0.0.1:${port}\n    bind 127.0.0.2:${port}`)
    .replace('@BALANCE@', 'first')
    .replace('@SERVERS@', nodePorts.map((p, i) =>
      `    server node${i} 127.0.0.1:${p} check inter 200 fall 1 rise 2`).join('\n')));
  return spawn('haproxy', ['-db', '-f', config], { stdio: 'ignore' });
}

before(async () => {
  redis = startRedis();
  await redis.start();
  balancerPort = await freePort();
  // Pages come through the balancer's address: the nodes let that origin in.
  const shared = ['--redis', redis.url, '--allow-origin', `http://127.0.0.2:${balancerPort}`,
    '--rate', '1000', '--burst', '1000'];
  nodes = [await startHost(0, newDataDir(), shared), await startHost(0, newDataDir(), shared)];
  balancer = startBalancer(balancerPort, nodes.map((node) => node.port));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  balancer?.kill();
  for (const node of nodes ?? []) await node.stop();
  redis?.child?.kill();
});

async function openAndJoin(url, name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('#state[data-state="connected"]').waitFor();
  return page;
}

async function say(page, text) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
}

const texts = (page) => page.locator('#message-list li .text').allInnerTexts();

test('the page and the native client on a killed node carry on through the other', async () => {
  const [a, b] = nodes;
  // Ana and the native client through the balancer (on A); Bea straight on B.
  const ana = await openAndJoin(`http://127.0.0.2:${balancerPort}/`, 'Ana');
  const probe = startProbe(`http://127.0.0.1:${balancerPort}/`, 'Nativo');
  await probe.waitFor((event) => event.event === 'joined');
  const bea = await openAndJoin(`http://127.0.0.2:${b.port}/`, 'Bea');
  await bea.locator('#member-list li', { hasText: 'Ana' }).waitFor();
  await say(ana, 'antes de la caída');
  await bea.locator('#message-list li', { hasText: 'antes de la caída' }).waitFor();
  await probe.waitFor((event) => event.event === 'message' && event.text === 'antes de la caída');

  a.child.kill('SIGKILL');
  // Written while their node is gone: pending, then sent once they are back through B.
  await say(ana, 'durante 1');
  probe.send('nativo durante');
  await ana.locator('#state[data-state="connected"]').waitFor({ timeout: 20000 });
  await say(ana, 'durante 2');
  for (const text of ['durante 1', 'durante 2', 'nativo durante']) {
    await bea.locator('#message-list li', { hasText: text }).waitFor({ timeout: 20000 });
  }
  await ana.locator('#message-list li.own:not(.sending)', { hasText: 'durante 2' }).waitFor();
  await say(bea, 'os leo');
  await ana.locator('#message-list li', { hasText: 'os leo' }).waitFor();
  await probe.waitFor((event) => event.event === 'message' && event.text === 'os leo');

  // Each once on both pages (Ana's own stay where she wrote them, as on one host); Ana is still
  // Ana: her resume token moved with her.
  const expected = ['antes de la caída', 'durante 1', 'nativo durante', 'durante 2', 'os leo'];
  for (const page of [ana, bea]) {
    const shown = (await texts(page)).filter((text) => expected.includes(text));
    assert.deepEqual([...shown].sort(), [...expected].sort());
    assert.equal(shown.at(-1), 'os leo');
  }
  assert.match(await ana.locator('#state').innerText(), /Ana/);
  await until(async () => (await bea.locator('#member-list li', { hasText: 'Ana' }).count()) === 1
    && (await bea.locator('#member-list li.away', { hasText: 'Ana' }).count()) === 0,
  'Ana present on B');
  await probe.stop();
});

test('while Redis is away what is written waits, said in words, and goes by itself after', async () => {
  const b = nodes[1];
  const cara = await openAndJoin(`http://127.0.0.2:${b.port}/`, 'Cara');
  const probe = startProbe(`http://127.0.0.1:${b.port}/`, 'Nativa');
  await probe.waitFor((event) => event.event === 'joined');
  await redis.stop();
  await say(cara, 'sin Redis');
  probe.send('nativa sin Redis');
  // Told why, still pending: nothing is lost, nothing marked as failed.
  await cara.locator('#chat-error', { hasText: /store/ }).waitFor();
  await probe.waitFor((event) => event.event === 'error' && event.code === 'storage_failed');
  assert.equal(await cara.locator('#message-list li.own.sending', { hasText: 'sin Redis' }).count(), 1);
  await redis.start();
  await cara.locator('#message-list li.own:not(.sending)', { hasText: 'sin Redis' }).waitFor({ timeout: 30000 });
  await probe.waitFor((event) => event.event === 'ack', 30000);
  await cara.locator('#message-list li', { hasText: 'nativa sin Redis' }).waitFor({ timeout: 30000 });
  assert.equal(await cara.locator('#message-list li', { hasText: /^.*sin Redis.*$/ }).count(), 2);
  assert.equal(probe.events.filter((event) => event.event === 'failed').length, 0);
  await probe.stop();
});
