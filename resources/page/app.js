// Tertulia's browser page: joins the room over a WebSocket on the same host and port as the
// page, renders everything as text, and reconnects by itself.
'use strict';

(() => {
  const FIRST_RETRY_MS = 500;
  const MAX_RETRY_MS = 15000;
  const NAME_REFUSED_CODES = new Set([4001, 4002]);

  const $ = (id) => document.getElementById(id);
  const ui = {
    state: $('state'),
    join: $('join'), joinForm: $('join-form'), nameInput: $('name-input'),
    joinButton: $('join-button'), joinError: $('join-error'),
    chat: $('chat'), members: $('member-list'), memberCount: $('member-count'),
    messages: $('message-list'), sendForm: $('send-form'), messageInput: $('message-input'),
    sendButton: $('send-button'), chatError: $('chat-error'),
  };

  let socket = null;
  let myName = '';
  let joined = false;      // the room accepted our name at least once
  let failedAttempts = 0;
  let retryTimer = null;
  const pending = new Map(); // clientId → <li> shown as "sending"

  // Same host and port as the page, ws: or wss: to match it: never a hard-coded localhost.
  function socketUrl() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}/ws`;
  }

  // crypto.randomUUID needs a secure context, which a plain-HTTP LAN page is not.
  function newClientId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function setState(state, text) {
    ui.state.dataset.state = state;
    ui.state.textContent = text;
    ui.sendButton.disabled = state !== 'connected';
  }

  function formatTime(iso) {
    const date = iso ? new Date(iso) : new Date();
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function isNearBottom() {
    const list = ui.messages;
    return list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  }

  function append(item, force) {
    const stick = force || isNearBottom();
    ui.messages.append(item);
    if (stick) ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function span(className, text) {
    const element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    return element;
  }

  function showMessage(name, text, time, own) {
    const item = document.createElement('li');
    item.append(span('time', formatTime(time)), span('author', name), span('text', text));
    if (own) item.classList.add('own');
    append(item, own);
    return item;
  }

  function showNotice(text) {
    const item = document.createElement('li');
    item.className = 'notice';
    item.textContent = text;
    append(item, false);
  }

  function showMembers(members) {
    ui.members.replaceChildren(...members.map((member) => {
      const item = document.createElement('li');
      item.textContent = member.name;
      if (member.name === myName) item.classList.add('you');
      item.append(' ', span('since', `since ${formatTime(member.since)}`));
      return item;
    }));
    ui.memberCount.textContent = `(${members.length})`;
  }

  function handle(event) {
    switch (event.type) {
      case 'welcome':
        myName = event.name;
        joined = true;
        failedAttempts = 0;
        localStorage.setItem('tertulia.name', myName);
        ui.join.hidden = true;
        ui.chat.hidden = false;
        ui.joinError.textContent = '';
        ui.chatError.textContent = '';
        setState('connected', `Connected as ${myName}`);
        showMembers(event.members || []);
        ui.messageInput.focus();
        break;
      case 'message':
        showMessage(event.name, event.message, event.time, false);
        break;
      case 'ack': {
        const item = pending.get(event.clientId);
        if (item) {
          pending.delete(event.clientId);
          item.classList.remove('sending');
          item.querySelector('.status').textContent = '✓';
          item.title = `Sent at ${formatTime(event.time)}`;
        }
        break;
      }
      case 'presence':
        for (const name of event.joined || []) if (name !== myName) showNotice(`${name} joined`);
        for (const name of event.left || []) showNotice(`${name} left`);
        showMembers(event.members || []);
        break;
      case 'error':
        if (event.code === 'name_taken' || event.code === 'name_invalid') {
          ui.joinError.textContent = event.reason;
        } else {
          ui.chatError.textContent = event.reason;
        }
        break;
    }
  }

  function connect() {
    clearTimeout(retryTimer);
    if (socket) socket.onclose = null, socket.close();
    setState(joined ? 'reconnecting' : 'connecting', joined ? 'Reconnecting…' : 'Connecting…');
    socket = new WebSocket(socketUrl());
    socket.onopen = () => socket.send(JSON.stringify({ type: 'join', name: myName }));
    socket.onmessage = (message) => {
      try {
        handle(JSON.parse(message.data));
      } catch (error) {
        console.warn('Unreadable event from the host', error);
      }
    };
    socket.onclose = (close) => {
      socket = null;
      if (NAME_REFUSED_CODES.has(close.code)) {
        // The name was refused: let the person pick another instead of retrying.
        joined = false;
        ui.chat.hidden = true;
        ui.join.hidden = false;
        ui.joinButton.disabled = false;
        ui.nameInput.focus();
        setState('closed', 'Not connected');
        return;
      }
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    const exponential = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(failedAttempts, 5));
    const delay = exponential / 2 + Math.random() * (exponential / 2);
    failedAttempts += 1;
    setState('reconnecting', 'Connection lost — reconnecting…');
    retryTimer = setTimeout(connect, delay);
  }

  function reconnectNow() {
    if (myName && (!socket || socket.readyState === WebSocket.CLOSED)) connect();
  }

  ui.joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = ui.nameInput.value.trim();
    if (!name) {
      ui.joinError.textContent = 'Please choose a name.';
      return;
    }
    myName = name;
    failedAttempts = 0;
    ui.joinButton.disabled = true;
    ui.joinError.textContent = '';
    connect();
  });

  ui.sendForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.messageInput.value;
    if (!text.trim() || !socket || socket.readyState !== WebSocket.OPEN) return;
    const clientId = newClientId();
    socket.send(JSON.stringify({ type: 'message', name: myName, message: text, clientId }));
    const item = showMessage(myName, text, null, true);
    item.classList.add('sending');
    item.append(span('status', '…'));
    pending.set(clientId, item);
    ui.messageInput.value = '';
    ui.chatError.textContent = '';
  });

  window.addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reconnectNow();
  });

  ui.nameInput.value = localStorage.getItem('tertulia.name') || '';
  ui.joinButton.disabled = false;
  setState('idle', 'Not connected');
})();
