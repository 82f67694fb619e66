// The page's words in English, Spanish and Brazilian Portuguese, picked from the browser's
// language. Host errors are translated by their stable code; unknown codes keep the host's text.
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
    'error.name_taken': 'Someone in this room is already called that. Choose another name.',
    'error.name_invalid': 'Names are 1 to 32 characters, without control characters.',
    'error.password_required': 'This room has a password: type it to join.',
    'error.password_wrong': "That is not the room's password.",
    'error.rate_limited': 'Slow down: your messages are waiting their turn.',
    'error.message_too_long': 'That message is too long.',
    writeTo: 'Write privately to {0}', privateTo: 'Private message to {0}',
    findSomeone: 'Find someone', nobodyFound: 'Nobody whose name starts with “{0}”',
    mentionWho: 'People to mention', othersCame: 'Others who came or went: {0}',
    writingTo: 'Writing privately to {0}: only they will see it.', backToRoom: 'Back to the room',
    privatelyTo: 'privately to {0}',
    'error.no_such_member': 'That person is no longer in the room; the message was not sent.',
    'error.removed': 'The host removed you from the room.',
    'error.room_locked': 'The room is locked: the host lets nobody new in now.',
    'error.blocked': 'The host has blocked this device from the room.',
    'error.room_ended': 'The host ended the room.',
    'error.replaced': 'Opened again elsewhere — this page is no longer connected',
    tryAgain: 'Try again', notInRoom: 'Not in the room',
    overLimit: 'Too long: {0} characters over the room’s limit of {1}.',
    attach: 'Attach a file or a picture', locationRemoved: 'location data removed',
    uploadOf: 'Upload of {0}', cancel: 'Cancel', cancelled: 'cancelled',
    chooseAgain: 'Choose the file again to continue',
    pictureWaiting: 'waiting to be processed: number {0} in line', pictureProcessing: 'processing the picture…',
    fileTooBig: '{0} is larger than the {1} this room takes.', fileEmpty: '{0} is empty.',
    'error.file_too_big': 'That file is larger than this room takes; nothing was stored.',
    'error.disk_full': 'The host’s disk has no room for that file; nothing was stored.',
    'error.upload_unknown': 'That upload is no longer on the host; send the file again.',
    'error.file_damaged': 'The file arrived damaged; nothing was stored. Send it again.',
    'error.picture_unreadable': 'That picture cannot be read, or is too large to show; nothing was stored.',
    'error.too_many_uploads': 'As many files are on their way to the host as it takes at once; wait for one to finish.',
  },
  es: {
    title: 'Tertulia', notConnected: 'Sin conexión', joinTitle: 'Únete a la conversación',
    yourName: 'Tu nombre', roomPassword: 'Contraseña de la sala', join: 'Entrar',
    inTheRoom: 'En la sala', messages: 'Mensajes', message: 'Mensaje',
    writeMessage: 'Escribe un mensaje', send: 'Enviar', connecting: 'Conectando…',
    reconnecting: 'Conexión perdida: reconectando…', connectedAs: 'Conectado como {0}',
    chooseName: 'Elige un nombre.', joined: '{0} se unió', left: '{0} se fue', since: 'desde {0}',
    away: 'ausente', sentAt: 'Enviado a las {0}', notSent: 'no enviado', sending: 'enviando',
    theRoom: 'Sala', conversations: 'Conversaciones',
    today: 'Hoy', yesterday: 'Ayer', host: 'anfitrión', hostedBy: 'La sala de {0}',
    aRoom: 'Una sala de Tertulia', peopleIn: '{0} en la sala', lockedNow: 'cerrada a recién llegados',
    passwordNeeded: 'hace falta contraseña',
    sent: 'enviado', typingOne: '{0} está escribiendo…', typingMany: '{0} están escribiendo…',
    shareTyping: 'Dejar que vean cuándo escribo', newMessages: 'Mensajes nuevos ↓',
    'error.name_taken': 'Alguien en la sala ya se llama así. Elige otro nombre.',
    'error.name_invalid': 'Los nombres tienen de 1 a 32 caracteres, sin caracteres de control.',
    'error.password_required': 'Esta sala tiene contraseña: escríbela para entrar.',
    'error.password_wrong': 'Esa no es la contraseña de la sala.',
    'error.password_throttled': 'Demasiadas contraseñas equivocadas desde tu dirección: espera unos segundos y vuelve a probar.',
    'error.quota_exceeded': 'Tu dirección ha guardado mucho en el historial últimamente: espera un poco antes de enviar más.',
    'error.rate_limited': 'Más despacio: tus mensajes esperan su turno.',
    'error.message_too_long': 'Ese mensaje es demasiado largo.',
    writeTo: 'Escribir en privado a {0}', privateTo: 'Mensaje privado para {0}',
    findSomeone: 'Buscar a alguien', nobodyFound: 'Nadie tiene un nombre que empiece por «{0}»',
    mentionWho: 'Personas a mencionar', othersCame: 'Otras personas que llegaron o se fueron: {0}',
    writingTo: 'Escribes en privado a {0}: solo esa persona lo verá.', backToRoom: 'Volver a la sala',
    privatelyTo: 'en privado para {0}',
    'error.no_such_member': 'Esa persona ya no está en la sala; el mensaje no se envió.',
    'error.removed': 'El anfitrión te sacó de la sala.',
    'error.room_locked': 'La sala está cerrada: el anfitrión no deja entrar a nadie nuevo ahora.',
    'error.blocked': 'El anfitrión bloqueó este dispositivo en la sala.',
    'error.room_ended': 'El anfitrión terminó la sala.',
    'error.replaced': 'Abierta de nuevo en otro sitio: esta página ya no está conectada',
    tryAgain: 'Volver a intentar', notInRoom: 'Fuera de la sala',
    overLimit: 'Demasiado largo: {0} caracteres por encima del límite de la sala ({1}).',
    attach: 'Enviar un archivo o una imagen', locationRemoved: 'sin datos de ubicación',
    uploadOf: 'Subida de {0}', cancel: 'Cancelar', cancelled: 'cancelado',
    chooseAgain: 'Vuelve a elegir el archivo para seguir',
    pictureWaiting: 'esperando a ser procesada: número {0} en la cola', pictureProcessing: 'procesando la imagen…',
    fileTooBig: '{0} es más grande que los {1} que acepta esta sala.', fileEmpty: '{0} está vacío.',
    'error.file_too_big': 'Ese archivo es más grande de lo que acepta esta sala; no se guardó nada.',
    'error.disk_full': 'El disco del anfitrión no tiene sitio para ese archivo; no se guardó nada.',
    'error.upload_unknown': 'Esa subida ya no está en el anfitrión; envía el archivo otra vez.',
    'error.file_damaged': 'El archivo llegó dañado; no se guardó nada. Envíalo otra vez.',
    'error.picture_unreadable': 'Esa imagen no se puede leer o es demasiado grande; no se guardó nada.',
    'error.too_many_uploads': 'Ya van hacia el anfitrión tantos archivos como admite a la vez; espera a que termine uno.',
  },
  'pt-BR': {
    title: 'Tertulia', notConnected: 'Sem conexão', joinTitle: 'Entre na conversa',
    yourName: 'Seu nome', roomPassword: 'Senha da sala', join: 'Entrar', inTheRoom: 'Na sala',
    messages: 'Mensagens', message: 'Mensagem', writeMessage: 'Escreva uma mensagem',
    send: 'Enviar', connecting: 'Conectando…', reconnecting: 'Conexão perdida — reconectando…',
    connectedAs: 'Conectado como {0}', chooseName: 'Escolha um nome.', joined: '{0} entrou',
    left: '{0} saiu', since: 'desde {0}', away: 'ausente', sentAt: 'Enviada às {0}',
    theRoom: 'Sala', conversations: 'Conversas',
    today: 'Hoje', yesterday: 'Ontem', host: 'anfitrião', hostedBy: 'A sala de {0}',
    aRoom: 'Uma sala do Tertulia', peopleIn: '{0} na sala', lockedNow: 'trancada para novos agora',
    passwordNeeded: 'é preciso senha',
    notSent: 'não enviada', sending: 'enviando', sent: 'enviada', typingOne: '{0} está digitando…',
    typingMany: '{0} estão digitando…', shareTyping: 'Deixar que vejam quando digito',
    newMessages: 'Novas mensagens ↓',
    'error.name_taken': 'Alguém na sala já usa esse nome. Escolha outro.',
    'error.name_invalid': 'Nomes têm de 1 a 32 caracteres, sem caracteres de controle.',
    'error.password_required': 'Esta sala tem senha: digite-a para entrar.',
    'error.password_wrong': 'Essa não é a senha da sala.',
    'error.password_throttled': 'Senhas erradas demais do seu endereço: espere alguns segundos e tente de novo.',
    'error.quota_exceeded': 'Seu endereço guardou muito no histórico ultimamente: espere um pouco antes de enviar mais.',
    'error.rate_limited': 'Mais devagar: suas mensagens esperam a vez.',
    'error.message_too_long': 'Essa mensagem é longa demais.',
    writeTo: 'Escrever em particular para {0}', privateTo: 'Mensagem particular para {0}',
    findSomeone: 'Procurar alguém', nobodyFound: 'Ninguém tem um nome que comece com “{0}”',
    mentionWho: 'Pessoas para mencionar', othersCame: 'Outras pessoas que chegaram ou saíram: {0}',
    writingTo: 'Escrevendo em particular para {0}: só essa pessoa verá.', backToRoom: 'Voltar para a sala',
    privatelyTo: 'em particular para {0}',
    'error.no_such_member': 'Essa pessoa não está mais na sala; a mensagem não foi enviada.',
    'error.removed': 'O anfitrião tirou você da sala.',
    'error.room_locked': 'A sala está trancada: o anfitrião não deixa ninguém novo entrar agora.',
    'error.blocked': 'O anfitrião bloqueou este dispositivo na sala.',
    'error.room_ended': 'O anfitrião encerrou a sala.',
    'error.replaced': 'Aberta de novo em outro lugar — esta página não está mais conectada',
    tryAgain: 'Tentar de novo', notInRoom: 'Fora da sala',
    overLimit: 'Longa demais: {0} caracteres acima do limite da sala ({1}).',
    attach: 'Enviar um arquivo ou uma imagem', locationRemoved: 'sem dados de localização',
    uploadOf: 'Envio de {0}', cancel: 'Cancelar', cancelled: 'cancelado',
    chooseAgain: 'Escolha o arquivo de novo para continuar',
    pictureWaiting: 'aguardando processamento: número {0} na fila', pictureProcessing: 'processando a imagem…',
    fileTooBig: '{0} é maior que os {1} que esta sala aceita.', fileEmpty: '{0} está vazio.',
    'error.file_too_big': 'Esse arquivo é maior do que esta sala aceita; nada foi guardado.',
    'error.disk_full': 'O disco do anfitrião não tem espaço para esse arquivo; nada foi guardado.',
    'error.upload_unknown': 'Esse envio não está mais no anfitrião; envie o arquivo de novo.',
    'error.file_damaged': 'O arquivo chegou danificado; nada foi guardado. Envie de novo.',
    'error.picture_unreadable': 'Essa imagem não pode ser lida ou é grande demais; nada foi guardado.',
    'error.too_many_uploads': 'Já estão a caminho do anfitrião tantos arquivos quanto ele aceita de uma vez; espere um terminar.',
  },
};

function pickLanguage(preferred) {
  for (const tag of preferred) {
    if (TABLES[tag]) return tag;
    const base = tag.split('-')[0];
    if (base === 'pt') return 'pt-BR';
    if (TABLES[base]) return base;
  }
  return 'en';
}

export const language = pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
const table = TABLES[language];

export function t(key, ...args) {
  const text = table[key] ?? TABLES.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => args[Number(i)]);
}

// A host error in the page's language when its code is known; the host's sentence otherwise,
// and the protocol table's when the host could say nothing (only a close code arrived).
export function errorText(event, fallback = '') {
  const key = `error.${event.code}`;
  const reason = event.reason || fallback;
  return table[key] ?? (language === 'en' && reason ? reason : TABLES.en[key] ?? reason);
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
