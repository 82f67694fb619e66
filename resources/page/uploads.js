// Files sent from this page: offered to the host, then sent in binary frames at most the
// host's window ahead of what it acknowledged. Each file is kept (the File itself, in
// IndexedDB) until the host has stored it, so a reload or a dropped connection goes on from
// the bytes the host has, never from zero. docs/PROTOCOL.md, "Files".
import { REQUEST } from './protocol.js';
import { newClientId } from './session.js';

const DB_NAME = 'tertulia';
const STORE = 'uploads';

function database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function stored(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => { db.close(); resolve(request?.result); };
    transaction.onerror = () => { db.close(); reject(transaction.error); };
  });
}

// 16 bytes of upload id, the offset as 8 bytes big-endian, then the bytes (FileChunk).
function chunkFrame(uploadId, offset, bytes) {
  const frame = new Uint8Array(24 + bytes.byteLength);
  for (let i = 0; i < 16; i += 1) frame[i] = parseInt(uploadId.slice(2 * i, 2 * i + 2), 16);
  new DataView(frame.buffer).setBigUint64(16, BigInt(offset));
  frame.set(new Uint8Array(bytes), 24);
  return frame;
}

export class Uploads {
  // send(object): a JSON request, if connected; sendBinary(bytes); onProgress(clientId,
  // stored, size).
  constructor({ send, sendBinary, onProgress, onStage }) {
    this.send = send;
    this.sendBinary = sendBinary;
    this.onProgress = onProgress;
    this.onStage = onStage;
    this.entries = new Map(); // clientId → { clientId, owner, name, size, to, upload, file, ... }
  }

  // Files this member was still sending when the page went away, oldest first.
  async restore(owner) {
    let saved = [];
    try {
      saved = await stored('readonly', (store) => store.getAll());
    } catch {
      return []; // no IndexedDB (a private window, say): nothing to go on with
    }
    for (const entry of saved.filter((e) => e.owner === owner)) this.entries.set(entry.clientId, entry);
    return [...this.entries.values()];
  }

  async keep(entry) {
    const { clientId, owner, name, size, to, upload, file, lastModified } = entry;
    try {
      await stored('readwrite', (store) => store.put({ clientId, owner, name, size, to, upload, file, lastModified }));
    } catch {
      // The browser would not keep the file itself (its storage is full): keep the rest, and
      // a reload asks for the file again.
      try {
        await stored('readwrite', (store) => store.put({ clientId, owner, name, size, to, upload, lastModified }));
      } catch { /* nothing kept: a reload starts it again */ }
    }
  }

  add(file, to, owner) {
    const entry = {
      clientId: newClientId(), owner, name: file.name || 'file', size: file.size, to, file,
      lastModified: file.lastModified, upload: '',
    };
    this.entries.set(entry.clientId, entry);
    this.keep(entry);
    this.offer(entry);
    return entry.clientId;
  }

  // A file chosen again after a reload that could not keep it: the same name and size go on.
  supply(clientId, file) {
    const entry = this.entries.get(clientId);
    if (!entry || file.name !== entry.name || file.size !== entry.size) return false;
    entry.file = file;
    this.offer(entry);
    return true;
  }

  offer(entry) {
    if (!entry.file) return;
    this.send(REQUEST.fileOffer({
      file: entry.name,
      size: entry.size,
      clientId: entry.clientId,
      to: entry.to || undefined,
      upload: entry.upload || undefined,
    }));
  }

  offerAll() {
    for (const entry of this.entries.values()) {
      entry.window = 0; // nothing is in flight on a new connection
      this.offer(entry);
    }
  }

  accepted(event) {
    // The answer to an offer (by client id), or the host saying where to go on from.
    const entry = event.clientId ? this.entries.get(event.clientId)
      : [...this.entries.values()].find((e) => e.upload === event.upload);
    if (!entry) return;
    if (entry.upload !== event.upload) {
      entry.upload = event.upload;
      this.keep(entry);
    }
    entry.sent = event.offset;
    entry.stored = event.offset;
    entry.chunk = event.chunkBytes;
    entry.window = event.window;
    this.onProgress(entry.clientId, entry.stored, entry.size);
    this.pump(entry);
  }

  progressed(event) {
    const entry = [...this.entries.values()].find((e) => e.upload === event.upload);
    if (!entry || event.received < entry.stored) return;
    if (event.stage) { // all bytes in: the host's decoder has a line
      this.onStage?.(entry.clientId, event.stage, event.ahead || 0);
      return;
    }
    entry.stored = event.received;
    this.onProgress(entry.clientId, entry.stored, entry.size);
    this.pump(entry);
  }

  async pump(entry) {
    if (entry.pumping) return;
    entry.pumping = true;
    try {
      while (this.entries.has(entry.clientId) && entry.window && entry.sent < entry.size
             && entry.sent - entry.stored < entry.window * entry.chunk) {
        const from = entry.sent;
        const bytes = await entry.file.slice(from, Math.min(entry.size, from + entry.chunk)).arrayBuffer();
        if (!entry.window || entry.sent !== from) break; // reconnected, or told to go back meanwhile
        if (!this.sendBinary(chunkFrame(entry.upload, from, bytes))) break;
        entry.sent = from + bytes.byteLength;
      }
    } catch {
      // The file cannot be read any more (removed from the disk): the host never gets the
      // rest, and the upload ends with its grace.
    } finally {
      entry.pumping = false;
    }
  }

  clientIds() {
    return [...this.entries.keys()];
  }

  // Stored as a message, refused, or given up: forgotten here.
  settle(clientId) {
    if (!this.entries.delete(clientId)) return;
    stored('readwrite', (store) => store.delete(clientId)).catch(() => {});
  }

  cancel(clientId) {
    const entry = this.entries.get(clientId);
    if (entry?.upload) this.send(REQUEST.fileCancel({ upload: entry.upload }));
    this.settle(clientId);
  }

  cancelAll() {
    for (const clientId of [...this.entries.keys()]) this.settle(clientId);
  }
}
