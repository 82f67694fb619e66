// The browser page in Debian's headless Chromium, loaded from a second address of this
// machine (127.0.0.2), chatting with the native client against a real tertulia-server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, newDataDir, startHost, startProbe } from './processes.mjs';

const artifacts = process.env.TERTULIA_ARTIFACTS || 'artifacts';
mkdirSync(artifacts, { recursive: true });

let host;
let browser;

before(async () => {
  host = await startHost();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  assert.equal(await host?.stop(), 0);
});

// The page as a person sees it from another machine: not localhost, the LAN-style address.
function pageUrl() {
  return `http://127.0.0.2:${host.port}/`;
}

async function openAndJoin(name, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.goto(pageUrl());
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('#state[data-state="connected"]').waitFor();
  return { context, page, dialogs };
}

test('page and native client chat both ways', async () => {
  const probe = startProbe(`http://127.0.0.1:${host.port}/`, 'Nativo');
  try {
    await probe.waitFor((event) => event.event === 'joined');
    const { context, page } = await openAndJoin('Bea');
    await page.locator('#member-list li', { hasText: 'Nativo' }).waitFor();

    probe.send('hola desde Qt ✨');
    await page.locator('#message-list li', { hasText: 'hola desde Qt ✨' }).waitFor();
    assert.match(await page.locator('#message-list li').last().innerText(), /Nativo/);

    await page.getByRole('textbox', { name: 'Message' }).fill('olá desde Chromium 🎉');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    const received = await probe.waitFor((event) => event.event === 'message');
    assert.equal(received.name, 'Bea');
    assert.equal(received.text, 'olá desde Chromium 🎉');
    // Acknowledged by the host: the page marks it sent.
    await page.locator('#message-list li.own:not(.sending)', { hasText: 'olá desde Chromium' }).waitFor();

    await page.screenshot({ path: join(artifacts, 'page-desktop.png') });
    await context.close();
    // A closed tab may be a reload: Bea is away, her name kept for her, not announced as gone.
    await probe.waitFor((event) => event.event === 'members'
      && event.members.some((member) => member.name === 'Bea' && member.away));
  } finally {
    await probe.stop();
  }
});

test('names and messages are shown as text, never as HTML', async () => {
  const attack = '<img src=x onerror=alert(1)>';
  const viewer = await openAndJoin('Viewer');
  const attacker = await openAndJoin(attack);
  await attacker.page.getByRole('textbox', { name: 'Message' }).fill(attack);
  await attacker.page.getByRole('button', { name: 'Send' }).click();

  const item = viewer.page.locator('#message-list li:not(.notice)').last();
  await item.waitFor();
  await viewer.page.locator('#message-list li:not(.notice) .text', { hasText: attack }).waitFor();
  assert.equal(await item.locator('.author').innerText(), attack);
  assert.equal(await viewer.page.locator('#message-list img, #member-list img').count(), 0);
  await viewer.page.locator('#member-list li', { hasText: attack }).waitFor();
  assert.deepEqual(viewer.dialogs, []);
  assert.deepEqual(attacker.dialogs, []);
  await viewer.context.close();
  await attacker.context.close();
});

test('a taken name is explained and another can be chosen', async () => {
  const first = await openAndJoin('Carmen');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pageUrl());
  await page.getByLabel('Your name').fill('CARMEN');
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('#join-error', { hasText: 'already called' }).waitFor();
  assert.equal(await page.locator('#chat').isHidden(), true);

  await page.getByLabel('Your name').fill('Carmen 2');
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('#state[data-state="connected"]').waitFor();
  await first.page.locator('#member-list li', { hasText: 'Carmen 2' }).waitFor();
  await context.close();
  await first.context.close();
});

test('works on a phone-sized screen', async () => {
  const phone = await openAndJoin('Teléfono', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const other = await openAndJoin('Escritorio');
  await other.page.getByRole('textbox', { name: 'Message' }).fill('¿me ves en el móvil?');
  await other.page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await phone.page.locator('#message-list li', { hasText: '¿me ves en el móvil?' }).waitFor();
  const send = phone.page.getByRole('button', { name: 'Send' });
  const box = await send.boundingBox();
  assert.ok(box && box.x + box.width <= 360, 'the Send button fits on screen');
  assert.equal(await phone.page.getByRole('textbox', { name: 'Message' }).getAttribute('enterkeyhint'), 'send');
  await phone.page.getByRole('textbox', { name: 'Message' }).fill('sí');
  await send.tap();
  await other.page.locator('#message-list li', { hasText: 'sí' }).waitFor();
  await phone.page.screenshot({ path: join(artifacts, 'page-phone.png') });
  await phone.context.close();
  await other.context.close();
});

test('the page reconnects by itself when the host comes back', async () => {
  const ownHost = await startHost();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.2:${ownHost.port}/`);
  await page.getByLabel('Your name').fill('Resiliente');
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('#state[data-state="connected"]').waitFor();

  assert.equal(await ownHost.stop('SIGHUP'), 0); // a restart, not the end of the room
  await page.locator('#state[data-state="reconnecting"]').waitFor();
  assert.match(await page.locator('#state').innerText(), /reconnecting/i);

  const restarted = await startHost(ownHost.port, ownHost.dataDir);
  try {
    await page.locator('#state[data-state="connected"]').waitFor({ timeout: 20000 });
    await page.locator('#member-list li', { hasText: 'Resiliente' }).waitFor();
  } finally {
    await context.close();
    await restarted.stop();
  }
});

test('over HTTPS the page opens a wss: socket by itself', async () => {
  const dir = newDataDir();
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=tertulia-test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
  { stdio: 'ignore' });
  const tlsHost = await startHost(0, dir, ['--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem')]);
  const pages = [];
  try {
    for (const name of ['Segura', 'Cifrada']) {
      // A self-signed certificate: the visitor accepts it once, as a browser would ask.
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const sockets = [];
      page.on('websocket', (socket) => sockets.push(socket.url()));
      await page.goto(`https://127.0.0.2:${tlsHost.port}/`);
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.locator('#state[data-state="connected"]').waitFor();
      assert.match(sockets[0], /^wss:\/\/127\.0\.0\.2:\d+\/ws$/);
      pages.push({ context, page });
    }
    await pages[0].page.getByRole('textbox', { name: 'Message' }).fill('por TLS');
    await pages[0].page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await pages[1].page.locator('#message-list li', { hasText: 'por TLS' }).waitFor();
  } finally {
    for (const { context } of pages) await context.close();
    await tlsHost.stop();
  }
});

test('a room with a password asks for it, refuses a wrong one and admits the right one', async () => {
  const privateHost = await startHost(0, newDataDir(), ['--password', 'sésamo']);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const sockets = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto(`http://127.0.0.2:${privateHost.port}/`);
    // Said before anything is tried (from /room), with the field ready; no "Not connected".
    await page.locator('#room-summary', { hasText: 'a password is needed' }).waitFor();
    assert.match(await page.locator('#room-summary').innerText(), /0 in the room/);
    // The host's version, as its --version says it, at the foot of the join card.
    const version = execFileSync(process.env.TERTULIA_SERVER, ['--version'], { encoding: 'utf8' })
      .trim().split(' ').pop();
    assert.equal(await page.locator('#host-version').innerText(), `Tertulia ${version}`);
    assert.equal(await page.getByLabel('Room password').isVisible(), true);
    assert.equal(await page.locator('#state').innerText(), '');
    await page.getByLabel('Your name').fill('Bea');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.locator('#join-error', { hasText: 'has a password' }).waitFor();
    await page.getByLabel('Room password').fill('sesamo');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.locator('#join-error', { hasText: "not the room's password" }).waitFor();
    // Straight after a wrong guess the address must wait a second (PasswordThrottle), and is
    // told so in words; then the right password gets in.
    await page.getByLabel('Room password').fill('sésamo');
    await page.getByRole('button', { name: 'Join' }).click();
    const throttled = page.locator('#join-error', { hasText: 'Too many wrong passwords' });
    const connected = page.locator('#state[data-state="connected"]');
    await throttled.or(connected).waitFor();
    if (await throttled.isVisible()) {
      await page.waitForTimeout(1100);
      await page.getByRole('button', { name: 'Join' }).click();
    }
    await connected.waitFor();
    // Never in a URL: not in the socket's, not in the page's.
    assert.ok(sockets.length > 0 && sockets.every((url) => !url.includes('samo')), 'no password in socket URLs');
    assert.ok(!page.url().includes('samo'));
  } finally {
    await context.close();
    await privateHost.stop();
  }
});

test('links open safely, mentions stand out, and a hidden tab counts unread messages', async () => {
  const ana = await openAndJoin('Ana');
  const bea = await openAndJoin('Bea Links');
  try {
    // Pretend the tab went to the background (headless tabs are always "visible").
    await ana.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    });
    const input = bea.page.getByRole('textbox', { name: 'Message' });
    await input.fill('@Ana mira https://example.com/x?a=1, y javascript:alert(1)');
    await input.press('Enter');
    const item = ana.page.locator('#message-list li', { hasText: 'mira' });
    await item.waitFor();
    assert.equal(await item.getAttribute('class'), 'mention');
    const links = item.locator('a');
    assert.equal(await links.count(), 1);
    // The comma ends the sentence, not the link (textlinks.cpp in the window, the same rule).
    assert.equal(await links.first().getAttribute('href'), 'https://example.com/x?a=1');
    assert.equal(await links.first().innerText(), 'https://example.com/x?a=1');
    assert.match(await item.innerText(), /x\?a=1, y javascript/);
    assert.equal(await links.first().getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await links.first().getAttribute('target'), '_blank');
    assert.equal(await ana.page.title(), '(1) Tertulia');
    await ana.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    assert.equal(await ana.page.title(), 'Tertulia');
    assert.deepEqual(ana.dialogs, []);
  } finally {
    await ana.context.close();
    await bea.context.close();
  }
});

// The words come from the one phrase table the window's .ts files are filled from
// (translations/tools/fill.py): the page's button says what the window's does.
test('the page speaks Spanish and Brazilian Portuguese when the browser does', async () => {
  for (const [locale, yourName, join, connected, taken] of [
    ['es-ES', 'Tu nombre', 'Unirse', 'Conectado como', 'ya se llama así'],
    ['pt-BR', 'Seu nome', 'Entrar', 'Conectado como', 'já usa esse nome'],
  ]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(pageUrl());
    assert.equal(await page.locator('html').getAttribute('lang'), locale.startsWith('pt') ? 'pt-BR' : 'es');
    await page.getByLabel(yourName).fill(`Idioma ${locale}`);
    await page.getByRole('button', { name: join }).click();
    await page.locator('#state', { hasText: connected }).waitFor();
    const second = await context.newPage();
    await second.goto(pageUrl());
    await second.getByLabel(yourName).fill(`Idioma ${locale}`);
    await second.getByRole('button', { name: join }).click();
    await second.locator('#join-error', { hasText: taken }).waitFor();
    await context.close();
  }
});

test('screenshots at phone and desktop sizes, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const [size, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1000, height: 640 }]]) {
      const room = await startHost();
      const probe = startProbe(`http://127.0.0.1:${room.port}/`, 'Ana');
      try {
        await probe.waitFor((event) => event.event === 'joined');
        probe.send('¡Bienvenida! The link is on the share panel: https://example.org');
        await probe.waitFor((event) => event.event === 'ack');
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await page.goto(`http://127.0.0.2:${room.port}/`);
        await page.getByLabel('Your name').fill('Bea');
        await page.getByRole('button', { name: 'Join' }).click();
        await page.locator('#state[data-state="connected"]').waitFor();
        await page.getByRole('textbox', { name: 'Message' }).fill('Olá @Ana! Joined from my phone 📱');
        // WCAG AA: at least 4.5:1 between the Send button's text and its background.
        const contrast = await page.locator('#send-button').evaluate((button) => {
          const channels = (color) => color.match(/[\d.]+/g).slice(0, 3).map(Number);
          const luminance = (color) => {
            const [r, g, b] = channels(color).map((v) => {
              const c = v / 255;
              return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const style = getComputedStyle(button);
          const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)]
            .sort((a, b) => b - a);
          return (light + 0.05) / (dark + 0.05);
        });
        assert.ok(contrast >= 4.5, `Send button contrast in ${colorScheme}: ${contrast.toFixed(2)}`);
        await page.getByRole('textbox', { name: 'Message' }).press('Enter');
        await page.locator('#message-list li.own:not(.sending)').waitFor();
        probe.send('@Bea great, welcome 🎉');
        await page.locator('#message-list li.mention').waitFor();
        await page.screenshot({ path: join(artifacts, `page-${size}-${colorScheme}.png`) });
        await context.close();
      } finally {
        await probe.stop();
        await room.stop();
      }
    }
  }
});

test('typing shows up for the others and goes away, unless you choose not to share it', async () => {
  const ana = await openAndJoin('Ana Typing');
  const bea = await openAndJoin('Bea Typing');
  try {
    const input = bea.page.getByRole('textbox', { name: 'Message' });
    await input.pressSequentially('escribiendo algo', { delay: 20 });
    await ana.page.locator('#typing', { hasText: 'Bea Typing is typing…' }).waitFor();
    await input.press('Enter');
    await ana.page.locator('#message-list li', { hasText: 'escribiendo algo' }).waitFor();
    assert.equal(await ana.page.locator('#typing').innerText(), '');

    // Not shared: Ana never sees it, all the way to the message itself.
    await bea.page.getByLabel("Let others see when I'm typing").uncheck();
    await ana.page.evaluate(() => {
      window.sawTyping = false;
      new MutationObserver(() => {
        if (document.getElementById('typing').textContent) window.sawTyping = true;
      }).observe(document.getElementById('typing'), { childList: true, characterData: true, subtree: true });
    });
    await bea.page.waitForTimeout(2100); // past the typing throttle, so a notice could be sent
    await input.pressSequentially('en secreto', { delay: 20 });
    await input.press('Enter');
    await ana.page.locator('#message-list li', { hasText: 'en secreto' }).waitFor();
    assert.equal(await ana.page.evaluate(() => window.sawTyping), false);
  } finally {
    await ana.context.close();
    await bea.context.close();
  }
});

test('a direct message reaches only its recipient, live and in history', async () => {
  const ana = await openAndJoin('Ana Directa');
  const bea = await openAndJoin('Bea Directa');
  const caro = await openAndJoin('Caro Directa');
  try {
    // Keyboard only on Ana's side: Tab to Bea's name in the member list, Enter, type, Enter.
    const beaButton = ana.page.getByRole('button', { name: 'Bea Directa' });
    await beaButton.focus();
    // Someone joining redraws the member list; the focus stays on Bea's name.
    const passerby = await openAndJoin('Paso Directa');
    await ana.page.locator('#member-list', { hasText: 'Paso Directa' }).waitFor();
    assert.equal(await ana.page.evaluate(() => document.activeElement.textContent), 'Bea Directa');
    await passerby.context.close();
    await beaButton.press('Enter');
    await ana.page.locator('#recipient-bar', { hasText: 'Writing privately to Bea Directa' }).waitFor();
    const input = ana.page.getByRole('textbox', { name: 'Message' });
    assert.equal(await input.evaluate((element) => element === document.activeElement), true);
    await input.fill('solo para Bea 🤫');
    await input.press('Enter');

    // It opens a conversation of its own on Bea's side, counted until she looks at it.
    const tab = bea.page.getByRole('tab', { name: 'Ana Directa (1)' });
    await tab.waitFor();
    const received = bea.page.locator('#message-list li.direct', { hasText: 'solo para Bea 🤫' });
    assert.equal(await received.isVisible(), false); // the room is shown, not the conversation
    await tab.click();
    await received.waitFor();
    assert.match(await received.innerText(), /privately to Bea Directa/);
    assert.equal(await bea.page.getByRole('tab', { name: 'Room' }).getAttribute('aria-selected'), 'false');
    // Replying needs nothing more: the composer writes to Ana now.
    await bea.page.locator('#recipient-bar', { hasText: 'Writing privately to Ana Directa' }).waitFor();
    await bea.page.getByRole('tab', { name: 'Room' }).click();
    await ana.page.locator('#message-list li.direct.own:not(.sending)', { hasText: 'solo para Bea' }).waitFor();

    // Esc: back to the room. Caro gets the room's message, and never the private one.
    await input.press('Escape');
    assert.equal(await ana.page.locator('#recipient-bar').isHidden(), true);
    await input.fill('para todos');
    await input.press('Enter');
    await caro.page.locator('#message-list li', { hasText: 'para todos' }).waitFor();
    await bea.page.locator('#message-list li', { hasText: 'para todos' }).waitFor();
    assert.equal(await caro.page.locator('#message-list li', { hasText: 'solo para Bea' }).count(), 0);

    // Replayed like room messages, to its parties only, in its own conversation.
    await bea.page.reload();
    await bea.page.getByRole('tab', { name: 'Ana Directa' }).click();
    await bea.page.locator('#message-list li.direct', { hasText: 'solo para Bea 🤫' }).waitFor();
    const dani = await openAndJoin('Dani Directa');
    await dani.page.locator('#message-list li', { hasText: 'para todos' }).waitFor();
    assert.equal(await dani.page.locator('#message-list li', { hasText: 'solo para Bea' }).count(), 0);
    await bea.page.screenshot({ path: join(artifacts, 'page-direct-message.png') });
    await dani.context.close();
  } finally {
    await ana.context.close();
    await bea.context.close();
    await caro.context.close();
  }
});

test("in a large room the member list follows the host's changes", async () => {
  // 55 members opened from another page: over 50, the host sends the count, and the rows the
  // page shows when it asks for them.
  // Its own room: more connections from one address than the default allows.
  const room = await startHost(0, newDataDir(), ['--max-per-address', '200']);
  const roomUrl = `http://127.0.0.2:${room.port}/`;
  const socketUrl = `ws://127.0.0.2:${room.port}/ws`;
  const crowdContext = await browser.newContext();
  const crowdPage = await crowdContext.newPage();
  const viewerContext = await browser.newContext();
  try {
    await crowdPage.goto(roomUrl);
    await crowdPage.evaluate(async (url) => {
      window.crowd = await Promise.all(Array.from({ length: 55 }, (_, i) => new Promise((resolve, reject) => {
        const socket = new WebSocket(`${url}?name=Multitud${i}`);
        socket.onmessage = () => resolve(socket);
        socket.onclose = () => reject(new Error(`Multitud${i} was refused`));
      })));
    }, socketUrl);
    const page = await viewerContext.newPage();
    await page.goto(roomUrl);
    await page.getByLabel('Your name').fill('Mirona');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.locator('#member-count', { hasText: '(56)' }).waitFor();

    await crowdPage.evaluate(() => { window.crowd[4].close(); window.crowd[9].close(); });
    await page.locator('#member-count', { hasText: '(54)' }).waitFor();
    assert.equal(await page.locator('#member-list li', { hasText: /^Multitud4\b/ }).count(), 0);
    await crowdPage.evaluate((url) => { window.late = new WebSocket(`${url}?name=Tardía`); }, socketUrl);
    await page.locator('#member-count', { hasText: '(55)' }).waitFor();
    // Last by name: further down than the page shows, until it scrolls there.
    await page.locator('#member-scroll').evaluate((scroller) => { scroller.scrollTop = scroller.scrollHeight; });
    await page.locator('#member-list li', { hasText: 'Tardía' }).waitFor();
  } finally {
    await viewerContext.close();
    await crowdContext.close();
    await room.stop();
  }
});

test('Shift+Enter writes a second line, Enter sends both as one message', async () => {
  const probe = startProbe(`http://127.0.0.1:${host.port}/`, 'Lector');
  const writer = await openAndJoin('Poeta');
  try {
    await probe.waitFor((event) => event.event === 'joined');
    const input = writer.page.getByRole('textbox', { name: 'Message' });
    const oneLine = (await input.boundingBox()).height;
    await input.type('primera línea');
    await input.press('Shift+Enter');
    await input.type('segunda línea');
    assert.ok((await input.boundingBox()).height > oneLine, 'the box grows with its lines');
    await input.press('Enter');
    const received = await probe.waitFor((event) => event.event === 'message');
    assert.equal(received.text, 'primera línea\nsegunda línea');
    const own = writer.page.locator('#message-list li.own .text', { hasText: 'segunda' });
    assert.equal(await own.innerText(), 'primera línea\nsegunda línea');
    assert.equal(await input.inputValue(), '');
    assert.ok(Math.abs((await input.boundingBox()).height - oneLine) < 1.5, 'back to one line');
  } finally {
    await writer.context.close();
    await probe.stop();
  }
});
