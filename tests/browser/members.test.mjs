// A room of 3 000: the page is sent a count and a first page, draws only the rows in view,
// asks the host for the rows it scrolls to, finds anyone by the start of their name, and
// completes an @mention from the host's search.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { joinCrowd, launchChromium, startHost } from './processes.mjs';

const CROWD = 3000;
const artifacts = process.env.TERTULIA_ARTIFACTS || 'artifacts';
mkdirSync(artifacts, { recursive: true });
let host;
let browser;
let crowd;

before(async () => {
  host = await startHost(0, undefined, ['--max-connections', '5000', '--max-per-address', '5000',
    '--idle-timeout', '600000'] /* the crowd answers no pings */);
  browser = await launchChromium();
  crowd = await joinCrowd(host.port, CROWD, 'member');
});

after(async () => {
  crowd?.close();
  await browser?.close();
  assert.equal(await host?.stop(), 0);
});

// onPage(page): before the page opens anything (to watch its socket from the start).
async function openAndJoin(name, viewport, onPage = () => {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  onPage(page);
  await page.goto(`http://127.0.0.2:${host.port}/`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('#state[data-state="connected"]').waitFor();
  return { context, page };
}

const rendered = (page) => page.locator('#member-list li').count();

// Scrolls the member list to `top` and waits for a row reading `text` to be drawn. A loaded
// machine (the sanitizer run) once drew nothing new after one scroll: the scroll is said again
// each second, as a person would nudge the list, while the row itself must still come from the
// host.
async function scrollUntil(page, top, text) {
  const row = page.locator('#member-list li', { hasText: text });
  for (let attempt = 0; attempt < 30; attempt += 1) {
    await page.locator('#member-scroll').evaluate((scroller, to) => {
      scroller.scrollTop = to === 'end' ? scroller.scrollHeight : to;
      scroller.dispatchEvent(new Event('scroll'));
    }, top);
    if (await row.count()) return;
    await page.waitForTimeout(1000);
  }
  await row.waitFor({ timeout: 1000 });
}

test('the member list of a 3 000-member room scrolls, drawing only what is in view', async () => {
  const received = [];
  const { context, page } = await openAndJoin('Pilar', { width: 1000, height: 700 }, (opened) => {
    opened.on('websocket', (socket) => socket.on('framereceived', (frame) => {
      if (typeof frame.payload === 'string') received.push(frame.payload.length);
    }));
  });
  try {
    await page.locator('#member-count', { hasText: `(${CROWD + 1})` }).waitFor();
    await page.locator('#member-list li', { hasText: 'member0000' }).waitFor();
    assert.ok(await rendered(page) < 80, `${await rendered(page)} rows drawn`);
    // The scroll bar is as long as everyone: row 1 500 is reachable, and arrives from the host.
    const rowHeight = await page.locator('#member-list li').first()
      .evaluate((row) => row.getBoundingClientRect().height);
    await scrollUntil(page, 1500 * rowHeight, 'member1500');
    assert.ok(await rendered(page) < 80);
    await scrollUntil(page, 'end', 'Pilar'); // last by name
    // Someone new sorts first: the rows watched at the top follow.
    await scrollUntil(page, 0, 'member0000');
    const newcomer = await joinCrowd(host.port, 1, 'Aaron');
    await page.locator('#member-list li').first().filter({ hasText: 'Aaron0' }).waitFor();
    await page.locator('#member-count', { hasText: `(${CROWD + 2})` }).waitFor();
    newcomer.close();
    // Nothing the page was sent grew with the room (the welcome carries 50 members).
    assert.ok(received.length > 3, `${received.length} events seen`);
    assert.ok(Math.max(...received) < 16 * 1024, `largest event ${Math.max(...received)} bytes`);
  } finally {
    await context.close();
  }
});

test('search finds a member by the start of the name, on a phone too', async () => {
  const { context, page } = await openAndJoin('Quique', { width: 360, height: 740 });
  try {
    const search = page.getByRole('searchbox', { name: 'Find someone' });
    await search.fill('MEMBER271');
    await page.locator('#member-list li', { hasText: 'member2718' }).waitFor();
    assert.equal(await rendered(page), 10); // member2710 … member2719
    await search.fill('nadie');
    await page.locator('#member-list li', { hasText: 'Nobody whose name starts with' }).waitFor();
    await search.fill('');
    await page.locator('#member-list li', { hasText: 'member0000' }).waitFor();
    await page.screenshot({ path: join(artifacts, 'members-phone.png') });
  } finally {
    await context.close();
  }
});

test('an @mention completes from the host search', async () => {
  const { context, page } = await openAndJoin('Rosa', { width: 1000, height: 700 });
  try {
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.pressSequentially('hola @member271');
    const options = page.getByRole('listbox', { name: 'People to mention' }).getByRole('option');
    await options.first().filter({ hasText: 'member2710' }).waitFor();
    assert.equal(await options.count(), 8);
    await input.press('ArrowDown');
    await input.press('Enter'); // picks, does not send
    assert.equal(await input.inputValue(), 'hola @member2711 ');
    assert.equal(await page.getByRole('listbox', { name: 'People to mention' }).isHidden(), true);
    await input.pressSequentially('¿vienes?');
    await input.press('Enter');
    await page.locator('#message-list li.own:not(.sending)', { hasText: '@member2711 ¿vienes?' })
      .waitFor();
  } finally {
    await context.close();
  }
});
