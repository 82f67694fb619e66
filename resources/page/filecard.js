// How a file shows in the conversation: a picture as its thumbnail (which opens it full size),
// anything else as a download link with its size; an upload going on as a progress bar.
// Names are set as text, never as HTML; links carry this member's file key.
import { t } from './strings.js';

export function formatSize(bytes) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function fileLink(path, key) {
  return `${path}?key=${encodeURIComponent(key)}`;
}

export function fileBody(file, key) {
  const body = document.createElement('span');
  body.className = 'file';
  if (file.thumb) {
    const link = document.createElement('a');
    link.className = 'picture';
    link.href = fileLink(file.url, key);
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    const image = document.createElement('img');
    image.src = fileLink(file.thumb, key);
    image.alt = file.name;
    image.loading = 'lazy';
    // The thumbnail's shape is known before it loads: the list does not jump when it does.
    const scale = Math.min(1, 480 / Math.max(file.width, file.height, 1));
    image.width = Math.max(1, Math.round(file.width * scale));
    image.height = Math.max(1, Math.round(file.height * scale));
    link.append(image);
    const note = document.createElement('span');
    note.className = 'file-note';
    note.textContent = `${file.name} · ${formatSize(file.size)} · ${t('locationRemoved')}`;
    body.append(link, note);
    return body;
  }
  const link = document.createElement('a');
  link.className = 'download';
  link.href = fileLink(file.url, key);
  link.download = file.name;
  link.textContent = `📎 ${file.name}`;
  const size = document.createElement('span');
  size.className = 'file-note';
  size.textContent = formatSize(file.size);
  body.append(link, ' ', size);
  return body;
}

// An upload as it goes: the name, a progress bar, and (for your own) a way to stop it.
export function uploadBody(name, size, onCancel) {
  const body = document.createElement('span');
  body.className = 'file uploading';
  const label = document.createElement('span');
  label.className = 'file-name';
  label.textContent = `📎 ${name} · ${formatSize(size)}`;
  const bar = document.createElement('progress');
  bar.max = size;
  bar.value = 0;
  bar.setAttribute('aria-label', t('uploadOf', name));
  body.append(label, bar);
  if (onCancel) {
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'cancel';
    cancel.textContent = t('cancel');
    cancel.addEventListener('click', onCancel);
    body.append(cancel);
  }
  return body;
}

export function showProgress(body, stored, size) {
  const bar = body?.querySelector('progress');
  if (!bar) return;
  bar.max = size;
  bar.value = stored;
  bar.title = `${Math.floor((100 * stored) / size)}%`;
}
