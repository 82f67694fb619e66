// The member list beside the conversation. A small room sends everyone and the list shows
// them all; a large one sends a count, and the list asks the host for the rows in view (a
// watched range, kept up to date by the host) and draws only those: 3 000 members cost the
// page a screenful of rows. Mirrors the window's MemberListModel and MemberPane.
import { formatTime, span } from './conversation.js';
import { CLIENT, REQUEST } from './protocol.js';
import { t } from './strings.js';

const OVERSCAN = 20; // rows asked for above and below what is in view
const WATCH_DELAY_MS = 80; // a scroll asks once it pauses, not for every pixel

export class MemberList {
  // list: the <ul>, in `scroller`; count: where "(N)" goes; search: the find field;
  // send(request): to the host; onChoose(name): a member's button was pressed.
  constructor({ list, scroller, count, search, send, onChoose }) {
    this.list = list;
    this.scroller = scroller;
    this.count = count;
    this.search = search;
    this.send = send;
    this.onChoose = onChoose;
    this.ownName = '';
    this.pageLimit = 100; // rows the host sends at once at most (its welcome's limits)
    this.everyone = null; // a small room's whole list; null in a large one
    this.total = 0;
    this.rows = new Map(); // a large room's rows as last watched: index → member
    this.watched = null; // [from, count] asked of the host
    this.watchTimer = null;
    this.query = ''; // the search shown instead of the list, if any
    this.rowHeight = 0;
    scroller.addEventListener('scroll', () => requestAnimationFrame(() => this.draw()));
    new ResizeObserver(() => this.draw()).observe(scroller);
    search.addEventListener('input', () => this.find(search.value.trim()));
  }

  // A small room: everyone, oldest first.
  showEveryone(members) {
    this.everyone = members;
    this.total = members.length;
    this.rows.clear();
    this.watched = null;
    this.draw();
  }

  // A large room: the count, and rows of its list from `from` (none: only the count changed).
  showRows(total, from, members) {
    const grew = this.everyone !== null;
    this.everyone = null;
    this.total = total;
    if (from >= 0) {
      this.rows.clear();
      members.forEach((member, i) => this.rows.set(from + i, member));
    }
    if (grew) this.watched = null; // watch what is in view
    this.draw();
  }

  clear() {
    this.showEveryone([]);
  }

  // After a reconnection the host knows nothing of what this page watched.
  forgetWatch() {
    this.watched = null;
  }

  find(query) {
    this.query = query;
    if (query) this.send(REQUEST.members({ prefix: query, count: CLIENT.memberSearch }));
    else this.draw();
  }

  // A search's answer: shown if it is still what the field says.
  found(prefix, members) {
    if (prefix !== this.query) return;
    this.unpage();
    this.list.replaceChildren(...members.map((member) => this.item(member)));
    if (!members.length) this.list.append(this.notice(t('nobodyFound', prefix)));
    this.count.textContent = `(${this.total})`;
  }

  draw() {
    this.count.textContent = `(${this.total})`;
    if (this.query) return; // the search's answer stays until the field is cleared
    if (this.everyone) {
      // Few enough to draw whole: on a phone they wrap into a strip.
      this.unpage();
      this.replaceKeepingFocus(this.everyone.map((member) => this.item(member)));
      return;
    }
    this.list.classList.add('paged');
    const rowHeight = this.measureRow();
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / rowHeight));
    const shown = Math.ceil(this.scroller.clientHeight / rowHeight) + 1;
    const last = Math.min(this.total, first + shown);
    // Rows out of view are padding, so the scroll bar is as long as the whole list.
    this.list.style.paddingTop = `${first * rowHeight}px`;
    this.list.style.paddingBottom = `${Math.max(0, this.total - last) * rowHeight}px`;
    const items = [];
    for (let index = first; index < last; index += 1) {
      const member = this.rows.get(index);
      items.push(member ? this.item(member) : this.notice('…'));
    }
    this.replaceKeepingFocus(items);
    this.watchAround(first, last);
  }

  // Drawn whole (a small room, a search's answer): no rows stand in padding.
  unpage() {
    this.list.classList.remove('paged');
    this.list.style.paddingTop = this.list.style.paddingBottom = '';
  }

  watchAround(first, last) {
    const [from, count] = this.watched ?? [0, 0];
    if (this.watched && first >= from && Math.min(last, this.total) <= from + count) return;
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => {
      const start = Math.max(0, first - OVERSCAN);
      const wanted = Math.min(this.pageLimit, last - first + 2 * OVERSCAN);
      this.watched = [start, wanted];
      this.send(REQUEST.members({ from: start, count: wanted }));
    }, this.watched ? WATCH_DELAY_MS : 0);
  }

  measureRow() {
    if (!this.rowHeight) {
      const probe = this.notice('…');
      this.list.append(probe);
      this.rowHeight = probe.getBoundingClientRect().height || 28;
      probe.remove();
    }
    return this.rowHeight;
  }

  // Redrawn often: a member's button that had the focus keeps it, so a keyboard user choosing
  // whom to write to is not thrown out when someone joins.
  replaceKeepingFocus(items) {
    const focused = this.list.contains(document.activeElement)
      ? document.activeElement.dataset.name : undefined;
    this.list.replaceChildren(...items);
    if (focused) this.list.querySelector(`button[data-name="${CSS.escape(focused)}"]`)?.focus();
  }

  notice(text) {
    const item = document.createElement('li');
    item.className = 'placeholder';
    item.textContent = text;
    return item;
  }

  item(member) {
    const item = document.createElement('li');
    if (member.name === this.ownName) {
      item.textContent = member.name;
      item.classList.add('you');
    } else {
      // A real button: reachable with Tab, works with Enter, no hover needed on a phone.
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'member';
      button.textContent = member.name;
      button.dataset.name = member.name;
      button.title = t('writeTo', member.name);
      button.addEventListener('click', () => this.onChoose(member.name));
      item.append(button);
    }
    if (member.host) item.append(' ', span('host', t('host')));
    if (member.away) item.classList.add('away');
    item.append(' ', span('since', member.away ? t('away') : t('since', formatTime(member.since))));
    return item;
  }
}
