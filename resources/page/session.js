// What this tab remembers across reloads (sessionStorage, so each tab is its own member):
// the name, the resume token that reclaims it, and the outbox of unacknowledged messages.
const KEY = 'tertulia.session';

export class Session {
  constructor() {
    let saved = {};
    try {
      saved = JSON.parse(sessionStorage.getItem(KEY) || '{}');
    } catch {
      saved = {};
    }
    this.name = saved.name || '';
    this.resumeToken = saved.resumeToken || '';
    this.outbox = Array.isArray(saved.outbox) ? saved.outbox : []; // [{clientId, text, to}]
  }

  save() {
    sessionStorage.setItem(KEY, JSON.stringify({
      name: this.name, resumeToken: this.resumeToken, outbox: this.outbox,
    }));
  }

  queue(clientId, text, to) {
    this.outbox.push(to ? { clientId, text, to } : { clientId, text });
    this.save();
  }

  settle(clientId) {
    const before = this.outbox.length;
    this.outbox = this.outbox.filter((entry) => entry.clientId !== clientId);
    if (this.outbox.length !== before) this.save();
  }

  forget() {
    this.name = '';
    this.resumeToken = '';
    this.save();
  }
}

// crypto.randomUUID needs a secure context, which a plain-HTTP LAN page is not.
export function newClientId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
