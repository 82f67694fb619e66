// @mentions in the message box: typing "@be" asks the host for members whose name starts
// with "be" (a search, so it works in a room of any size) and offers them under the box;
// ↑/↓ choose, Enter or Tab writes "@Name ", Esc closes. Mirrors the window's MentionCompleter.
import { CLIENT, REQUEST } from './protocol.js';

const ASK_DELAY_MS = 60;

export class MentionPicker {
  // input: the textarea; list: the <ul> of suggestions; send(request): to the host.
  constructor({ input, list, send }) {
    this.input = input;
    this.list = list;
    this.send = send;
    this.query = null; // the prefix asked for, while a "@word" is being typed
    this.names = [];
    this.chosen = 0;
    this.timer = null;
    input.addEventListener('input', () => this.update());
    input.addEventListener('click', () => this.update());
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    // Before the composer's own keys: Enter picks a name instead of sending.
    input.addEventListener('keydown', (event) => this.onKey(event), { capture: true });
  }

  isOpen() {
    return !this.list.hidden;
  }

  // The "@word" that ends just before the caret, if any.
  wordAtCaret() {
    const before = this.input.value.slice(0, this.input.selectionStart);
    const match = /(^|[^\p{L}\p{N}_])@([^\s@]{1,32})$/u.exec(before);
    return match ? { prefix: match[2], start: before.length - match[2].length - 1 } : null;
  }

  update() {
    const word = this.wordAtCaret();
    if (!word) {
      this.close();
      return;
    }
    if (word.prefix === this.query) return;
    this.query = word.prefix;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(REQUEST.members({ prefix: word.prefix, count: CLIENT.mentionChoices })),
      ASK_DELAY_MS);
  }

  // A search's answer: offered if it is still what is being typed.
  found(prefix, members) {
    if (prefix !== this.query) return;
    this.names = members.map((member) => member.name);
    this.chosen = 0;
    if (!this.names.length) {
      this.list.hidden = true;
      return;
    }
    this.draw();
    this.list.hidden = false;
  }

  draw() {
    this.list.replaceChildren(...this.names.map((name, index) => {
      const item = document.createElement('li');
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(index === this.chosen));
      item.textContent = name;
      // mousedown, not click: the box keeps the focus and the caret.
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        this.pick(name);
      });
      return item;
    }));
  }

  onKey(event) {
    if (!this.isOpen()) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.chosen = (this.chosen + step + this.names.length) % this.names.length;
      this.draw();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      this.pick(this.names[this.chosen]);
    } else if (event.key === 'Escape') {
      this.close();
    } else {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  pick(name) {
    const word = this.wordAtCaret();
    if (!word) return;
    const value = this.input.value;
    const caret = this.input.selectionStart;
    this.input.value = `${value.slice(0, word.start)}@${name} ${value.slice(caret)}`;
    const after = word.start + name.length + 2;
    this.input.setSelectionRange(after, after);
    this.close();
    this.input.dispatchEvent(new Event('input'));
  }

  close() {
    clearTimeout(this.timer);
    this.query = null;
    this.list.hidden = true;
    this.list.replaceChildren();
  }
}
