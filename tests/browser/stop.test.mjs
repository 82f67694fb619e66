// What the host decides holds in the page: removed, locked out and ended rooms are said in
// words and never retried behind the person's back; the host's limits are followed before
// sending. Against a real host whose controls the test drives (tertulia-hostcontrol).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, newDataDir, startHost } from './processes.mjs';

let host;
let browser;

before(async () => {
  host = await startHost(0, newDataDir(), ['--max-message-length', '100'],
    process.env.TERTULIA_HOSTCONTROL);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// A page from the LAN-style address that counts the sockets it opens.
async function openPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const Original = window.WebSocket;
    window.socketsOpened = 0;
    window.WebSocket = class extends Original {
      constructor(...args) { super(...args); window.socketsOpened += 1; }
    };
  });
  await page.goto(`http://127.0.0.2:${host.port}/`);
  return { context, page };
}

async function join(page, name) {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
}

test('removed, locked out and ended: each said in words, none retried', async () => {
  const ana = await openPage();
  await join(ana.page, 'Ana');
  await ana.page.locator('#state[data-state="connected"]').waitFor();
  const zed = await openPage();
  await join(zed.page, 'Zed');
  await zed.page.locator('#state[data-state="connected"]').waitFor();

  await host.control('remove Zed');
  await zed.page.locator('#stop-bar', { hasText: 'The host removed you from the room.' }).waitFor();
  assert.equal(await zed.page.locator('#member-list li').count(), 0);

  await host.control('lock');
  const eva = await openPage();
  await join(eva.page, 'Eva');
  // Never in the room: said where the name was typed.
  await eva.page.locator('#join-error', { hasText: 'The host has locked' }).waitFor();

  await ana.page.getByRole('textbox', { name: 'Message' }).fill('last words');
  await host.control('end Thanks for coming, see you tomorrow.');
  await ana.page.locator('#stop-bar', { hasText: 'Thanks for coming, see you tomorrow.' }).waitFor();
  assert.equal(await ana.page.locator('#member-list li').count(), 0);
  assert.equal(await ana.page.getByRole('button', { name: 'Send' }).isDisabled(), true);
  assert.match(await ana.page.locator('#state').innerText(), /Not in the room/);

  // A return of attention (focus, online) brings nobody back, and no reconnection waits on a
  // timer: nothing can come back by itself later either.
  const opened = async (page) => page.evaluate(() => window.socketsOpened);
  const before = await Promise.all([ana, zed, eva].map(({ page }) => opened(page)));
  for (const { page } of [ana, zed, eva]) {
    await page.evaluate(() => {
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    assert.equal(await page.evaluate(() => window.reconnectScheduled), false);
  }
  assert.deepEqual(await Promise.all([ana, zed, eva].map(({ page }) => opened(page))), before);
  for (const { page } of [ana, zed]) assert.equal(await page.locator('#stop-bar').isVisible(), true);
  assert.match(await eva.page.locator('#join-error').innerText(), /locked/);
  for (const { page } of [ana, zed, eva]) {
    assert.doesNotMatch(await page.locator('#state').innerText(), /reconnecting/i);
  }
  for (const { context } of [ana, zed, eva]) await context.close();
});

test('a message over the host\'s limit is refused before sending, counted in characters', async () => {
  await host.stop();
  host = await startHost(0, newDataDir(), ['--max-message-length', '100'],
    process.env.TERTULIA_HOSTCONTROL);
  const { context, page } = await openPage();
  await join(page, 'Bea');
  await page.locator('#state[data-state="connected"]').waitFor();
  const input = page.getByRole('textbox', { name: 'Message' });
  await input.fill('x'.repeat(150));
  await page.locator('#chat-error', { hasText: '50 characters over' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Send' }).isDisabled(), true);
  await input.press('Enter');
  assert.equal(await page.locator('#message-list li.own').count(), 0);
  // 100 emoji are 200 UTF-16 units but 100 characters, as the host counts: they go.
  await input.fill('😀'.repeat(100));
  assert.equal(await page.getByRole('button', { name: 'Send' }).isDisabled(), false);
  await input.press('Enter');
  await page.locator('#message-list li.own:not(.sending)').waitFor();
  await context.close();
});

test('removed and blocked: Try again is refused in words, and lifting the block lets in', async () => {
  await host.stop();
  host = await startHost(0, newDataDir(), [], process.env.TERTULIA_HOSTCONTROL);
  const zed = await openPage();
  await join(zed.page, 'Zed');
  await zed.page.locator('#state[data-state="connected"]').waitFor();
  // Chromium connects to 127.0.0.2 from 127.0.0.1, the address the host sees and blocks.
  await host.control('block 127.0.0.1');
  await host.control('remove Zed');
  await zed.page.locator('#stop-bar', { hasText: 'The host removed you from the room.' }).waitFor();

  await zed.page.getByRole('button', { name: 'Try again' }).click();
  await zed.page.locator('#stop-bar', { hasText: 'blocked this device' }).waitFor();
  const opened = await zed.page.evaluate(() => window.socketsOpened);
  await zed.page.evaluate(() => window.dispatchEvent(new Event('online')));
  assert.equal(await zed.page.evaluate(() => window.reconnectScheduled), false);
  assert.equal(await zed.page.evaluate(() => window.socketsOpened), opened);
  assert.equal(await zed.page.getByRole('button', { name: 'Send' }).isDisabled(), true);

  await host.control('unblock 127.0.0.1');
  await zed.page.getByRole('button', { name: 'Try again' }).click();
  await zed.page.locator('#state[data-state="connected"]').waitFor();
  await zed.context.close();
});
