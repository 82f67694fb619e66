// Tertulia's browser page: joins the room over a WebSocket on the same host and port as the
// page, keeps what you write until the host has stored it, and reconnects by itself.
import { Conversation, formatTime, partnerOf, span } from './conversation.js';
import { formatSize } from './filecard.js';
import { MemberList } from './members.js';
import { MentionPicker } from './mentions.js';
import { Uploads } from './uploads.js';
import { Session, newClientId } from './session.js';
import { errorText, t, translatePage } from './strings.js';
// The host's own protocol: what each code and close code asks of a client, the events it
// sends, the requests it takes (built and checked by REQUEST) and the client's policy.
import { CODES, CLOSES, CLIENT, EVENT, REQUEST } from './protocol.js';

const actionOf = (code) => CODES[code]?.action ?? 'show';

const $ = (id) => document.getElementById(id);
const ui = {
  state: $('state'),
  join: $('join'), joinForm: $('join-form'), nameInput: $('name-input'),
  joinButton: $('join-button'), joinError: $('join-error'),
  passwordRow: $('password-row'), passwordInput: $('password-input'),
  chat: $('chat'), members: $('member-list'), memberCount: $('member-count'),
  memberSearch: $('member-search'), mentionList: $('mention-list'),
  sendForm: $('send-form'), messageInput: $('message-input'),
  sendButton: $('send-button'), chatError: $('chat-error'),
  typing: $('typing'), shareTyping: $('share-typing'),
  recipientBar: $('recipient-bar'), recipientText: $('recipient-text'), toRoom: $('to-room'),
  stopBar: $('stop-bar'), stopText: $('stop-text'), tryAgain: $('try-again'),
  roomSummary: $('room-summary'), hostVersion: $('host-version'), conversations: $('conversations'),
  attachButton: $('attach-button'), fileInput: $('file-input'),
};

const session = new Session();
const conversation = new Conversation($('message-list'));
let socket = null;
let joined = false; // the room accepted our name in this page's life
let lastSeenId = null; // the newest room message this page has seen
let failedAttempts = 0;
let retryTimer = null;
// Messages the host could not store yet (a retry error): sent again after a pause that doubles.
let resendTimer = null;
let resendDelayMs = CLIENT.firstResendMs;
let password = ''; // kept in memory only: never in storage, never in a URL
let refusal = ''; // the action the host's last error asked for: 'ask_name', 'ask_password', 'stop'
let limits = null; // what the host allows, from its welcome
let unread = 0; // messages that arrived while the tab was hidden, shown in its title
const typists = new Map(); // name → when their typing notice goes stale
let lastTypingSent = 0;
let recipient = ''; // writing privately to this member; empty: to the whole room

function showTypists() {
  const now = Date.now();
  for (const [name, until] of typists) if (until <= now) typists.delete(name);
  const names = [...typists.keys()];
  ui.typing.textContent = names.length === 0 ? ''
    : t(names.length === 1 ? 'typingOne' : 'typingMany', names.join(', '));
}

// Same host and port as the page, ws: or wss: to match it: never a hard-coded localhost.
function socketUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

function setState(state, text) {
  ui.state.dataset.state = state;
  ui.state.textContent = text;
}

function send(object) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(object));
}

// Pieces of files: sent only while the socket is open (an upload goes on after reconnecting).
function sendBinary(bytes) {
  if (!socket || socket.readyState !== WebSocket.OPEN) return false;
  socket.send(bytes);
  return true;
}

const uploads = new Uploads({
  send,
  sendBinary,
  onProgress: (clientId, stored, size) => conversation.showUploadProgress(clientId, stored, size),
  onStage: (clientId, stage, ahead) => conversation.showUploadStage(clientId,
    stage === 'waiting' ? t('pictureWaiting', ahead + 1) : t('pictureProcessing')),
});

function see(id) {
  if (id && (lastSeenId === null || id > lastSeenId)) lastSeenId = id;
}

// Direct messages: the composer writes to one member until "back to the room" (or Esc).
// Writing to someone privately opens your conversation with them; the room is the other.
function setRecipient(name) {
  recipient = name;
  ui.recipientBar.hidden = !name;
  ui.recipientText.textContent = name ? t('writingTo', name) : '';
  ui.messageInput.placeholder = name ? t('privateTo', name) : t('writeMessage');
  conversations.set(name, 0); // shown, so read
  conversation.show(name);
  showConversations();
  ui.messageInput.focus();
}

// Conversations: '' is the room, the others are people you wrote to or who wrote to you; each
// counts what arrived while another was shown.
const conversations = new Map([['', 0]]);

function showConversations() {
  ui.conversations.hidden = conversations.size < 2;
  ui.conversations.replaceChildren(...[...conversations].map(([name, unreadCount]) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(name === recipient));
    tab.dataset.with = name;
    tab.textContent = (name || t('theRoom')) + (unreadCount ? ` (${unreadCount})` : '');
    tab.addEventListener('click', () => setRecipient(name));
    return tab;
  }));
}

// A message shown in a conversation: the tab appears, and counts it if another one is shown.
function countInConversation(message, live) {
  const partner = partnerOf(message, session.name);
  if (!conversations.has(partner)) conversations.set(partner, 0);
  if (live && partner !== recipient && message.name !== session.name) {
    conversations.set(partner, conversations.get(partner) + 1);
  }
  showConversations();
}

function chatRequest(entry) {
  return REQUEST.message({
    name: session.name, message: entry.text, clientId: entry.clientId, to: entry.to || undefined,
  });
}

const memberList = new MemberList({
  list: ui.members, scroller: $('member-scroll'), count: ui.memberCount, search: ui.memberSearch, send,
  onChoose: (name) => setRecipient(name),
});
const mentionPicker = new MentionPicker({ input: ui.messageInput, list: ui.mentionList, send });

// A small room's events list everyone; a large one's say how many and name a few.
function showMembersOf(event, count) {
  if (event.members) memberList.showEveryone(event.members);
  else memberList.showRows(count, event.firstMembers ? 0 : -1, event.firstMembers || []);
}

function showChat() {
  ui.join.hidden = true;
  ui.chat.hidden = false;
  ui.joinError.textContent = '';
}

function onWelcome(event) {
  session.name = event.name;
  session.resumeToken = event.resume || session.resumeToken;
  session.save();
  conversation.ownName = event.name;
  joined = true;
  failedAttempts = 0;
  limits = event.limits || null;
  conversation.fileKey = event.fileKey || '';
  ui.attachButton.hidden = !(limits?.fileBytes > 0);
  checkLength();
  localStorage.setItem('tertulia.name', event.name);
  showChat();
  ui.chatError.textContent = '';
  setState('connected', t('connectedAs', event.name));
  memberList.ownName = event.name;
  memberList.pageLimit = limits?.memberPage || 100;
  memberList.forgetWatch();
  showMembersOf(event, event.memberCount ?? (event.members || []).length);
  // Whatever the host has not acknowledged yet goes again; it stores each message once.
  for (const entry of session.outbox) {
    conversation.addPending(entry.clientId, entry.text, entry.to);
    send(chatRequest(entry));
  }
  uploads.offerAll(); // each goes on from what the host has
  if (document.activeElement !== ui.messageInput) ui.messageInput.focus();
}

function onHistory(event) {
  const messages = event.messages || [];
  if (event.before !== undefined) {
    conversation.addOlder(messages, event.hasMore);
    for (const message of messages) countInConversation(message, false);
    return;
  }
  // Missed while away ("after"): new to the reader, counted; the recent page is not.
  const missed = event.after !== undefined;
  for (const message of messages) {
    see(message.id);
    conversation.addMessage(message);
    countInConversation(message, missed);
  }
  if (event.after === undefined) {
    conversation.hasOlder = event.hasMore;
    conversation.fillScreen();
  } else if (event.hasMore && messages.length) {
    send(REQUEST.history({ after: messages[messages.length - 1].id, limit: CLIENT.catchUpPage }));
  }
}

function handle(event) {
  switch (event.type) {
    case EVENT.Welcome:
      onWelcome(event);
      break;
    case EVENT.History:
      onHistory(event);
      break;
    case EVENT.Typing:
      typists.set(event.name, Date.now() + CLIENT.typingShownMs);
      showTypists();
      setTimeout(showTypists, CLIENT.typingShownMs + 50);
      break;
    case EVENT.Message:
      see(event.id);
      typists.delete(event.name);
      showTypists();
      conversation.addMessage(event);
      countInConversation(event, true);
      if (document.visibilityState === 'hidden') {
        unread += 1;
        document.title = `(${unread}) Tertulia`;
      }
      break;
    case EVENT.Ack:
      resendDelayMs = CLIENT.firstResendMs;
      see(event.id);
      session.settle(event.clientId);
      uploads.settle(event.clientId);
      conversation.markSent(event.clientId, event.id, event.time, event.file);
      break;
    case EVENT.FileAccepted:
      uploads.accepted(event);
      break;
    case EVENT.FileProgress:
      uploads.progressed(event);
      break;
    case EVENT.Upload:
      if (event.name !== session.name) conversation.showOthersUpload(event);
      break;
    case EVENT.Presence:
      for (const name of event.joined || []) if (name !== session.name) conversation.addNotice(t('joined', name));
      for (const name of event.left || []) conversation.addNotice(t('left', name));
      if (event.others) conversation.addNotice(t('othersCame', event.others));
      showMembersOf(event, event.count);
      break;
    case EVENT.Members:
      if (event.prefix !== undefined) {
        memberList.found(event.prefix, event.members || []);
        mentionPicker.found(event.prefix, event.members || []);
      } else {
        memberList.showRows(event.total, event.from, event.members || []);
      }
      break;
    case EVENT.Error:
      onError(event);
      break;
    case EVENT.RoomEnded:
      // The host's own sentence, in the host's words.
      stop(EVENT.RoomEnded, event.reason || errorText({ code: EVENT.RoomEnded }));
      break;
  }
}

function onError(event) {
  const action = actionOf(event.code);
  if (action === 'ask_password') {
    ui.passwordRow.hidden = false;
    ui.joinError.textContent = errorText(event);
    refusal = action;
  } else if (action === 'ask_name') {
    ui.joinError.textContent = errorText(event);
    refusal = action;
  } else if (action === 'stop') {
    stop(event.code, errorText(event));
  } else if (event.clientId && action === 'not_sent') {
    session.settle(event.clientId);
    uploads.settle(event.clientId);
    conversation.markFailed(event.clientId, errorText(event));
  } else {
    ui.chatError.textContent = errorText(event); // a retry keeps the message pending
    if (event.clientId && action === 'retry') resendLater();
  }
}

function resendLater() {
  if (resendTimer) return;
  resendTimer = setTimeout(() => {
    resendTimer = null;
    // The host stores each once: what it did store meanwhile is only acknowledged again.
    for (const entry of session.outbox) send(chatRequest(entry));
  }, resendDelayMs);
  resendDelayMs = Math.min(resendDelayMs * 2, CLIENT.maxResendMs);
}

// The host said to stop (removed, room locked or ended, opened elsewhere): say why, keep what
// was not sent visible as not sent, and never come back by ourselves; "Try again" may.
function stop(code, text) {
  if (refusal === 'stop') return;
  refusal = 'stop';
  clearTimeout(retryTimer);
  retryTimer = null;
  for (const entry of session.outbox) conversation.markFailed(entry.clientId, text);
  session.outbox = [];
  for (const clientId of uploads.clientIds()) conversation.markFailed(clientId, text);
  uploads.cancelAll();
  session.save();
  if (code === 'removed' || code === EVENT.RoomEnded) memberList.clear(); // the event's code
  typists.clear();
  showTypists();
  if (ui.chat.hidden) { // never in the room (locked out): said on the join form, which stays
    ui.joinError.textContent = text;
    ui.joinButton.disabled = false;
  }
  ui.stopText.textContent = text;
  ui.stopBar.hidden = false;
  ui.sendButton.disabled = true;
  ui.messageInput.disabled = true;
  conversation.addNotice(text);
  setState('closed', t('notInRoom'));
  if (socket) {
    socket.onclose = null;
    socket.close();
    socket = null;
  }
}

function showJoinForm() {
  // The name or password was refused: let the person choose instead of retrying.
  joined = false;
  session.forget();
  ui.chat.hidden = true;
  ui.join.hidden = false;
  ui.joinButton.disabled = false;
  (ui.passwordRow.hidden ? ui.nameInput : ui.passwordInput).focus();
  setState('closed', t('notConnected'));
}

// Characters as the host counts them (code points, not UTF-16 units), against its limit.
function checkLength() {
  const limit = limits?.message;
  const over = limit ? [...ui.messageInput.value].length - limit : 0;
  ui.chatError.textContent = over > 0 ? t('overLimit', over, limit) : '';
  ui.sendButton.disabled = over > 0 || refusal === 'stop';
  return over <= 0;
}

function connect() {
  clearTimeout(retryTimer);
  retryTimer = null;
  if (socket) {
    socket.onclose = null;
    socket.close();
  }
  setState(joined ? 'reconnecting' : 'connecting', joined ? t('reconnecting') : t('connecting'));
  socket = new WebSocket(socketUrl());
  let opened = false;
  socket.onopen = () => {
    opened = true;
    // resume is always sent, even empty: it asks the host to keep the name through a reload.
    send(REQUEST.join({
      name: session.name,
      resume: session.resumeToken,
      password: password || undefined,
      since: lastSeenId ?? undefined, // exactly what was missed
    }));
  };
  socket.onmessage = (message) => {
    try {
      handle(JSON.parse(message.data));
    } catch (error) {
      console.warn('Unreadable event from the host', error);
    }
  };
  socket.onclose = (close) => {
    socket = null;
    if (refusal === 'stop') return;
    if (refusal === 'ask_name' || refusal === 'ask_password') {
      refusal = '';
      showJoinForm();
      return;
    }
    // No event said why (a host too busy to send it): the close code alone still does.
    const code = CLOSES[close.code];
    const action = actionOf(code);
    if (action === 'stop') {
      stop(code, errorText({ code }, CODES[code].sentence));
    } else if (action === 'ask_name') {
      showJoinForm();
    } else if (!opened) {
      // Refused before any WebSocket: a browser is not told the HTTP status, the page is.
      hostBlocksUs().then((blocked) => {
        if (blocked) stop('blocked', errorText({ code: 'blocked' }, CODES.blocked.sentence));
        else scheduleReconnect();
      });
    } else {
      scheduleReconnect();
    }
  };
}

async function hostBlocksUs() {
  try {
    const response = await fetch(location.pathname, { method: 'HEAD', cache: 'no-store' });
    return response.status === 403;
  } catch {
    return false; // the host is not there at all: keep trying
  }
}

function scheduleReconnect() {
  const exponential = Math.min(CLIENT.maxRetryMs,
    CLIENT.firstRetryMs * 2 ** Math.min(failedAttempts, CLIENT.retryDoublings));
  const delay = exponential / 2 + Math.random() * (exponential / 2);
  failedAttempts += 1;
  setState('reconnecting', t('reconnecting'));
  retryTimer = setTimeout(connect, delay);
}

function reconnectNow() {
  if (refusal === 'stop') return; // the host said to stop: only "Try again" comes back
  if (session.name && joined && (!socket || socket.readyState === WebSocket.CLOSED)) connect();
}

ui.tryAgain.addEventListener('click', () => {
  refusal = '';
  ui.stopBar.hidden = true;
  ui.messageInput.disabled = false;
  ui.sendButton.disabled = false;
  failedAttempts = 0;
  if (!session.name) {
    showJoinForm();
    return;
  }
  connect();
});

ui.joinForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = ui.nameInput.value.trim();
  if (!name) {
    ui.joinError.textContent = t('chooseName');
    return;
  }
  session.name = name;
  session.resumeToken = '';
  session.save();
  password = ui.passwordInput.value;
  failedAttempts = 0;
  refusal = '';
  ui.joinButton.disabled = true;
  ui.joinError.textContent = '';
  connect();
});

ui.sendForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.messageInput.value;
  if (!text.trim() || !session.name || refusal === 'stop' || !checkLength()) return;
  const clientId = newClientId();
  // Into the outbox first: it survives a reload and is resent until the host stores it.
  session.queue(clientId, text, recipient);
  conversation.addPending(clientId, text, recipient);
  send(chatRequest({ clientId, text, to: recipient }));
  ui.messageInput.value = '';
  fitInput();
  ui.chatError.textContent = '';
});

// The message box is as tall as what is in it (up to its max-height, then it scrolls).
function fitInput() {
  ui.messageInput.style.height = 'auto';
  ui.messageInput.style.height = `${ui.messageInput.scrollHeight + 2}px`;
}

ui.toRoom.addEventListener('click', () => setRecipient(''));
ui.messageInput.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && recipient) setRecipient('');
  // Enter sends; Shift+Enter (and Enter while an input method composes) is a new line.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.sendForm.requestSubmit();
  }
});
ui.shareTyping.checked = localStorage.getItem('tertulia.shareTyping') !== 'no';
ui.shareTyping.addEventListener('change', () => {
  localStorage.setItem('tertulia.shareTyping', ui.shareTyping.checked ? 'yes' : 'no');
});
ui.messageInput.addEventListener('input', () => {
  checkLength();
  fitInput();
  const now = Date.now();
  if (!ui.shareTyping.checked || !ui.messageInput.value || now - lastTypingSent < CLIENT.typingEveryMs) return;
  lastTypingSent = now;
  send(REQUEST.typing());
});

// Files: the attach button, a drop onto the conversation, or a paste (a screenshot, say).
function sendFiles(files) {
  if (!session.name || refusal === 'stop') return;
  for (const file of files) {
    if (file.size === 0) {
      ui.chatError.textContent = t('fileEmpty', file.name);
    } else if (!(limits?.fileBytes > 0) || file.size > limits.fileBytes) {
      ui.chatError.textContent = t('fileTooBig', file.name, formatSize(limits?.fileBytes || 0));
    } else {
      const clientId = uploads.add(file, recipient, session.name);
      conversation.addPendingFile(clientId, file.name, file.size, recipient, () => cancelFile(clientId));
    }
  }
}

function cancelFile(clientId) {
  uploads.cancel(clientId);
  conversation.markFailed(clientId, t('cancelled'));
}

ui.attachButton.addEventListener('click', () => ui.fileInput.click());
ui.fileInput.addEventListener('change', () => {
  sendFiles([...ui.fileInput.files]);
  ui.fileInput.value = '';
});
const dropZone = document.querySelector('.conversation');
dropZone.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files') || ui.attachButton.hidden) return;
  event.preventDefault();
  dropZone.classList.add('dropping');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dropping'));
dropZone.addEventListener('drop', (event) => {
  dropZone.classList.remove('dropping');
  if (!event.dataTransfer?.files.length || ui.attachButton.hidden) return;
  event.preventDefault();
  sendFiles([...event.dataTransfer.files]);
});
ui.messageInput.addEventListener('paste', (event) => {
  const files = [...(event.clipboardData?.files || [])];
  if (!files.length || ui.attachButton.hidden) return; // text is pasted as text
  event.preventDefault();
  sendFiles(files);
});

conversation.onOlderWanted = (beforeId) =>
  send(REQUEST.history({ before: beforeId, limit: CLIENT.olderPage }));
// Chromium keeps an open WebSocket looking alive when the network goes away; the browser
// knows better, so drop it and let what is written wait in the outbox.
window.addEventListener('offline', () => {
  if (!socket || refusal === 'stop') return;
  socket.onclose = null;
  socket.close();
  socket = null;
  if (joined) scheduleReconnect();
});
window.addEventListener('online', reconnectNow);
// Whether a reconnection waits on its timer (false once the host said to stop): what a test
// reads instead of waiting to see that nothing comes back; the window's ChatConnection says
// the same through reconnectScheduled().
Object.defineProperty(window, 'reconnectScheduled', { get: () => retryTimer !== null });
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible') return;
  unread = 0;
  document.title = 'Tertulia';
  reconnectNow();
});

// Before joining: whose room this is, how many are in, whether it wants a password (/room,
// which names nobody but the host).
async function showRoomSummary() {
  try {
    const response = await fetch('/room', { cache: 'no-store' });
    if (!response.ok) return;
    const room = await response.json();
    const parts = [room.host ? t('hostedBy', room.host) : t('aRoom'), t('peopleIn', room.members)];
    if (room.locked) parts.push(t('lockedNow'));
    else if (room.password) parts.push(t('passwordNeeded'));
    ui.roomSummary.textContent = parts.join(' · ');
    ui.roomSummary.hidden = false;
    if (room.password) ui.passwordRow.hidden = false;
    if (room.version) {
      ui.hostVersion.textContent = `Tertulia ${room.version}`;
      ui.hostVersion.hidden = false;
    }
  } catch {
    // No summary (an older host, a hiccup): the form works without it.
  }
}

ui.nameInput.value = session.name || localStorage.getItem('tertulia.name') || '';
ui.joinButton.disabled = false;
translatePage();
// Nothing was tried yet: no "Not connected" before the person has done anything.
setState('idle', '');
showRoomSummary();
if (session.name && session.resumeToken) {
  // A reload: take the name back without asking, and show what was still being sent.
  conversation.ownName = session.name;
  showChat();
  for (const entry of session.outbox) conversation.addPending(entry.clientId, entry.text, entry.to);
  joined = true;
  connect();
  // Files that were still going up: shown as they were, and sent on from what the host has.
  uploads.restore(session.name).then((restored) => {
    for (const entry of restored) {
      conversation.addPendingFile(entry.clientId, entry.name, entry.size, entry.to, () => cancelFile(entry.clientId));
      if (!entry.file) conversation.askForFile(entry.clientId, (file) => uploads.supply(entry.clientId, file));
    }
    if (socket?.readyState === WebSocket.OPEN && refusal === '' && conversation.fileKey) uploads.offerAll();
  });
}
