// Nothing lost, in the browser: history for late joiners, older pages on scrolling up,
// messages written offline, and a reload with a message the host has not acknowledged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, newDataDir, startHost, startProbe } from './processes.mjs';

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function joinPage(port, name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.2:${port}/`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('#state[data-state="connected"]').waitFor();
  return { context, page };
}

async function say(probe, text) {
  const acked = probe.events.filter((event) => event.event === 'ack').length;
  probe.send(text);
  await probe.waitFor((event) => event.event === 'ack'
    && probe.events.filter((e) => e.event === 'ack').length > acked);
}

// Texts the probe received from the room, live or in history, in order.
function receivedTexts(probe) {
  return probe.events.filter((event) => event.event === 'message').map((event) => event.text);
}

const messageText = (page) => page.locator('#message-list li:not(.notice) .text');

test('a late joiner sees what was said before, in order', async () => {
  const host = await startHost();
  const probe = startProbe(`http://127.0.0.1:${host.port}/`, 'Temprano');
  try {
    await probe.waitFor((event) => event.event === 'joined');
    for (const text of ['primero', 'segundo', 'tercero']) await say(probe, text);
    const { context, page } = await joinPage(host.port, 'Tarde');
    await messageText(page).nth(2).waitFor();
    assert.deepEqual(await messageText(page).allInnerTexts(), ['primero', 'segundo', 'tercero']);
    await context.close();
  } finally {
    await probe.stop();
    await host.stop();
  }
});

test('older messages load when scrolling up, without moving the view', async () => {
  const host = await startHost(0, undefined, ['--backlog', '20', '--rate', '1000', '--burst', '1000']);
  const probe = startProbe(`http://127.0.0.1:${host.port}/`, 'Historiador');
  try {
    await probe.waitFor((event) => event.event === 'joined');
    for (let i = 1; i <= 70; i += 1) await say(probe, `mensaje ${i}`);
    const { context, page } = await joinPage(host.port, 'Lectora');
    await messageText(page).nth(19).waitFor();
    assert.equal(await messageText(page).count(), 20);
    assert.equal(await messageText(page).first().innerText(), 'mensaje 51');

    const anchor = page.locator('#message-list li', { hasText: 'mensaje 51' });
    await page.locator('#message-list').evaluate((list) => { list.scrollTop = 0; });
    await page.waitForFunction(() => document.querySelectorAll('#message-list li').length >= 70);
    assert.equal(await messageText(page).first().innerText(), 'mensaje 1');
    // Loaded above: the message the reader was looking at is still on screen.
    const box = await anchor.boundingBox();
    const list = await page.locator('#message-list').boundingBox();
    assert.ok(box.y >= list.y - 1 && box.y < list.y + list.height, 'the view did not jump');
    const texts = await messageText(page).allInnerTexts();
    assert.deepEqual(texts, Array.from({ length: 70 }, (_, i) => `mensaje ${i + 1}`));
    await context.close();
  } finally {
    await probe.stop();
    await host.stop();
  }
});

test('messages written offline arrive once, in order, and show as sent', async () => {
  const host = await startHost();
  const probe = startProbe(`http://127.0.0.1:${host.port}/`, 'Receptor');
  try {
    await probe.waitFor((event) => event.event === 'joined');
    const { context, page } = await joinPage(host.port, 'Viajera');
    await context.setOffline(true);
    const input = page.getByRole('textbox', { name: 'Message' });
    for (const text of ['sin red 1', 'sin red 2', 'sin red 3']) {
      await input.fill(text);
      await input.press('Enter');
    }
    // Offline, nothing can be acknowledged: all three wait in the outbox, shown as sending.
    await page.locator('#state[data-state="reconnecting"]').waitFor();
    assert.equal(await page.locator('#message-list li.own.sending').count(), 3);
    await context.setOffline(false);
    await page.locator('#message-list li.own:not(.sending)', { hasText: 'sin red 3' }).waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#message-list li.own.sending').count(), 0);
    await input.fill('de vuelta');
    await input.press('Enter');
    await probe.waitFor((event) => event.event === 'message' && event.text === 'de vuelta', 20000);
    assert.deepEqual(receivedTexts(probe), ['sin red 1', 'sin red 2', 'sin red 3', 'de vuelta']);
    await context.close();
  } finally {
    await probe.stop();
    await host.stop();
  }
});

test('a reload with an unacknowledged message delivers it once', async () => {
  const host = await startHost();
  const probe = startProbe(`http://127.0.0.1:${host.port}/`, 'Testigo');
  try {
    await probe.waitFor((event) => event.event === 'joined');
    const { context, page } = await joinPage(host.port, 'Impaciente');
    // Freeze the host: the message reaches its socket but no acknowledgement can come back.
    host.child.kill('SIGSTOP');
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('¿me oyes?');
    await input.press('Enter');
    await page.locator('#message-list li.own.sending', { hasText: '¿me oyes?' }).waitFor();
    const outbox = await page.evaluate(() => JSON.parse(sessionStorage.getItem('tertulia.session')).outbox);
    assert.equal(outbox.length, 1);

    const reloading = page.reload();
    await new Promise((resolve) => setTimeout(resolve, 300));
    host.child.kill('SIGCONT');
    await reloading;
    // Back under the same name without asking, and the message is resent and acknowledged.
    await page.locator('#state[data-state="connected"]').waitFor();
    await page.locator('#message-list li.own:not(.sending)', { hasText: '¿me oyes?' }).waitFor();
    await input.fill('después de recargar');
    await input.press('Enter');
    await probe.waitFor((event) => event.event === 'message' && event.text === 'después de recargar');
    assert.deepEqual(receivedTexts(probe), ['¿me oyes?', 'después de recargar']);
    // Another reload: what came back from the history is still marked sent.
    await page.reload();
    await page.locator('#state[data-state="connected"]').waitFor();
    const own = page.locator('#message-list li.own');
    await own.nth(1).waitFor();
    assert.deepEqual(await own.locator('.status').allInnerTexts(), ['✓', '✓']);
    const members = probe.events.filter((event) => event.event === 'presence');
    assert.ok(members.every((event) => !event.left.includes('Impaciente')), 'no "left" on reload');
    await context.close();
  } finally {
    host.child.kill('SIGCONT');
    await probe.stop();
    await host.stop();
  }
});

test('reading back is not interrupted: new messages show a marker instead', async () => {
  const host = await startHost(0, undefined, ['--rate', '1000', '--burst', '1000']);
  const probe = startProbe(`http://127.0.0.1:${host.port}/`, 'Charlatán');
  try {
    await probe.waitFor((event) => event.event === 'joined');
    for (let i = 1; i <= 40; i += 1) await say(probe, `línea ${i}`);
    const { context, page } = await joinPage(host.port, 'Lectora Atenta');
    await messageText(page).nth(39).waitFor();
    await page.locator('#message-list').evaluate((list) => { list.scrollTop = 100; });
    const before = await page.locator('#message-list').evaluate((list) => list.scrollTop);
    await say(probe, 'algo nuevo');
    await page.locator('#message-list li', { hasText: 'algo nuevo' }).waitFor({ state: 'attached' });
    assert.equal(await page.locator('#message-list').evaluate((list) => list.scrollTop), before);
    await page.getByRole('button', { name: 'New messages ↓' }).click();
    await page.locator('#message-list li', { hasText: 'algo nuevo' }).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'New messages ↓' }).waitFor({ state: 'hidden' });
    await context.close();
  } finally {
    await probe.stop();
    await host.stop();
  }
});

test('each day is named above its first message, also as older pages load', async () => {
  // The host's wall clock runs days behind (Debian's libfaketime), then catches up.
  const clock = join(newDataDir(), 'clock');
  writeFileSync(clock, '-2d\n');
  const host = await startHost(0, newDataDir(), ['--backlog', '2'], process.env.TERTULIA_SERVER, {
    LD_PRELOAD: '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
    FAKETIME_TIMESTAMP_FILE: clock, FAKETIME_NO_CACHE: '1', DONT_FAKE_MONOTONIC: '1',
    ASAN_OPTIONS: [process.env.ASAN_OPTIONS, 'verify_asan_link_order=0'].filter(Boolean).join(':'),
  });
  const probe = startProbe(`http://127.0.0.1:${host.port}/`, 'Cronista');
  try {
    await probe.waitFor((event) => event.event === 'joined');
    for (const [offset, texts] of [['-2d', ['anteayer 1', 'anteayer 2']],
      ['-1d', ['ayer 1', 'ayer 2']], ['+0', ['hoy 1', 'hoy 2']]]) {
      writeFileSync(clock, `${offset}\n`);
      for (const text of texts) await say(probe, text);
    }
    const { context, page } = await joinPage(host.port, 'Lectora');
    const lines = () => page.locator('#message-list li:not(.notice)').evaluateAll((items) =>
      items.map((item) => (item.classList.contains('day') ? `[${item.textContent}]` : item.querySelector('.text').textContent)));
    // The newest two (--backlog 2) fill no screen: the page asks for older ones by itself,
    // and each day is named once, in order.
    await page.locator('#message-list li', { hasText: 'anteayer 1' }).waitFor();
    const then = new Date(Date.now() - 2 * 86400000);
    const twoDaysAgo = then.toLocaleDateString('en', { weekday: 'long', day: 'numeric', month: 'long',
      ...(then.getFullYear() !== new Date().getFullYear() ? { year: 'numeric' } : {}) });
    assert.deepEqual(await lines(), [`[${twoDaysAgo}]`, 'anteayer 1', 'anteayer 2',
      '[Yesterday]', 'ayer 1', 'ayer 2', '[Today]', 'hoy 1', 'hoy 2']);
    await context.close();
  } finally {
    await probe.stop();
    await host.stop();
  }
});
