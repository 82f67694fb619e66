// Files in the page, against a real host and real files: attached, dropped and pasted; a
// picture shown inline in another page, an SVG only ever a download; 20 MB intact with its
// progress shown; a reload and an offline spell mid-upload go on from what the host stored;
// a file over the limit refused before sending; a direct message's file unreadable by a third.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, openSync, readdirSync, writeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { get } from 'node:http';
import { deflateSync } from 'node:zlib';
import { launchChromium, newDataDir, startHost } from './processes.mjs';

const LIMIT = 250_000_000;
let host;
let browser;
const scratch = newDataDir(); // the files the tests send

before(async () => {
  host = await startHost(0, newDataDir(), ['--max-file-size', String(LIMIT), '--upload-rate', '8000000']);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// A file of `size` random-ish bytes (a random block repeated, so it is quick to write).
function bigFile(name, size) {
  const path = join(scratch, name);
  const block = randomBytes(1 << 20);
  const fd = openSync(path, 'w');
  for (let written = 0; written < size; written += block.length) {
    writeSync(fd, block, 0, Math.min(block.length, size - written));
  }
  closeSync(fd);
  return path;
}

function sha256OfFile(path) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}

function sha256OfUrl(url) {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      if (response.statusCode !== 200) reject(new Error(`HTTP ${response.statusCode}`));
      const hash = createHash('sha256');
      response.on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex')));
    }).on('error', reject);
  });
}

// A member's page from the LAN-style address, with the host's events it received.
async function member(name) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const events = [];
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => {
    if (typeof frame.payload === 'string') events.push(JSON.parse(frame.payload));
  }));
  await page.goto(`http://127.0.0.2:${host.port}/`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('#state[data-state="connected"]').waitFor();
  return { context, page, events, key: () => events.findLast((e) => e.type === 'welcome').fileKey };
}

const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR4nGP8z0AaYCJR/aiGUQ1DSAMAQC4BH2bjRnMAAAAASUVORK5CYII=', 'base64');

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// A real RGB PNG of `side` x `side` black pixels: small on the wire, large once decoded.
function blackPng(side) {
  const chunk = (kind, data) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(Buffer.concat([Buffer.from(kind), data])));
    return Buffer.concat([head, Buffer.from(kind), data, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = deflateSync(Buffer.alloc((1 + side * 3) * side), { level: 9 });
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header),
    chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

test('a picture attached in one page shows inline in another, without its location', async () => {
  const ana = await member('Ana');
  const bea = await member('Bea');
  await ana.page.locator('#file-input').setInputFiles({ name: 'playa.png', mimeType: 'image/png', buffer: tinyPng });
  const picture = bea.page.locator('.messages li .file img[alt="playa.png"]');
  await picture.waitFor();
  await bea.page.waitForFunction(() => document.querySelector('.messages .file img')?.naturalWidth > 0);
  assert.match(await bea.page.locator('.messages li .file-note').last().innerText(), /location data removed/);
  // The sender's own line turns into the picture once the host has stored it.
  await ana.page.locator('.messages li.own .file img[alt="playa.png"]').waitFor();

  // Dropped onto the conversation, and pasted into the message box, like any picture.
  const drop = await ana.page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
    return transfer;
  }, [...tinyPng]);
  await ana.page.dispatchEvent('.conversation', 'drop', { dataTransfer: drop });
  await bea.page.locator('.messages .file img[alt="dropped.png"]').waitFor();
  await ana.page.evaluate((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
    document.getElementById('message-input').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, [...tinyPng]);
  await bea.page.locator('.messages .file img[alt="image.png"]').waitFor();
  assert.equal(await ana.page.locator('#message-input').inputValue(), '');
  await ana.context.close();
  await bea.context.close();
});

test('an SVG with a script is a download link, and opened directly it never runs', async () => {
  const ana = await member('Sol');
  const bea = await member('Teo');
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>opener && (opener.document.title = "owned"); document.title = "owned"</script></svg>';
  await ana.page.locator('#file-input').setInputFiles({ name: 'dibujo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
  const link = bea.page.locator('.messages a.download', { hasText: 'dibujo.svg' });
  await link.waitFor();
  assert.equal(await bea.page.locator('.messages img[alt="dibujo.svg"]').count(), 0);
  const href = await link.evaluate((a) => a.href);
  const response = await bea.page.request.get(href);
  assert.equal(response.headers()['content-type'], 'application/octet-stream');
  assert.match(response.headers()['content-disposition'], /^attachment;/);
  assert.equal(response.headers()['content-security-policy'], "default-src 'none'; sandbox; frame-ancestors 'none'");
  // Opened directly, in a tab of the host's origin: a download, no document, no script.
  const tab = await bea.context.newPage();
  const [download] = await Promise.all([tab.waitForEvent('download'), tab.goto(href).catch(() => {})]);
  assert.equal(download.suggestedFilename(), 'dibujo.svg');
  assert.notEqual(await bea.page.title(), 'owned');
  assert.notEqual(await tab.title(), 'owned');
  await ana.context.close();
  await bea.context.close();
});

test('20 MB arrives intact, with its progress shown as it goes', async () => {
  const ana = await member('Uma');
  const bea = await member('Vic');
  const path = bigFile('video.mp4', 20 * 1024 * 1024);
  const expected = await sha256OfFile(path);
  await ana.page.locator('#file-input').setInputFiles(path);
  const bar = ana.page.locator('.messages li.own progress');
  await bar.waitFor();
  // Somewhere between nothing and everything, as the host acknowledges pieces.
  await ana.page.waitForFunction(() => {
    const progress = document.querySelector('.messages li.own progress');
    return progress && progress.value > 0 && progress.value < progress.max;
  }, null, { timeout: 60000 });
  // The others see it coming too.
  await bea.page.locator('.messages li.uploading progress').waitFor();
  const link = bea.page.locator('.messages a.download', { hasText: 'video.mp4' });
  await link.waitFor({ timeout: 120000 });
  assert.equal(await bea.page.locator('.messages li.uploading').count(), 0);
  assert.equal(await sha256OfUrl(await link.evaluate((a) => a.href)), expected);
  await ana.context.close();
  await bea.context.close();
});

test('a reload, and an offline spell, mid-upload go on from the bytes the host has', async () => {
  const ana = await member('Wen');
  const bea = await member('Xia');
  const path = bigFile('backup.tar', 24 * 1024 * 1024); // 3 s at the host's 8 MB/s
  const expected = await sha256OfFile(path);
  await ana.page.locator('#file-input').setInputFiles(path);
  await ana.page.waitForFunction(() => document.querySelector('.messages li.own progress')?.value > 4e6, null, { timeout: 60000 });
  await ana.page.reload();
  // Back with the file (kept by the browser) and on from where the host stopped, not zero.
  const resumed = await waitForEvent(ana.events, (e) => e.type === 'file_accepted' && e.offset > 0 && !e.resumedBefore);
  resumed.resumedBefore = true;
  assert.ok(resumed.offset >= 4e6, `resumed at ${resumed.offset}`);
  await ana.page.waitForFunction((from) => document.querySelector('.messages li.own progress')?.value > from + 2e6,
    resumed.offset, { timeout: 60000 });
  await ana.context.setOffline(true);
  await ana.page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await ana.context.setOffline(false);
  await ana.page.evaluate(() => window.dispatchEvent(new Event('online')));
  const afterOffline = await waitForEvent(ana.events, (e) => e.type === 'file_accepted' && e.offset > resumed.offset);
  assert.ok(afterOffline.offset > resumed.offset);
  const link = bea.page.locator('.messages a.download', { hasText: 'backup.tar' });
  await link.waitFor({ timeout: 120000 });
  assert.equal(await sha256OfUrl(await link.evaluate((a) => a.href)), expected);
  await ana.page.locator('.messages li.own a.download', { hasText: 'backup.tar' }).waitFor();
  const parts = readdirSync(join(host.dataDir, 'files')).filter((name) => name.endsWith('.part'));
  assert.deepEqual(parts, []);
  await ana.context.close();
  await bea.context.close();
});

test('a browser that would not keep the file asks for it again after a reload, and goes on', async () => {
  const ana = await member('Ivo');
  const bea = await member('Jon');
  // Storage full: IndexedDB refuses the File itself (what keep() tries first), takes the rest.
  await ana.context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, ...rest) {
      if (value && value.file) throw new DOMException('full', 'QuotaExceededError');
      return put.call(this, value, ...rest);
    };
  });
  await ana.page.reload();
  await ana.page.locator('#state[data-state="connected"]').waitFor();
  const path = bigFile('respaldo.tar', 16 * 1024 * 1024); // 2 s at the host's 8 MB/s
  const expected = await sha256OfFile(path);
  await ana.page.locator('#file-input').setInputFiles(path);
  await ana.page.waitForFunction(() => document.querySelector('.messages li.own progress')?.value > 2e6, null, { timeout: 60000 });
  const beforeReload = ana.events.length;
  await ana.page.reload();
  // Its line is back, asking for the file; the same file goes on from the host's offset.
  const pick = ana.page.getByRole('button', { name: 'Choose the file again to continue' });
  await pick.waitFor();
  const [chooser] = await Promise.all([ana.page.waitForEvent('filechooser'), pick.click()]);
  await chooser.setFiles(path);
  const resumed = await waitForEvent(ana.events, (e) => e.type === 'file_accepted'
    && ana.events.indexOf(e) >= beforeReload);
  assert.ok(resumed.offset >= 2e6, `resumed at ${resumed.offset}`);
  const link = bea.page.locator('.messages a.download', { hasText: 'respaldo.tar' });
  await link.waitFor({ timeout: 120000 });
  assert.equal(await sha256OfUrl(await link.evaluate((a) => a.href)), expected);
  await ana.context.close();
  await bea.context.close();
});

test('a file over the limit is refused before sending; a DM file is nobody else\'s', async () => {
  const ana = await member('Yan');
  const bea = await member('Zoe');
  const cid = await member('Cid');
  const path = join(scratch, 'huge.iso');
  const fd = openSync(path, 'w');
  ftruncateSync(fd, LIMIT + 1); // sparse: nothing to write, but one byte too many
  closeSync(fd);
  const before = readdirSync(join(host.dataDir, 'files')).length;
  await ana.page.locator('#file-input').setInputFiles(path);
  await ana.page.locator('#chat-error', { hasText: 'huge.iso is larger than the 250 MB this room takes.' }).waitFor();
  assert.equal(readdirSync(join(host.dataDir, 'files')).length, before);
  assert.equal(ana.events.some((e) => e.type === 'file_accepted'), false); // never offered

  await ana.page.locator('#member-list button', { hasText: 'Zoe' }).click();
  await ana.page.locator('#file-input').setInputFiles({ name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('solo para Zoe') });
  const link = bea.page.locator('.messages a.download', { hasText: 'nota.txt' });
  await link.waitFor({ state: 'attached' });
  const href = await link.evaluate((a) => a.href);
  assert.equal((await bea.page.request.get(href)).status(), 200);
  const asCid = href.replace(/key=[0-9a-f]+/, `key=${cid.key()}`);
  assert.equal((await cid.page.request.get(asCid)).status(), 404);
  assert.equal(await cid.page.locator('.messages .file', { hasText: 'nota.txt' }).count(), 0);
  for (const { context } of [ana, bea, cid]) await context.close();
});

function waitForEvent(events, predicate, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const found = events.find(predicate);
      if (found) resolve(found);
      else if (Date.now() > deadline) reject(new Error('event never came'));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

test('pictures waiting for the host\'s decoder say so, then show', async () => {
  const lea = await member('Lea');
  const max = await member('Max');
  const big = blackPng(7900); // 250 MB of pixels apiece: two are decoded at a time
  await lea.page.locator('#file-input').setInputFiles(['uno', 'dos', 'tres'].map((name) => (
    { name: `${name}.png`, mimeType: 'image/png', buffer: big })));
  await max.page.locator('#file-input').setInputFiles({ name: 'cuatro.png', mimeType: 'image/png', buffer: big });
  const stages = lea.page.locator('.messages .file .stage');
  await lea.page.locator('.messages .file .stage', { hasText: /waiting to be processed|processing the picture/ }).first().waitFor();
  const said = await stages.allTextContents();
  assert.ok(said.some((text) => /waiting to be processed: number \d in line|processing the picture/.test(text)), said.join(' | '));
  assert.ok(lea.events.some((e) => e.type === 'file_progress' && e.stage === 'waiting')
    || max.events.some((e) => e.type === 'file_progress' && e.stage === 'waiting'), 'nobody was told to wait');
  for (const name of ['uno', 'dos', 'tres', 'cuatro']) {
    await max.page.locator(`.messages li .file img[alt="${name}.png"]`).waitFor({ timeout: 60_000 });
  }
  await lea.context.close();
  await max.context.close();
});
