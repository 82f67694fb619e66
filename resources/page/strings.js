// The page's words, in English here and in every other language the window speaks through
// phrases.js, which the build writes from the one phrase table (translations/tools/fill.py).
// A host error reads as its code's one wording (the protocol's table, /protocol.js),
// translated the same way; an unknown code keeps the host's text.
import { CODES } from './protocol.js';
import { PHRASES } from './phrases.js';

const TABLES = {
  en: {
    title: 'Tertulia', notConnected: 'Not connected', joinTitle: 'Join the conversation',
    yourName: 'Your name', roomPassword: 'Room password', join: 'Join', inTheRoom: 'In the room',
    messages: 'Messages', message: 'Message', writeMessage: 'Write a message', send: 'Send',
    connecting: 'Connecting…', reconnecting: 'Connection lost — reconnecting…',
    connectedAs: 'Connected as {0}', chooseName: 'Please choose a name.', joined: '{0} joined',
    left: '{0} left', since: 'since {0}', away: 'away', sentAt: 'Sent at {0}', notSent: 'not sent',
    theRoom: 'Room', conversations: 'Conversations',
    today: 'Today', yesterday: 'Yesterday', host: 'host', hostedBy: "{0}'s room",
    aRoom: 'A Tertulia room', peopleIn: '{0} in the room', lockedNow: 'locked to newcomers now',
    passwordNeeded: 'a password is needed',
    sending: 'sending', sent: 'sent', typingOne: '{0} is typing…', typingMany: '{0} are typing…',
    shareTyping: "Let others see when I'm typing", newMessages: 'New messages ↓',
    writeTo: 'Write privately to {0}', privateTo: 'Private message to {0}',
    findSomeone: 'Find someone', nobodyFound: 'Nobody whose name starts with “{0}”',
    mentionWho: 'People to mention', othersCame: 'Others who came or went: {0}',
    writingTo: 'Writing privately to {0}: only they will see it.', backToRoom: 'Back to the room',
    privatelyTo: 'privately to {0}',
    tryAgain: 'Try again', notInRoom: 'Not in the room',
    overLimit: 'Too long: {0} characters over the room’s limit of {1}.',
    attach: 'Attach a file or a picture', locationRemoved: 'location data removed',
    uploadOf: 'Upload of {0}', cancel: 'Cancel', cancelled: 'cancelled',
    chooseAgain: 'Choose the file again to continue',
    pictureWaiting: 'waiting to be processed: number {0} in line', pictureProcessing: 'processing the picture…',
    fileTooBig: '{0} is larger than the {1} this room takes.', fileEmpty: '{0} is empty.',
  },
};

function pickLanguage(preferred) {
  for (const tag of preferred) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (PHRASES[tag]) return tag;
    const base = tag.split('-')[0];
    if (base === 'pt') return 'pt-BR';
    if (PHRASES[base]) return base;
  }
  return 'en';
}

export const language = pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
const phrases = PHRASES[language] ?? {};

// English in the page's form ({0}) to this language; English when the table has no entry.
function translate(english) {
  const qt = english.replace(/\{(\d)\}/g, (_, i) => `%${Number(i) + 1}`);
  const text = phrases[qt];
  return text === undefined ? english : text.replace(/%(\d)/g, (_, n) => `{${Number(n) - 1}}`);
}

export function t(key, ...args) {
  const english = TABLES.en[key];
  const text = english === undefined ? key : translate(english);
  return text.replace(/\{(\d)\}/g, (_, i) => args[Number(i)]);
}

// A host error in the page's language when its code is known and translated; otherwise the
// host's own words (often more precise), or the code's sentence when the host could say
// nothing (only a close code arrived).
export function errorText(event, fallback = '') {
  const reason = event.reason || fallback;
  const sentence = CODES[event.code]?.sentence;
  if (sentence === undefined) return reason;
  const translated = phrases[sentence];
  return translated ?? (reason || sentence);
}

// Static text in the page: elements name their string in data-i18n (text), data-i18n-placeholder
// data-i18n-label (aria-label) or data-i18n-title (title).
export function translatePage() {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = t(element.dataset.i18nPlaceholder);
  for (const element of document.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  for (const element of document.querySelectorAll('[data-i18n-title]')) element.title = t(element.dataset.i18nTitle);
}
