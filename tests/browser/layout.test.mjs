// The page's layout over a real history: at phone and desktop size, with no messages, a few,
// a screenful and hundreds (and one 4 000-character word), only the message list scrolls —
// the header, the composer and its Send button stay inside the viewport, and the newest
// message is in view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { launchChromium, newDataDir, startHost } from './processes.mjs';

let browser;
let host;
let said = 0; // messages in the room so far

before(async () => {
  host = await startHost(0, newDataDir(), ['--rate', '100000', '--burst', '100000',
    '--backlog', '500']);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// Real messages through the host, from an independent client (Python's websockets).
function sayMore(count, text = (i) => `message ${i} with a few words in it`) {
  // [clientId, text]: ids unique in the room, or the host takes a message for a resend.
  const texts = Array.from({ length: count }, (_, i) => [said + i, text(said + i)]);
  const result = spawnSync('/usr/bin/python3', ['-c', `
import asyncio, json, sys, websockets
async def main(url, texts):
    async with websockets.connect(url) as ws:
        for i, text in texts:
            await ws.send(json.dumps({"message": text, "clientId": f"c{i}"}))
        acked = 0
        while acked < len(texts):
            if json.loads(await ws.recv())["type"] == "ack":
                acked += 1
asyncio.run(main(sys.argv[1], json.loads(sys.stdin.read())))
`, `ws://127.0.0.1:${host.port}/ws?name=Seeder`], { input: JSON.stringify(texts) });
  assert.equal(result.status, 0, String(result.stderr));
  said += count;
}

async function measure(viewport) {
  const context = await browser.newContext({ viewport, isMobile: viewport.width < 640 });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.2:${host.port}/`);
  await page.getByLabel('Your name').fill(`Reader${said}x${viewport.width}`);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('#state[data-state="connected"]').waitFor();
  if (said > 0) await page.locator('#message-list li:not(.notice)').last().waitFor();
  await page.waitForTimeout(300); // the list settles at its newest message
  const box = (selector) => page.locator(selector).boundingBox();
  const layout = {
    header: await box('header.top'),
    input: await box('#message-input'),
    send: await box('#send-button'),
    members: await box('.members'),
    list: await page.locator('#message-list').evaluate((list) => ({
      scrollHeight: list.scrollHeight, clientHeight: list.clientHeight,
      atBottom: list.scrollHeight - list.scrollTop - list.clientHeight < 2 })),
    documentHeight: await page.evaluate(() => document.scrollingElement.scrollHeight),
    newest: said > 0 ? await box('#message-list li:not(.notice) >> nth=-1') : null,
  };
  await page.screenshot({ path: `${process.env.TERTULIA_ARTIFACTS ?? '/tmp'}/layout-${viewport.width}-${said}.png` });
  await context.close();
  return layout;
}

function inside(rect, viewport, what) {
  assert.ok(rect, `${what} is shown`);
  assert.ok(rect.y >= 0 && rect.y + rect.height <= viewport.height + 0.5,
    `${what} inside the viewport: ${JSON.stringify(rect)}`);
  assert.ok(rect.x >= 0 && rect.x + rect.width <= viewport.width + 0.5,
    `${what} inside the viewport: ${JSON.stringify(rect)}`);
}

const sizes = [{ width: 360, height: 740 }, { width: 1000, height: 700 }];

for (const [count, label] of [[0, 'no'], [3, 'three'], [27, 'thirty'], [270, 'three hundred']]) {
  test(`${label} messages: the list scrolls, the header and composer stay`, async () => {
    sayMore(count);
    for (const viewport of sizes) {
      const layout = await measure(viewport);
      assert.ok(layout.documentHeight <= viewport.height, `the document does not scroll at ${viewport.width}`);
      inside(layout.header, viewport, 'header');
      inside(layout.input, viewport, 'message input');
      inside(layout.send, viewport, 'Send button');
      assert.ok(layout.members.height >= 20, `the member list keeps its height: ${layout.members.height}`);
      if (said > 0) {
        inside(layout.newest, viewport, 'newest message');
        assert.ok(layout.list.atBottom, 'the list opens at its newest message');
      }
      if (said >= 30) assert.ok(layout.list.scrollHeight > layout.list.clientHeight);
    }
  });
}

test('a 4 000-character word wraps inside the list', async () => {
  sayMore(1, () => 'x'.repeat(4000));
  for (const viewport of sizes) {
    const layout = await measure(viewport);
    inside(layout.input, viewport, 'message input');
    inside(layout.send, viewport, 'Send button');
    // Taller than the screen on a phone: wrapped to the list's width, its end in view.
    const word = layout.newest;
    assert.ok(word.x >= 0 && word.x + word.width <= viewport.width, `wrapped: ${JSON.stringify(word)}`);
    assert.ok(word.y + word.height <= viewport.height && word.y + word.height > 0,
      `its end in view: ${JSON.stringify(word)}`);
  }
});
