// The message list: each room message once (by id), your own messages as sending / sent /
// failed, notices, and older pages inserted above without moving what the reader sees.
// Everything people wrote is set as text, never parsed as HTML.
import { fileBody, showProgress, uploadBody } from './filecard.js';
import { language, t } from './strings.js';

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

const LINK = /https?:\/\/[^\s<>"']+/g;

// How much of a raw match is the link: punctuation that ends the sentence is not ("see
// https://h/x, then"), a closing bracket only when the link opened it. textlinks.cpp, the
// window's, applies the same rule.
function linkLength(raw) {
  let end = raw.length;
  const count = (char) => [...raw.slice(0, end)].filter((c) => c === char).length;
  while (end > 0) {
    const last = raw[end - 1];
    const unbalanced = [['(', ')'], ['[', ']'], ['{', '}']]
      .some(([open, close]) => last === close && count(open) < count(close));
    if ('.,;:!?…'.includes(last) || unbalanced) end -= 1;
    else break;
  }
  return end;
}

// The text as nodes: plain text stays text; http(s) links become links that open in a new tab
// without giving the opened page any handle on this one.
function linkified(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0].slice(0, linkLength(match[0]));
    let href = null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    nodes.push(document.createTextNode(text.slice(last, match.index)));
    const link = document.createElement('a');
    link.href = href;
    link.textContent = raw;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    nodes.push(link);
    last = match.index + raw.length;
  }
  nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

function mentions(text, name) {
  if (!name) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}_])@${escaped}($|[^\\p{L}\\p{N}_])`, 'iu').test(text);
}

function formatTime(iso) {
  const date = iso ? new Date(iso) : new Date();
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

// The local day a message belongs to, as a sortable key ("2026-12-02").
function dayOf(iso) {
  const date = iso ? new Date(iso) : new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// "Today", "Yesterday", or the date in the page's language (with the year if not this one).
function dayLabel(day) {
  const [year, month, date] = day.split('-').map(Number);
  const then = new Date(year, month - 1, date);
  const today = new Date();
  const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const daysAgo = Math.round((midnight - then) / 86400000);
  if (daysAgo === 0) return t('today');
  if (daysAgo === 1) return t('yesterday');
  const options = { weekday: 'long', day: 'numeric', month: 'long' };
  if (year !== today.getFullYear()) options.year = 'numeric';
  return then.toLocaleDateString(language, options);
}

function daySeparator(day) {
  const item = document.createElement('li');
  item.className = 'day';
  item.dataset.separates = day;
  item.setAttribute('role', 'separator');
  item.textContent = dayLabel(day);
  return item;
}

// The conversation a message belongs to, as `reader` sees it: the other party of a direct
// message, '' for the room's (ChatMessage::partnerFor in the window).
function partnerOf(message, reader) {
  if (!message.to) return '';
  return message.name === reader ? message.to : message.name;
}

export class Conversation {
  constructor(list) {
    this.list = list;
    this.ownName = '';
    this.fileKey = ''; // this member's, from the welcome: file links carry it
    this.shownIds = new Set();
    this.othersUploads = new Map(); // upload id → <li> of someone's upload as it goes
    this.pending = new Map(); // clientId → <li>
    this.oldestId = null;
    this.hasOlder = false;
    this.olderRequested = false;
    this.onOlderWanted = () => {};
    // Someone reading back is not pulled down; a button says new messages arrived below.
    this.marker = document.getElementById('new-messages');
    this.marker.addEventListener('click', () => {
      list.scrollTop = list.scrollHeight;
      this.marker.hidden = true;
    });
    list.addEventListener('scroll', () => {
      if (this.isNearBottom()) this.marker.hidden = true;
      if (list.scrollTop < 40 && this.hasOlder && !this.olderRequested && this.oldestId) {
        this.olderRequested = true;
        this.onOlderWanted(this.oldestId);
      }
    });
  }

  // Which conversation is shown: the room (''), or the direct messages with one person.
  show(view) {
    this.view = view;
    for (const item of this.list.children) {
      if (!item.classList.contains('day')) item.hidden = this.outOfView(item);
    }
    // A day's name only where that day has something in this conversation.
    for (const separator of this.list.querySelectorAll('li.day')) {
      let next = separator.nextElementSibling;
      let any = false;
      while (next && !next.classList.contains('day')) {
        any = any || (!next.hidden && !next.classList.contains('notice'));
        next = next.nextElementSibling;
      }
      separator.hidden = !any;
    }
    this.list.scrollTop = this.list.scrollHeight;
    this.marker.hidden = true;
  }

  outOfView(item) {
    if (item.classList.contains('day')) return false;
    return (item.dataset.with ?? '') !== (this.view ?? '');
  }

  isNearBottom() {
    const list = this.list;
    return list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  }

  append(item, force) {
    const stick = force || this.isNearBottom();
    // A new day begins with its name above its first message.
    if (item.dataset.day && item.dataset.day !== this.lastDay) {
      this.list.append(daySeparator(item.dataset.day));
      this.lastDay = item.dataset.day;
    }
    item.hidden = this.outOfView(item);
    this.list.append(item);
    if (stick) this.list.scrollTop = this.list.scrollHeight;
    else if (!item.classList.contains('notice')) this.marker.hidden = false;
  }

  // message: {name, message, time, to}; `to` marks a direct message between two members.
  makeItem(message) {
    const own = message.name === this.ownName;
    const item = document.createElement('li');
    item.dataset.day = dayOf(message.time);
    // The conversation it belongs to: the room (''), or the other person of a direct message.
    item.dataset.with = partnerOf(message, this.ownName);
    const body = document.createElement('span');
    body.className = 'text';
    if (message.file) body.append(fileBody(message.file, this.fileKey));
    else body.append(...linkified(message.message));
    item.append(span('time', formatTime(message.time)), span('author', message.name));
    if (message.to) {
      item.classList.add('direct');
      item.dataset.to = message.to;
      item.append(span('private', t('privatelyTo', message.to)));
    }
    item.append(body);
    if (own) {
      // From the room's history (after a reload, say): stored, so sent — as it was before.
      item.classList.add('own');
      const status = span('status', '✓');
      status.setAttribute('aria-label', t('sent'));
      item.append(status);
    } else if (mentions(message.message, this.ownName)) {
      item.classList.add('mention');
    }
    return item;
  }

  remember(message) {
    this.shownIds.add(message.id);
    if (this.oldestId === null || message.id < this.oldestId) this.oldestId = message.id;
  }

  // A live message, or one from the recent / missed history: appended once.
  addMessage(message) {
    if (this.shownIds.has(message.id)) return;
    this.remember(message);
    if (message.clientId && this.pending.has(message.clientId)) {
      this.markSent(message.clientId, message.id, message.time, message.file);
      return;
    }
    const item = this.makeItem(message);
    item.dataset.id = message.id;
    this.append(item, false);
  }

  addOlder(messages, hasMore) {
    this.olderRequested = false;
    this.hasOlder = hasMore;
    const list = this.list;
    const fromBottom = list.scrollHeight - list.scrollTop;
    const fresh = messages.filter((message) => !this.shownIds.has(message.id));
    const items = fresh.map((message) => {
      this.remember(message);
      const item = this.makeItem(message);
      item.dataset.id = message.id;
      item.hidden = this.outOfView(item);
      return item;
    });
    // Older days get their names; the day the list began with keeps its name on top of them.
    const withDays = [];
    for (const item of items) {
      const previous = withDays.findLast((entry) => entry.dataset.day);
      if (!previous || previous.dataset.day !== item.dataset.day) withDays.push(daySeparator(item.dataset.day));
      withDays.push(item);
    }
    const lastOlder = items[items.length - 1];
    for (const child of Array.from(list.children)) { // up to the first message (notices first?)
      if (child.classList.contains('day') && child.dataset.separates === lastOlder?.dataset.day) child.remove();
      if (child.dataset.day) break;
    }
    if (!this.lastDay && lastOlder) this.lastDay = lastOlder.dataset.day;
    list.prepend(...withDays);
    // Keep the reader's place: the same distance from the bottom as before.
    list.scrollTop = list.scrollHeight - fromBottom;
    this.fillScreen();
  }

  // Older messages are loaded by scrolling up, which a list shorter than the screen cannot
  // do: it asks for them by itself until the screen is full or nothing older is left.
  fillScreen() {
    const list = this.list;
    if (this.hasOlder && !this.olderRequested && this.oldestId
        && list.scrollHeight <= list.clientHeight) {
      this.olderRequested = true;
      this.onOlderWanted(this.oldestId);
    }
  }

  addPending(clientId, text, to) {
    if (this.pending.has(clientId)) return;
    const item = this.makeItem({ name: this.ownName, message: text, time: null, to });
    item.classList.add('sending');
    const status = item.querySelector('.status');
    status.textContent = '…';
    status.setAttribute('aria-label', t('sending'));
    this.pending.set(clientId, item);
    this.append(item, true);
  }

  // One of your files as it uploads: its name, a progress bar and a way to stop it.
  addPendingFile(clientId, name, size, to, onCancel) {
    if (this.pending.has(clientId)) return;
    const item = this.makeItem({ name: this.ownName, message: '', time: null, to });
    item.classList.add('sending');
    item.querySelector('.text').replaceChildren(uploadBody(name, size, onCancel));
    const status = item.querySelector('.status');
    status.textContent = '…';
    status.setAttribute('aria-label', t('sending'));
    this.pending.set(clientId, item);
    this.append(item, true);
  }

  showUploadProgress(clientId, stored, size) {
    showProgress(this.pending.get(clientId)?.querySelector('.file'), stored, size);
  }

  showUploadStage(clientId, text) {
    const body = this.pending.get(clientId)?.querySelector('.file');
    if (!body) return;
    let stage = body.querySelector('.stage');
    if (!stage) {
      stage = document.createElement('span');
      stage.className = 'stage';
      stage.setAttribute('role', 'status');
      body.append(stage);
    }
    stage.textContent = text;
  }

  // After a reload the browser could not keep the file itself: the person picks it again.
  askForFile(clientId, onPick) {
    const body = this.pending.get(clientId)?.querySelector('.file');
    if (!body || body.querySelector('.pick')) return;
    const pick = document.createElement('button');
    pick.type = 'button';
    pick.className = 'pick';
    pick.textContent = t('chooseAgain');
    pick.addEventListener('click', () => {
      const input = document.createElement('input');
      input.type = 'file';
      input.addEventListener('change', () => {
        if (input.files[0] && onPick(input.files[0])) pick.remove();
      });
      input.click();
    });
    body.append(pick);
  }

  // Someone else's upload as it goes; gone once it ended (its message follows).
  showOthersUpload(event) {
    let item = this.othersUploads.get(event.upload);
    if (event.ended) {
      item?.remove();
      this.othersUploads.delete(event.upload);
      return;
    }
    if (!item) {
      item = this.makeItem({ name: event.name, message: '', time: null, to: event.to });
      item.classList.add('uploading');
      item.querySelector('.text').replaceChildren(uploadBody(event.file, event.size, null));
      this.othersUploads.set(event.upload, item);
      this.append(item, false);
    }
    showProgress(item.querySelector('.file'), event.received, event.size);
  }

  markSent(clientId, id, time, file) {
    const item = this.pending.get(clientId);
    if (!item) return;
    if (file) item.querySelector('.text').replaceChildren(fileBody(file, this.fileKey));
    this.pending.delete(clientId);
    if (id) this.shownIds.add(id);
    item.dataset.id = id;
    item.classList.remove('sending');
    const status = item.querySelector('.status');
    status.textContent = '✓';
    status.setAttribute('aria-label', t('sent'));
    item.title = t('sentAt', formatTime(time));
  }

  markFailed(clientId, reason) {
    const item = this.pending.get(clientId);
    if (!item) return;
    this.pending.delete(clientId);
    item.classList.remove('sending');
    item.classList.add('failed');
    const status = item.querySelector('.status');
    status.textContent = t('notSent');
    status.setAttribute('aria-label', t('notSent'));
    item.title = reason;
  }

  addNotice(text) {
    const item = document.createElement('li');
    item.className = 'notice';
    item.textContent = text;
    this.append(item, false);
  }
}

export { formatTime, mentions, partnerOf, span };
