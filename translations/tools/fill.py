"""Fills the .ts files from the phrase tables below (run after `update_translations`).
Kept beside the .ts files so translations are reviewed as text, not inside XML."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PHRASES = {
    "es": {
        "waiting to be processed: number %1 in line": "esperando a ser procesada: número %1 en la cola",
        "processing the picture…": "procesando la imagen…",
        "Cannot store messages together": "No se pueden guardar los mensajes juntos",
        "Cannot store the messages": "No se pueden guardar los mensajes",
        "Your files on their way would pass %1 MB together; wait for one to finish.":
            "Tus archivos en camino pasarían de %1 MB juntos; espera a que termine uno.",
        "The host is receiving as much as it takes at once; wait a little and send it again.":
            "El anfitrión ya recibe todo lo que admite a la vez; espera un poco y vuelve a enviarlo.",
        "Encrypted (HTTPS)": "Cifrada (HTTPS)",
        "Conversations": "Conversaciones",
        "Room": "Sala",
        "Only you and %1 see this conversation": "Solo tú y %1 veis esta conversación",
        "1 character over the room's limit": "1 carácter por encima del límite de la sala",
        "%1 characters over the room's limit": "%1 caracteres por encima del límite de la sala",
        "you": "tú",
        "host": "anfitrión",
        "away": "ausente",
        "Opened on 1 device": "Abierta en 1 dispositivo",
        "Opened on %1 devices": "Abierta en %1 dispositivos",
        "In the room: %1": "En la sala: %1",
        "Today": "Hoy",
        "Yesterday": "Ayer",
        "Write a message and press Enter (Shift+Enter: new line)":
            "Escribe un mensaje y pulsa Intro (Mayús+Intro: nueva línea)",
        "Nobody has written anything yet. Say hello!": "Nadie ha escrito nada todavía. ¡Saluda!",
        "Invite…": "Invitar…",
        "Every address of the room, with a QR code for phones":
            "Todas las direcciones de la sala, con un código QR para móviles",
        "Nobody else is here yet. Share the address above — Invite… shows every address, with a QR code for phones.":
            "Todavía no hay nadie más. Comparte la dirección de arriba; Invitar… muestra todas, con un código QR para móviles.",
        "Locked": "Cerrada",
        "Password required": "Con contraseña",
        "Open in a browser to join:": "Para entrar, abre en un navegador:",
        "Open link": "Abrir el enlace",
        "Copy link address": "Copiar la dirección del enlace",
        "Choose another name…": "Elegir otro nombre…",
        "Type the password…": "Escribir la contraseña…",
        "The room could not start": "La sala no pudo empezar",
        "Another program, or another Tertulia, is using that port.":
            "Otro programa, u otro Tertulia, está usando ese puerto.",
        "Use any free port": "Usar cualquier puerto libre",
        "This computer does not have that address (any more).":
            "Este equipo no tiene esa dirección (o ya no la tiene).",
        "Listen on every address": "Escuchar en todas las direcciones",
        "Cannot reach %1 — retrying…": "No se puede llegar a %1; reintentando…",
        "Cannot reach %1 (%2) — retrying…": "No se puede llegar a %1 (%2); reintentando…",
        "%1 is not an address of this computer. Leave --bind out to listen on all of them, or use one of: %2.":
            "%1 no es una dirección de este equipo. Quita --bind para escuchar en todas, o usa una de: %2.",
        "See %1 --help.": "Consulta %1 --help.",
        "Unknown language \"%1\": use one of %2.": "Idioma desconocido «%1»: usa uno de %2.",
        "The host has blocked this device from the room.": "El anfitrión bloqueó este dispositivo en la sala.",
        "Why you are not in the room": "Por qué no estás en la sala",
        "Try again": "Intentar de nuevo",
        "%n character(s) over the room's limit": ["%n carácter por encima del límite de la sala",
                                                   "%n caracteres por encima del límite de la sala"],
        "The host removed you from the room.": "El anfitrión te sacó de la sala.",
        "The room is locked: the host lets nobody new in now.":
            "La sala está cerrada: el anfitrión no deja entrar a nadie nuevo ahora.",
        "You opened this room again elsewhere; this window is no longer in it.":
            "Abriste esta sala en otro sitio; esta ventana ya no está en ella.",
        "The host ended the room.": "El anfitrión terminó la sala.",
        "%1 (%2)": "%1 (%2)",
        "Not in the room": "Fuera de la sala",
        "Also log each join and leave and the native client's states (the tertulia.* logging categories at debug level).":
            "Registrar también cada entrada y salida y los estados del cliente nativo (las categorías de registro tertulia.* a nivel debug).",
        "Cannot read the room password in %1: %2": "No se puede leer la contraseña de la sala en %1: %2",
        "The room password in %1 is damaged: set it again, or delete the file to open the room to everyone.":
            "La contraseña de la sala en %1 está dañada: ponla de nuevo, o borra el archivo para abrir la sala a todos.",
        "Cannot remove the room password file %1": "No se puede borrar el archivo de contraseña de la sala %1",
        "Cannot save the room password in %1: %2": "No se puede guardar la contraseña de la sala en %1: %2",
        "Remove the room password": "Quitar la contraseña de la sala",
        "Blocked devices": "Dispositivos bloqueados",
        "Change the room password…": "Cambiar la contraseña de la sala…",
        "Set a room password…": "Poner una contraseña a la sala…",
        "Let %1 in again": "Dejar entrar de nuevo a %1",
        "Remove %1 and block their device": "Sacar a %1 y bloquear su dispositivo",
        "People who join from now on must give this password; it stays set when the room restarts.\nLeave it empty to let anyone on the network join.":
            "Quien entre a partir de ahora tendrá que dar esta contraseña; se mantiene cuando la sala se reinicia.\nDéjala vacía para que cualquiera en la red pueda entrar.",
        "Language of the interface: en, es or pt_BR (default: the system's).":
            "Idioma de la interfaz: en, es o pt_BR (por omisión: el del sistema).",
        "LANG": "IDIOMA",
        "&Room": "&Sala",
        "Lock the room to newcomers": "Cerrar la sala a recién llegados",
        "Remove %1 from the room": "Sacar a %1 de la sala",
        "Wrong room password from %1 (%2 in a row)":
            "Contraseña de la sala equivocada desde %1 (%2 seguidas)",
        "Largest the history may grow on disk, in bytes; the oldest messages go first (default %1).":
            "Tamaño máximo del historial en disco, en bytes; se borran primero los mensajes más antiguos (por omisión %1).",
        "Bytes of messages one address may store a second, with 128 seconds' worth at once (default %1).":
            "Bytes de mensajes que una dirección puede guardar por segundo, con lo de 128 segundos de una vez (por omisión %1).",
        "Bytes that must stay free on the history's disk; below, messages are refused, and files below twice that (default %1).":
            "Bytes que deben quedar libres en el disco del historial; por debajo se rechazan los mensajes, y los archivos por debajo del doble (por omisión %1).",
        "Cannot apply the history's size limit": "No se puede aplicar el límite de tamaño del historial",
        "&Settings": "&Preferencias",
        "Let others see when I'm typing": "Dejar que vean cuándo escribo",
        "%1 is typing…": "%1 está escribiendo…",
        "%1 are typing…": "%1 están escribiendo…",
        "&Help": "A&yuda",
        "&About Tertulia": "&Acerca de Tertulia",
        "About Tertulia": "Acerca de Tertulia",
        "<h3>Tertulia %1</h3><p>Host a chat room from your desktop; anyone on the network joins from a browser.</p><p>Built with Qt %2.</p>":
            "<h3>Tertulia %1</h3><p>Abre una sala de chat desde tu escritorio; cualquiera en la "
            "red se une desde un navegador.</p><p>Hecho con Qt %2.</p>",
        "Double-click to open %1": "Doble clic para abrir %1",
        "QR code of the address": "Código QR de la dirección",
        "Addresses to share": "Direcciones para compartir",
        "Invite people — open one of these in a browser:":
            "Invita a otros: que abran una de estas en un navegador:",
        "Only this computer can open these addresses: it is not connected to a network, or the room listens on a loopback address only. Connect to Wi-Fi or a cable, or start without --bind 127.0.0.1.":
            "Solo este ordenador puede abrir estas direcciones: no está conectado a ninguna red, "
            "o la sala solo escucha en una dirección local. Conéctate a la wifi o a un cable, o "
            "arranca sin --bind 127.0.0.1.",
        "Page opened: %1 · In the room: %2": "Página abierta: %1 · En la sala: %2",
        "Copy %1": "Copiar %1",
        "Change room password…": "Cambiar la contraseña de la sala…",
        "Set room password…": "Poner contraseña a la sala…",
        "People who join from now on must give this password.\nLeave it empty to let anyone on the network join.":
            "Quien se una a partir de ahora tendrá que dar esta contraseña.\nDéjala vacía para "
            "que cualquiera en la red pueda unirse.",
        "The host's certificate is not trusted (%1). Ask the host for its fingerprint and join with --fingerprint.":
            "El certificado del anfitrión no es de confianza (%1). Pide al anfitrión su huella y "
            "únete con --fingerprint.",
        "Cannot read the TLS certificate %1 or key %2.":
            "No se puede leer el certificado TLS %1 o la clave %2.",
        "The TLS certificate %1 or key %2 is not a PEM certificate and unencrypted RSA or EC key.":
            "El certificado TLS %1 o la clave %2 no son un certificado PEM y una clave RSA o EC sin "
            "cifrar.",
        "Room password": "Contraseña de la sala",
        "%1\nPassword:": "%1\nContraseña:",
        "Messages a second one connection may send (default %1).":
            "Mensajes por segundo que puede enviar una conexión (por omisión %1).",
        "Messages one connection may send at once (default %1).":
            "Mensajes que una conexión puede enviar de golpe (por omisión %1).",
        "Connections in all (default %1).": "Conexiones en total (por omisión %1).",
        "Connections from one address (default %1).":
            "Conexiones desde una misma dirección (por omisión %1).",
        "Largest WebSocket message, in bytes (default %1).":
            "Mensaje WebSocket más grande, en bytes (por omisión %1).",
        "Longest chat message, in characters (default %1).":
            "Mensaje de chat más largo, en caracteres (por omisión %1).",
        "Longest name, in characters (default %1).":
            "Nombre más largo, en caracteres (por omisión %1).",
        "Milliseconds of silence before a peer counts as dead (default %1).":
            "Milisegundos de silencio antes de dar por muerta una conexión (por omisión %1).",
        "Bytes waiting for one slow reader before it is dropped (default %1).":
            "Bytes pendientes para un lector lento antes de desconectarlo (por omisión %1).",
        "Also let pages from ORIGIN (e.g. https://chat.example) join; repeatable.":
            "Permitir también páginas de ORIGEN (p. ej. https://chat.example); repetible.",
        "ORIGIN": "ORIGEN",
        "Ask everyone who joins for this password (better: the TERTULIA_PASSWORD environment variable, which ps does not show).":
            "Pedir esta contraseña a quien se una (mejor: la variable de entorno "
            "TERTULIA_PASSWORD, que ps no muestra).",
        "PASSWORD": "CONTRASEÑA",
        "Serve HTTPS and WSS with this PEM certificate (with --key).":
            "Servir HTTPS y WSS con este certificado PEM (con --key).",
        "FILE": "ARCHIVO",
        "The certificate's private key, PEM, unencrypted.":
            "La clave privada del certificado, PEM, sin cifrar.",
        "Invalid --%1 \"%2\": use a number from %3 to %4.":
            "Valor no válido para --%1 «%2»: usa un número de %3 a %4.",
        "TLS needs both --cert FILE and --key FILE.": "TLS necesita --cert ARCHIVO y --key ARCHIVO.",
        "Certificate fingerprint (SHA-256): %1": "Huella del certificado (SHA-256): %1",
        "With --join to an HTTPS host whose certificate is self-signed: its SHA-256 fingerprint, as the host shows it.":
            "Con --join a un anfitrión HTTPS con certificado autofirmado: su huella SHA-256, tal "
            "como la muestra el anfitrión.",
        "%1 (away)": "%1 (ausente)",
        "Not sent: %1": "No enviado: %1",
        "Where the room's history is kept (default: %1).":
            "Dónde se guarda el historial de la sala (por omisión: %1).",
        "DIR": "CARPETA",
        "How much history to keep: all (default), a number of messages, or of days such as 30d.":
            "Cuánto historial guardar: all (todo, por omisión), un número de mensajes, o de días "
            "como 30d.",
        "POLICY": "POLÍTICA",
        "How many earlier messages a newcomer sees (default %1, at most %2).":
            "Cuántos mensajes anteriores ve quien llega (por omisión %1, como mucho %2).",
        "Invalid backlog \"%1\": use a number from 0 to %2.":
            "Cantidad no válida «%1»: usa un número de 0 a %2.",
        "not sent": "no enviado",
        "Invalid history policy \"%1\": use all, a number of messages (1000) or of days (30d).":
            "Política de historial no válida «%1»: usa all, un número de mensajes (1000) o de "
            "días (30d).",
        "Cannot create the data directory %1.": "No se puede crear la carpeta de datos %1.",
        "Cannot open the history database %1: %2":
            "No se puede abrir la base de datos del historial %1: %2",
        "Cannot use the history database %1": "No se puede usar la base de datos del historial %1",
        "Cannot read the history": "No se puede leer el historial",
        "Cannot store the message": "No se puede guardar el mensaje",
        "Cannot keep the message": "No se puede conservar el mensaje",
        "Share the room with other hosts through Redis at URL (redis://HOST:PORT or unix:///PATH): one room behind a load balancer.":
            "Comparte la sala con otros anfitriones mediante Redis en URL (redis://HOST:PUERTO o unix:///RUTA): una sala detrás de un balanceador de carga.",
        "URL": "URL",
        "%1 is not a Redis address: give redis://HOST:PORT or unix:///PATH.":
            "%1 no es una dirección de Redis: indica redis://HOST:PUERTO o unix:///RUTA.",
        "Redis at %1: %2": "Redis en %1: %2",
        "Cannot apply the history policy": "No se puede aplicar la política de historial",
        "Cannot listen on %1 port %2: %3": "No se puede escuchar en %1 puerto %2: %3",
        "Send": "Enviar",
        "Tertulia": "Tertulia",
        "Messages": "Mensajes",
        "People in the room": "Personas en la sala",
        "Find someone": "Buscar a alguien",
        "Others who came or went: %1": "Otras personas que llegaron o se fueron: %1",
        "In the room (%1)": "En la sala (%1)",
        "Write a message and press Enter": "Escribe un mensaje y pulsa Intro",
        "In the room": "En la sala",
        "Not connected: your message was not sent.": "Sin conexión: tu mensaje no se envió.",
        "Sending…": "Enviando…",
        "Sent at %1": "Enviado a las %1",
        "%1 joined": "%1 se unió",
        "%1 left": "%1 se fue",
        "Here since %1": "Aquí desde las %1",
        "%1 (you)": "%1 (tú)",
        "Disconnected": "Desconectado",
        "Connecting…": "Conectando…",
        "Connected as %1": "Conectado como %1",
        "Connection lost — reconnecting…": "Conexión perdida: reconectando…",
        "Choose another name": "Elige otro nombre",
        "%1\nWhat name should others see?": "%1\n¿Qué nombre deben ver los demás?",
        "Choose another port with --port N, or --port 0 for any free one.":
            "Elige otro puerto con --port N, o --port 0 para uno libre cualquiera.",
        "Port for the page and the chat (0 picks a free one; default %1).":
            "Puerto de la página y del chat (0 elige uno libre; por omisión %1).",
        "N": "N",
        "Address to listen on (default: every interface).":
            "Dirección en la que escuchar (por omisión: todas las interfaces).",
        "ADDRESS": "DIRECCIÓN",
        "Invalid port \"%1\": use a number from 0 to 65535.":
            "Puerto no válido «%1»: usa un número de 0 a 65535.",
        "Invalid address \"%1\": use an IP address such as 0.0.0.0 or 192.168.1.20.":
            "Dirección no válida «%1»: usa una dirección IP como 0.0.0.0 o 192.168.1.20.",
        "sending…": "enviando…",
        "Copy": "Copiar",
        "Copy the address to the clipboard": "Copiar la dirección al portapapeles",
        "Invite people — open in a browser:": "Invita a otros — dirección para el navegador:",
        "Room:": "Sala:",
        "Copied": "Copiado",
        "Hosts a chat room that anyone on the network can join from a browser, and chats in it "
        "from this window.":
            "Abre una sala de chat a la que cualquiera en la red puede unirse desde un navegador, "
            "y chatea en ella desde esta ventana.",
        "Join the room at URL instead of hosting one (http://HOST:PORT/).":
            "Unirse a la sala de URL en lugar de abrir una (http://EQUIPO:PUERTO/).",
        "Your name in the room.": "Tu nombre en la sala.",
        "No display found: the chat window needs one to join a room.":
            "No hay pantalla: la ventana de chat necesita una para unirse a una sala.",
        "No display found: hosting without a window (tertulia-server does the same).":
            "No hay pantalla: se abre la sala sin ventana (igual que tertulia-server).",
        "Invalid address \"%1\": use the address the host shows, like http://192.168.1.20:8080/.":
            "Dirección no válida «%1»: usa la que muestra el anfitrión, como "
            "http://192.168.1.20:8080/.",
        "Hosts a Tertulia chat room: a page for browsers and a chat socket, headless.":
            "Abre una sala de Tertulia sin ventana: una página para navegadores y un socket de chat.",
        "Quit": "Salir",
        "Back to the room": "Volver a la sala",
        "Write to everyone again (Esc)": "Volver a escribir a todos (Esc)",
        "Write to %1 privately": "Escribir en privado a %1",
        "Writing privately to %1: only they will see it.":
            "Escribes en privado a %1: solo esa persona lo verá.",
        "Private message to %1": "Mensaje privado para %1",
        "End the room?": "¿Cerrar la sala?",
        "This window hosts the room: people on the network are chatting in it.\nKeep it open in the tray, or end it for everyone?":
            "Esta ventana aloja la sala: hay gente de la red charlando en ella.\n"
            "¿La mantienes abierta en la bandeja o la cierras para todos?",
        "Keep it open in the tray": "Mantenerla abierta en la bandeja",
        "End the room for everyone": "Cerrar la sala para todos",
        "End the room for everyone…": "Cerrar la sala para todos…",
        "Everyone in the room is told it has ended and can no longer chat in it. What was said stays in this computer's history.":
            "A todos los de la sala se les dice que se ha cerrado y ya no pueden charlar en ella. Lo dicho se queda en el historial de este ordenador.",
        "This window hosts the room: people on the network are chatting in it.\nClosing it ends the room for everyone.":
            "Esta ventana aloja la sala: hay gente de la red charlando en ella.\nCerrarla cierra la sala para todos.",
        "The room is still open": "La sala sigue abierta",
        "Tertulia keeps hosting from the tray. Click the icon to open the window.":
            "Tertulia sigue alojando la sala desde la bandeja. Pulsa el icono para abrir la ventana.",
        "%1 (privately to %2)": "%1 (en privado para %2)",
        "to %1, privately": "para %1, en privado",
        "Open Tertulia": "Abrir Tertulia",
        "Tertulia": "Tertulia",
        "Tertulia — %1 unread": "Tertulia: %1 sin leer",
        "%1 wrote to you privately": "%1 te escribió en privado",
        "%1 mentioned you": "%1 te mencionó",
        '%1 is empty.': '%1 está vacío.',
        'Cannot read %1: %2': 'No se puede leer %1: %2',
        'Cannot create the files directory %1.': 'No se puede crear la carpeta de archivos %1.',
        'Cannot keep track of uploads in %1.': 'No se pueden anotar las subidas en %1.',
        'Files can be at most %1 MB here; nothing was stored.': 'Aquí los archivos pueden tener como mucho %1 MB; no se guardó nada.',
        "The host's disk has no room for %1 MB more; nothing was stored.": 'El disco del anfitrión no tiene sitio para %1 MB más; no se guardó nada.',
        'You are sending %1 files already; wait for one to finish.': 'Ya estás enviando %1 archivos; espera a que termine uno.',
        'That upload is no longer on the host; send the file again.': 'Esa subida ya no está en el anfitrión; envía el archivo otra vez.',
        'The host could not store your file; nothing was sent.': 'El anfitrión no pudo guardar tu archivo; no se envió nada.',
        'A piece of a file arrived for no upload of yours.': 'Llegó un trozo de archivo que no es de ninguna subida tuya.',
        'More bytes arrived than the file offered has; nothing was stored.': 'Llegaron más bytes de los que tiene el archivo ofrecido; no se guardó nada.',
        'The host could not store your file; nothing was stored.': 'El anfitrión no pudo guardar tu archivo; no se guardó nada.',
        'The host could not read your file back; nothing was stored.': 'El anfitrión no pudo volver a leer tu archivo; no se guardó nada.',
        'The file arrived damaged (its SHA-256 differs); nothing was stored. Send it again.': 'El archivo llegó dañado (su SHA-256 no coincide); no se guardó nada. Envíalo otra vez.',
        'That picture cannot be read, or is larger than the host shows (64 megapixels); nothing was stored.': 'Esa imagen no se puede leer o es más grande de lo que el anfitrión muestra (64 megapíxeles); no se guardó nada.',
        'Largest file a member may send, in bytes; 0 takes no files (default %1).': 'Archivo más grande que un miembro puede enviar, en bytes; 0 no acepta archivos (por defecto %1).',
        'Bytes of files the room keeps in all; the oldest files go first, with their messages (default %1).': 'Bytes de archivos que la sala guarda en total; los más antiguos se van primero, con sus mensajes (por defecto %1).',
        'Bytes a second one member may upload; 0 for no limit (default %1).': 'Bytes por segundo que un miembro puede subir; 0 sin límite (por defecto %1).',
        'Cannot apply the limit on files': 'No se puede aplicar el límite de archivos',
        'Download %1': 'Descargar %1',
        '%1 · %2 · location data removed': '%1 · %2 · sin datos de ubicación',
        'Open %1 full size': 'Abrir %1 a tamaño completo',
        'Attach a file or a picture (or drop it here, or paste it)': 'Adjuntar un archivo o una imagen (o suéltalo aquí, o pégalo)',
        'Attach a file or a picture': 'Adjuntar un archivo o una imagen',
        '%1 is sending %2 — %3%': '%1 está enviando %2 — %3%',
        'Send files to the room': 'Enviar archivos a la sala',
        '%1 is larger than the %2 this room takes; it was not sent.': '%1 es más grande que los %2 que acepta esta sala; no se envió.',
        'Stop sending this file': 'Dejar de enviar este archivo',
        'you stopped it': 'lo detuviste',
        'no system bus':
            'no hay bus del sistema',
        'larger than a beacon may be':
            'más grande de lo que puede ser una baliza',
        'not a Tertulia beacon':
            'no es una baliza de Tertulia',
        'a goodbye that names no room':
            'una despedida que no nombra ninguna sala',
        'of a kind this version does not know':
            'de un tipo que esta versión no conoce',
        '&Tertulia':
            '&Tertulia',
        '&Join a room on this network…':
            '&Unirse a una sala de esta red…',
        'Ctrl+J':
            'Ctrl+J',
        '&Quit':
            '&Salir',
        'Tertulia could not open a window for %1.':
            'Tertulia no pudo abrir una ventana para %1.',
        'Announce the room on the local network, so Tertulia\'s "Join a room on this network" and service browsers list it (default for tertulia).':
            'Anunciar la sala en la red local, para que «Unirse a una sala de esta red» de Tertulia y los exploradores de servicios la muestren (por omisión en tertulia).',
        'Do not announce the room on the local network (default for tertulia-server).':
            'No anunciar la sala en la red local (por omisión en tertulia-server).',
        'The name the room is announced under (or the TERTULIA_ROOM_NAME environment variable; by default it is named after you, as in "%1").':
            'El nombre con el que se anuncia la sala (o la variable de entorno TERTULIA_ROOM_NAME; por omisión lleva tu nombre, como en «%1»).',
        '%1 needs a value, and "%2" is another option: give the value right after %1 (or write %1=%2 if that is the value).':
            '%1 necesita un valor, y «%2» es otra opción: escribe el valor justo después de %1 (o %1=%2 si ese es el valor).',
        'NAME':
            'NOMBRE',
        'Choose one of --announce and --no-announce.':
            'Elige entre --announce y --no-announce.',
        'Tertulia room':
            'Sala de Tertulia',
        "%1's room":
            'Sala de %1',
        'Join a room on this network':
            'Unirse a una sala de esta red',
        'Host':
            'Anfitrión',
        'Members':
            'Miembros',
        'Notes':
            'Notas',
        'Or type the address the host shows: http://192.168.1.20:8080/':
            'O escribe la dirección que muestra el anfitrión: http://192.168.1.20:8080/',
        'Anyone on this network can announce a room under any name: join the ones you expect. Nothing is sent to a room until you join it.':
            'Cualquiera en esta red puede anunciar una sala con cualquier nombre: únete a las que esperas. No se envía nada a una sala hasta que te unes.',
        'Join':
            'Unirse',
        '🚫 locked':
            '🚫 cerrada',
        '🔑 password':
            '🔑 contraseña',
        '🔒 encrypted':
            '🔒 cifrada',
        'No room has announced itself on this network yet; this list fills in as rooms start.':
            'Ninguna sala se ha anunciado todavía en esta red; la lista se llena a medida que empiezan.',
        "Tertulia's own announcements cannot be heard here: %1":
            'Aquí no se pueden oír los anuncios propios de Tertulia: %1',
        "Avahi is not running, so only Tertulia's own announcements are heard (%1).":
            'Avahi no está en marcha, así que solo se oyen los anuncios propios de Tertulia (%1).',
        'its id is not 8 to 64 letters or digits':
            'su id no tiene de 8 a 64 letras o cifras',
        'its protocol version is not a number':
            'su versión del protocolo no es un número',
        'its program version is not one':
            'su versión del programa no es válida',
        'its room name is empty, too long or has hidden characters':
            'el nombre de su sala está vacío, es demasiado largo o tiene caracteres ocultos',
        'its host name is too long or has hidden characters':
            'el nombre de su equipo es demasiado largo o tiene caracteres ocultos',
        'it names no port':
            'no indica ningún puerto',
        'its member count is out of range':
            'su número de miembros está fuera de rango',
        'its certificate fingerprint is not one':
            'su huella de certificado no es válida',
        'Invalid room name "%1": use 1 to %2 characters that can be seen, with no space at either end.':
            'Nombre de sala no válido «%1»: usa de 1 a %2 caracteres visibles, sin espacios al principio ni al final.',
        'Show the rooms announced on this network and join the one chosen, instead of hosting one.':
            'Mostrar las salas anunciadas en esta red y unirse a la elegida, en lugar de abrir una.',
        'its TXT record is not ours':
            'su registro TXT no es nuestro',
        'yours, open in this window':
            'la tuya, abierta en esta ventana',
        'Avahi stopped':
            'Avahi se detuvo',
    },
    "pt_BR": {
        "waiting to be processed: number %1 in line": "aguardando processamento: número %1 na fila",
        "processing the picture…": "processando a imagem…",
        "Cannot store messages together": "Não é possível guardar as mensagens juntas",
        "Cannot store the messages": "Não é possível guardar as mensagens",
        "Your files on their way would pass %1 MB together; wait for one to finish.":
            "Seus arquivos a caminho passariam de %1 MB juntos; espere um terminar.",
        "The host is receiving as much as it takes at once; wait a little and send it again.":
            "O anfitrião já está recebendo tudo o que aceita de uma vez; espere um pouco e envie de novo.",
        "Encrypted (HTTPS)": "Criptografada (HTTPS)",
        "Conversations": "Conversas",
        "Room": "Sala",
        "Only you and %1 see this conversation": "Só você e %1 veem esta conversa",
        "1 character over the room's limit": "1 caractere acima do limite da sala",
        "%1 characters over the room's limit": "%1 caracteres acima do limite da sala",
        "you": "você",
        "host": "anfitrião",
        "away": "ausente",
        "Opened on 1 device": "Aberta em 1 dispositivo",
        "Opened on %1 devices": "Aberta em %1 dispositivos",
        "In the room: %1": "Na sala: %1",
        "Today": "Hoje",
        "Yesterday": "Ontem",
        "Write a message and press Enter (Shift+Enter: new line)":
            "Escreva uma mensagem e tecle Enter (Shift+Enter: nova linha)",
        "Nobody has written anything yet. Say hello!": "Ninguém escreveu nada ainda. Diga olá!",
        "Invite…": "Convidar…",
        "Every address of the room, with a QR code for phones":
            "Todos os endereços da sala, com um código QR para celulares",
        "Nobody else is here yet. Share the address above — Invite… shows every address, with a QR code for phones.":
            "Ainda não há mais ninguém. Compartilhe o endereço acima; Convidar… mostra todos, com um código QR para celulares.",
        "Locked": "Trancada",
        "Password required": "Com senha",
        "Open in a browser to join:": "Para entrar, abra num navegador:",
        "Open link": "Abrir o link",
        "Copy link address": "Copiar o endereço do link",
        "Choose another name…": "Escolher outro nome…",
        "Type the password…": "Digitar a senha…",
        "The room could not start": "A sala não pôde começar",
        "Another program, or another Tertulia, is using that port.":
            "Outro programa, ou outro Tertulia, está usando essa porta.",
        "Use any free port": "Usar qualquer porta livre",
        "This computer does not have that address (any more).":
            "Este computador não tem esse endereço (ou não tem mais).",
        "Listen on every address": "Escutar em todos os endereços",
        "Cannot reach %1 — retrying…": "Não é possível alcançar %1; tentando de novo…",
        "Cannot reach %1 (%2) — retrying…": "Não é possível alcançar %1 (%2); tentando de novo…",
        "%1 is not an address of this computer. Leave --bind out to listen on all of them, or use one of: %2.":
            "%1 não é um endereço deste computador. Tire --bind para escutar em todos, ou use um destes: %2.",
        "See %1 --help.": "Veja %1 --help.",
        "Unknown language \"%1\": use one of %2.": "Idioma desconhecido \"%1\": use um destes: %2.",
        "Language of the interface: en, es or pt_BR (default: the system's).":
            "Idioma da interface: en, es ou pt_BR (padrão: o do sistema).",
        "LANG": "IDIOMA",
        "&Room": "&Sala",
        "Lock the room to newcomers": "Fechar a sala para novos participantes",
        "Remove %1 from the room": "Remover %1 da sala",
        "Wrong room password from %1 (%2 in a row)":
            "Senha da sala errada de %1 (%2 seguidas)",
        "Largest the history may grow on disk, in bytes; the oldest messages go first (default %1).":
            "Tamanho máximo do histórico em disco, em bytes; as mensagens mais antigas saem primeiro (padrão %1).",
        "Bytes of messages one address may store a second, with 128 seconds' worth at once (default %1).":
            "Bytes de mensagens que um endereço pode guardar por segundo, com o equivalente a 128 segundos de uma vez (padrão %1).",
        "Bytes that must stay free on the history's disk; below, messages are refused, and files below twice that (default %1).":
            "Bytes que devem ficar livres no disco do histórico; abaixo disso, as mensagens são recusadas, e os arquivos abaixo do dobro (padrão %1).",
        "Cannot apply the history's size limit": "Não é possível aplicar o limite de tamanho do histórico",
        "&Settings": "&Configurações",
        "Let others see when I'm typing": "Deixar que vejam quando digito",
        "%1 is typing…": "%1 está digitando…",
        "%1 are typing…": "%1 estão digitando…",
        "&Help": "A&juda",
        "&About Tertulia": "&Sobre o Tertulia",
        "About Tertulia": "Sobre o Tertulia",
        "<h3>Tertulia %1</h3><p>Host a chat room from your desktop; anyone on the network joins from a browser.</p><p>Built with Qt %2.</p>":
            "<h3>Tertulia %1</h3><p>Abra uma sala de chat no seu computador; qualquer pessoa na "
            "rede entra pelo navegador.</p><p>Feito com Qt %2.</p>",
        "Double-click to open %1": "Clique duas vezes para abrir %1",
        "QR code of the address": "Código QR do endereço",
        "Addresses to share": "Endereços para compartilhar",
        "Invite people — open one of these in a browser:":
            "Convide pessoas — abram um destes em um navegador:",
        "Only this computer can open these addresses: it is not connected to a network, or the room listens on a loopback address only. Connect to Wi-Fi or a cable, or start without --bind 127.0.0.1.":
            "Só este computador consegue abrir estes endereços: ele não está conectado a uma rede, "
            "ou a sala escuta apenas em um endereço local. Conecte-se ao Wi-Fi ou a um cabo, ou "
            "inicie sem --bind 127.0.0.1.",
        "Page opened: %1 · In the room: %2": "Página aberta: %1 · Na sala: %2",
        "Copy %1": "Copiar %1",
        "Change room password…": "Mudar a senha da sala…",
        "Set room password…": "Definir senha da sala…",
        "People who join from now on must give this password.\nLeave it empty to let anyone on the network join.":
            "Quem entrar a partir de agora terá de informar esta senha.\nDeixe vazia para que "
            "qualquer pessoa na rede possa entrar.",
        "The host's certificate is not trusted (%1). Ask the host for its fingerprint and join with --fingerprint.":
            "O certificado do anfitrião não é confiável (%1). Peça ao anfitrião a impressão "
            "digital e entre com --fingerprint.",
        "Cannot read the TLS certificate %1 or key %2.":
            "Não foi possível ler o certificado TLS %1 ou a chave %2.",
        "The TLS certificate %1 or key %2 is not a PEM certificate and unencrypted RSA or EC key.":
            "O certificado TLS %1 ou a chave %2 não são um certificado PEM e uma chave RSA ou EC "
            "sem criptografia.",
        "Room password": "Senha da sala",
        "%1\nPassword:": "%1\nSenha:",
        "Messages a second one connection may send (default %1).":
            "Mensagens por segundo que uma conexão pode enviar (padrão %1).",
        "Messages one connection may send at once (default %1).":
            "Mensagens que uma conexão pode enviar de uma vez (padrão %1).",
        "Connections in all (default %1).": "Conexões no total (padrão %1).",
        "Connections from one address (default %1).":
            "Conexões de um mesmo endereço (padrão %1).",
        "Largest WebSocket message, in bytes (default %1).":
            "Maior mensagem WebSocket, em bytes (padrão %1).",
        "Longest chat message, in characters (default %1).":
            "Maior mensagem de chat, em caracteres (padrão %1).",
        "Longest name, in characters (default %1).": "Maior nome, em caracteres (padrão %1).",
        "Milliseconds of silence before a peer counts as dead (default %1).":
            "Milissegundos de silêncio antes de considerar uma conexão morta (padrão %1).",
        "Bytes waiting for one slow reader before it is dropped (default %1).":
            "Bytes pendentes para um leitor lento antes de desconectá-lo (padrão %1).",
        "Also let pages from ORIGIN (e.g. https://chat.example) join; repeatable.":
            "Permitir também páginas de ORIGEM (ex.: https://chat.example); repetível.",
        "ORIGIN": "ORIGEM",
        "Ask everyone who joins for this password (better: the TERTULIA_PASSWORD environment variable, which ps does not show).":
            "Pedir esta senha a quem entrar (melhor: a variável de ambiente TERTULIA_PASSWORD, "
            "que o ps não mostra).",
        "PASSWORD": "SENHA",
        "Serve HTTPS and WSS with this PEM certificate (with --key).":
            "Servir HTTPS e WSS com este certificado PEM (com --key).",
        "FILE": "ARQUIVO",
        "The certificate's private key, PEM, unencrypted.":
            "A chave privada do certificado, PEM, sem criptografia.",
        "Invalid --%1 \"%2\": use a number from %3 to %4.":
            "Valor inválido para --%1 \"%2\": use um número de %3 a %4.",
        "TLS needs both --cert FILE and --key FILE.": "TLS precisa de --cert ARQUIVO e --key ARQUIVO.",
        "Certificate fingerprint (SHA-256): %1": "Impressão digital do certificado (SHA-256): %1",
        "With --join to an HTTPS host whose certificate is self-signed: its SHA-256 fingerprint, as the host shows it.":
            "Com --join a um anfitrião HTTPS com certificado autoassinado: sua impressão digital "
            "SHA-256, como o anfitrião a mostra.",
        "%1 (away)": "%1 (ausente)",
        "Not sent: %1": "Não enviada: %1",
        "Where the room's history is kept (default: %1).":
            "Onde o histórico da sala é guardado (padrão: %1).",
        "DIR": "PASTA",
        "How much history to keep: all (default), a number of messages, or of days such as 30d.":
            "Quanto histórico manter: all (tudo, padrão), um número de mensagens, ou de dias "
            "como 30d.",
        "POLICY": "POLÍTICA",
        "How many earlier messages a newcomer sees (default %1, at most %2).":
            "Quantas mensagens anteriores quem chega vê (padrão %1, no máximo %2).",
        "Invalid backlog \"%1\": use a number from 0 to %2.":
            "Quantidade inválida \"%1\": use um número de 0 a %2.",
        "not sent": "não enviada",
        "Invalid history policy \"%1\": use all, a number of messages (1000) or of days (30d).":
            "Política de histórico inválida \"%1\": use all, um número de mensagens (1000) ou "
            "de dias (30d).",
        "Cannot create the data directory %1.": "Não foi possível criar a pasta de dados %1.",
        "Cannot open the history database %1: %2":
            "Não foi possível abrir o banco de dados do histórico %1: %2",
        "Cannot use the history database %1":
            "Não foi possível usar o banco de dados do histórico %1",
        "Cannot read the history": "Não foi possível ler o histórico",
        "Cannot store the message": "Não foi possível guardar a mensagem",
        "Cannot keep the message": "Não foi possível manter a mensagem",
        "Share the room with other hosts through Redis at URL (redis://HOST:PORT or unix:///PATH): one room behind a load balancer.":
            "Compartilha a sala com outros anfitriões pelo Redis em URL (redis://HOST:PORTA ou unix:///CAMINHO): uma sala atrás de um balanceador de carga.",
        "URL": "URL",
        "%1 is not a Redis address: give redis://HOST:PORT or unix:///PATH.":
            "%1 não é um endereço do Redis: informe redis://HOST:PORTA ou unix:///CAMINHO.",
        "Redis at %1: %2": "Redis em %1: %2",
        "Cannot apply the history policy": "Não foi possível aplicar a política de histórico",
        "Cannot listen on %1 port %2: %3": "Não foi possível escutar em %1 porta %2: %3",
        "Send": "Enviar",
        "Tertulia": "Tertulia",
        "Messages": "Mensagens",
        "People in the room": "Pessoas na sala",
        "Find someone": "Procurar alguém",
        "Others who came or went: %1": "Outras pessoas que chegaram ou saíram: %1",
        "In the room (%1)": "Na sala (%1)",
        "Write a message and press Enter": "Escreva uma mensagem e tecle Enter",
        "In the room": "Na sala",
        "Not connected: your message was not sent.": "Sem conexão: sua mensagem não foi enviada.",
        "Sending…": "Enviando…",
        "Sent at %1": "Enviada às %1",
        "%1 joined": "%1 entrou",
        "%1 left": "%1 saiu",
        "Here since %1": "Aqui desde %1",
        "%1 (you)": "%1 (você)",
        "Disconnected": "Desconectado",
        "Connecting…": "Conectando…",
        "Connected as %1": "Conectado como %1",
        "Connection lost — reconnecting…": "Conexão perdida — reconectando…",
        "Choose another name": "Escolha outro nome",
        "%1\nWhat name should others see?": "%1\nQue nome os outros devem ver?",
        "Choose another port with --port N, or --port 0 for any free one.":
            "Escolha outra porta com --port N, ou --port 0 para qualquer uma livre.",
        "Port for the page and the chat (0 picks a free one; default %1).":
            "Porta da página e do chat (0 escolhe uma livre; padrão %1).",
        "N": "N",
        "Address to listen on (default: every interface).":
            "Endereço em que escutar (padrão: todas as interfaces).",
        "ADDRESS": "ENDEREÇO",
        "Invalid port \"%1\": use a number from 0 to 65535.":
            "Porta inválida \"%1\": use um número de 0 a 65535.",
        "Invalid address \"%1\": use an IP address such as 0.0.0.0 or 192.168.1.20.":
            "Endereço inválido \"%1\": use um endereço IP como 0.0.0.0 ou 192.168.1.20.",
        "sending…": "enviando…",
        "Copy": "Copiar",
        "Copy the address to the clipboard": "Copiar o endereço para a área de transferência",
        "Invite people — open in a browser:": "Convide pessoas — abram em um navegador:",
        "Room:": "Sala:",
        "Copied": "Copiado",
        "Hosts a chat room that anyone on the network can join from a browser, and chats in it "
        "from this window.":
            "Abre uma sala de chat em que qualquer pessoa na rede pode entrar pelo navegador, e "
            "conversa nela por esta janela.",
        "Join the room at URL instead of hosting one (http://HOST:PORT/).":
            "Entrar na sala em URL em vez de abrir uma (http://HOST:PORTA/).",
        "Your name in the room.": "Seu nome na sala.",
        "No display found: the chat window needs one to join a room.":
            "Nenhuma tela encontrada: a janela de chat precisa de uma para entrar em uma sala.",
        "No display found: hosting without a window (tertulia-server does the same).":
            "Nenhuma tela encontrada: abrindo a sala sem janela (como o tertulia-server).",
        "Invalid address \"%1\": use the address the host shows, like http://192.168.1.20:8080/.":
            "Endereço inválido \"%1\": use o endereço que o anfitrião mostra, como "
            "http://192.168.1.20:8080/.",
        "Hosts a Tertulia chat room: a page for browsers and a chat socket, headless.":
            "Abre uma sala do Tertulia sem janela: uma página para navegadores e um socket de chat.",
        "Quit": "Sair",
        "Back to the room": "Voltar para a sala",
        "Write to everyone again (Esc)": "Voltar a escrever para todos (Esc)",
        "Write to %1 privately": "Escrever em particular para %1",
        "Writing privately to %1: only they will see it.":
            "Escrevendo em particular para %1: só essa pessoa verá.",
        "Private message to %1": "Mensagem particular para %1",
        "End the room?": "Encerrar a sala?",
        "This window hosts the room: people on the network are chatting in it.\nKeep it open in the tray, or end it for everyone?":
            "Esta janela hospeda a sala: há pessoas da rede conversando nela.\n"
            "Mantê-la aberta na bandeja ou encerrá-la para todos?",
        "Keep it open in the tray": "Manter aberta na bandeja",
        "End the room for everyone": "Encerrar a sala para todos",
        "End the room for everyone…": "Encerrar a sala para todos…",
        "Everyone in the room is told it has ended and can no longer chat in it. What was said stays in this computer's history.":
            "Todos na sala são avisados de que ela foi encerrada e não podem mais conversar nela. O que foi dito fica no histórico deste computador.",
        "This window hosts the room: people on the network are chatting in it.\nClosing it ends the room for everyone.":
            "Esta janela hospeda a sala: há pessoas da rede conversando nela.\nFechá-la encerra a sala para todos.",
        "The room is still open": "A sala continua aberta",
        "Tertulia keeps hosting from the tray. Click the icon to open the window.":
            "O Tertulia continua hospedando pela bandeja. Clique no ícone para abrir a janela.",
        "%1 (privately to %2)": "%1 (em particular para %2)",
        "to %1, privately": "para %1, em particular",
        "Open Tertulia": "Abrir o Tertulia",
        "Tertulia": "Tertulia",
        "Tertulia — %1 unread": "Tertulia — %1 não lidas",
        "%1 wrote to you privately": "%1 escreveu para você em particular",
        "%1 mentioned you": "%1 mencionou você",
        "The host has blocked this device from the room.": "O anfitrião bloqueou este dispositivo na sala.",
        "Why you are not in the room": "Por que você não está na sala",
        "Try again": "Tentar de novo",
        "%n character(s) over the room's limit": ["%n caractere acima do limite da sala",
                                                   "%n caracteres acima do limite da sala"],
        "The host removed you from the room.": "O anfitrião tirou você da sala.",
        "The room is locked: the host lets nobody new in now.":
            "A sala está trancada: o anfitrião não deixa ninguém novo entrar agora.",
        "You opened this room again elsewhere; this window is no longer in it.":
            "Você abriu esta sala em outro lugar; esta janela não está mais nela.",
        "The host ended the room.": "O anfitrião encerrou a sala.",
        "%1 (%2)": "%1 (%2)",
        "Not in the room": "Fora da sala",
        "Also log each join and leave and the native client's states (the tertulia.* logging categories at debug level).":
            "Registrar também cada entrada e saída e os estados do cliente nativo (as categorias de log tertulia.* em nível debug).",
        "Cannot read the room password in %1: %2": "Não é possível ler a senha da sala em %1: %2",
        "The room password in %1 is damaged: set it again, or delete the file to open the room to everyone.":
            "A senha da sala em %1 está danificada: defina-a de novo, ou apague o arquivo para abrir a sala a todos.",
        "Cannot remove the room password file %1": "Não é possível apagar o arquivo de senha da sala %1",
        "Cannot save the room password in %1: %2": "Não é possível salvar a senha da sala em %1: %2",
        "Remove the room password": "Remover a senha da sala",
        "Blocked devices": "Dispositivos bloqueados",
        "Change the room password…": "Trocar a senha da sala…",
        "Set a room password…": "Definir uma senha para a sala…",
        "Let %1 in again": "Deixar %1 entrar de novo",
        "Remove %1 and block their device": "Tirar %1 e bloquear o dispositivo",
        "People who join from now on must give this password; it stays set when the room restarts.\nLeave it empty to let anyone on the network join.":
            "Quem entrar a partir de agora terá de dar esta senha; ela continua valendo quando a sala reinicia.\nDeixe vazia para que qualquer pessoa na rede possa entrar.",
        '%1 is empty.': '%1 está vazio.',
        'Cannot read %1: %2': 'Não é possível ler %1: %2',
        'Cannot create the files directory %1.': 'Não é possível criar a pasta de arquivos %1.',
        'Cannot keep track of uploads in %1.': 'Não é possível registrar os envios em %1.',
        'Files can be at most %1 MB here; nothing was stored.': 'Aqui os arquivos podem ter no máximo %1 MB; nada foi guardado.',
        "The host's disk has no room for %1 MB more; nothing was stored.": 'O disco do anfitrião não tem espaço para mais %1 MB; nada foi guardado.',
        'You are sending %1 files already; wait for one to finish.': 'Você já está enviando %1 arquivos; espere um terminar.',
        'That upload is no longer on the host; send the file again.': 'Esse envio não está mais no anfitrião; envie o arquivo de novo.',
        'The host could not store your file; nothing was sent.': 'O anfitrião não conseguiu guardar seu arquivo; nada foi enviado.',
        'A piece of a file arrived for no upload of yours.': 'Chegou um pedaço de arquivo que não é de nenhum envio seu.',
        'More bytes arrived than the file offered has; nothing was stored.': 'Chegaram mais bytes do que o arquivo oferecido tem; nada foi guardado.',
        'The host could not store your file; nothing was stored.': 'O anfitrião não conseguiu guardar seu arquivo; nada foi guardado.',
        'The host could not read your file back; nothing was stored.': 'O anfitrião não conseguiu ler seu arquivo de volta; nada foi guardado.',
        'The file arrived damaged (its SHA-256 differs); nothing was stored. Send it again.': 'O arquivo chegou danificado (o SHA-256 não confere); nada foi guardado. Envie de novo.',
        'That picture cannot be read, or is larger than the host shows (64 megapixels); nothing was stored.': 'Essa imagem não pode ser lida ou é maior do que o anfitrião mostra (64 megapixels); nada foi guardado.',
        'Largest file a member may send, in bytes; 0 takes no files (default %1).': 'Maior arquivo que um membro pode enviar, em bytes; 0 não aceita arquivos (padrão %1).',
        'Bytes of files the room keeps in all; the oldest files go first, with their messages (default %1).': 'Bytes de arquivos que a sala guarda no total; os mais antigos saem primeiro, com suas mensagens (padrão %1).',
        'Bytes a second one member may upload; 0 for no limit (default %1).': 'Bytes por segundo que um membro pode enviar; 0 sem limite (padrão %1).',
        'Cannot apply the limit on files': 'Não é possível aplicar o limite de arquivos',
        'Download %1': 'Baixar %1',
        '%1 · %2 · location data removed': '%1 · %2 · sem dados de localização',
        'Open %1 full size': 'Abrir %1 em tamanho original',
        'Attach a file or a picture (or drop it here, or paste it)': 'Anexar um arquivo ou uma imagem (ou solte aqui, ou cole)',
        'Attach a file or a picture': 'Anexar um arquivo ou uma imagem',
        '%1 is sending %2 — %3%': '%1 está enviando %2 — %3%',
        'Send files to the room': 'Enviar arquivos para a sala',
        '%1 is larger than the %2 this room takes; it was not sent.': '%1 é maior que os %2 que esta sala aceita; não foi enviado.',
        'Stop sending this file': 'Parar de enviar este arquivo',
        'you stopped it': 'você o interrompeu',
        'no system bus':
            'não há barramento do sistema',
        'larger than a beacon may be':
            'maior do que um sinal pode ser',
        'not a Tertulia beacon':
            'não é um sinal do Tertulia',
        'a goodbye that names no room':
            'uma despedida que não nomeia nenhuma sala',
        'of a kind this version does not know':
            'de um tipo que esta versão não conhece',
        '&Tertulia':
            '&Tertulia',
        '&Join a room on this network…':
            '&Entrar em uma sala desta rede…',
        'Ctrl+J':
            'Ctrl+J',
        '&Quit':
            '&Sair',
        'Tertulia could not open a window for %1.':
            'O Tertulia não conseguiu abrir uma janela para %1.',
        'Announce the room on the local network, so Tertulia\'s "Join a room on this network" and service browsers list it (default for tertulia).':
            'Anunciar a sala na rede local, para que "Entrar em uma sala desta rede" do Tertulia e os navegadores de serviços a mostrem (padrão no tertulia).',
        'Do not announce the room on the local network (default for tertulia-server).':
            'Não anunciar a sala na rede local (padrão no tertulia-server).',
        'The name the room is announced under (or the TERTULIA_ROOM_NAME environment variable; by default it is named after you, as in "%1").':
            'O nome com que a sala é anunciada (ou a variável de ambiente TERTULIA_ROOM_NAME; por padrão leva o seu nome, como em "%1").',
        '%1 needs a value, and "%2" is another option: give the value right after %1 (or write %1=%2 if that is the value).':
            '%1 precisa de um valor, e "%2" é outra opção: escreva o valor logo depois de %1 (ou %1=%2 se esse for o valor).',
        'NAME':
            'NOME',
        'Choose one of --announce and --no-announce.':
            'Escolha entre --announce e --no-announce.',
        'Tertulia room':
            'Sala do Tertulia',
        "%1's room":
            'Sala de %1',
        'Join a room on this network':
            'Entrar em uma sala desta rede',
        'Host':
            'Anfitrião',
        'Members':
            'Membros',
        'Notes':
            'Notas',
        'Or type the address the host shows: http://192.168.1.20:8080/':
            'Ou digite o endereço que o anfitrião mostra: http://192.168.1.20:8080/',
        'Anyone on this network can announce a room under any name: join the ones you expect. Nothing is sent to a room until you join it.':
            'Qualquer pessoa nesta rede pode anunciar uma sala com qualquer nome: entre nas que você espera. Nada é enviado a uma sala até você entrar.',
        'Join':
            'Entrar',
        '🚫 locked':
            '🚫 trancada',
        '🔑 password':
            '🔑 senha',
        '🔒 encrypted':
            '🔒 criptografada',
        'No room has announced itself on this network yet; this list fills in as rooms start.':
            'Nenhuma sala se anunciou nesta rede ainda; a lista se preenche conforme as salas começam.',
        "Tertulia's own announcements cannot be heard here: %1":
            'Os anúncios próprios do Tertulia não podem ser ouvidos aqui: %1',
        "Avahi is not running, so only Tertulia's own announcements are heard (%1).":
            'O Avahi não está em execução, então só os anúncios próprios do Tertulia são ouvidos (%1).',
        'its id is not 8 to 64 letters or digits':
            'seu id não tem de 8 a 64 letras ou dígitos',
        'its protocol version is not a number':
            'sua versão do protocolo não é um número',
        'its program version is not one':
            'sua versão do programa não é válida',
        'its room name is empty, too long or has hidden characters':
            'o nome da sala está vazio, é longo demais ou tem caracteres ocultos',
        'its host name is too long or has hidden characters':
            'o nome do computador é longo demais ou tem caracteres ocultos',
        'it names no port':
            'não indica nenhuma porta',
        'its member count is out of range':
            'seu número de membros está fora do intervalo',
        'its certificate fingerprint is not one':
            'sua impressão digital de certificado não é válida',
        'Invalid room name "%1": use 1 to %2 characters that can be seen, with no space at either end.':
            'Nome de sala inválido "%1": use de 1 a %2 caracteres visíveis, sem espaço no início nem no fim.',
        'Show the rooms announced on this network and join the one chosen, instead of hosting one.':
            'Mostrar as salas anunciadas nesta rede e entrar na escolhida, em vez de abrir uma.',
        'its TXT record is not ours':
            'seu registro TXT não é nosso',
        'yours, open in this window':
            'a sua, aberta nesta janela',
        'Avahi stopped':
            'o Avahi parou',
    },
}


# Sentences only the page shows, and the protocol's error sentences
# (common/protocol/errorcode.cpp, which the window translates too): one table for both clients.
# page_phrases.py gives the page what it uses of PHRASES.
MORE_PHRASES = {
    "es": {
        "Not connected": "Sin conexión",
        "Join the conversation": "Únete a la conversación",
        "Your name": "Tu nombre",
        "Message": "Mensaje",
        "Write a message": "Escribe un mensaje",
        "Please choose a name.": "Elige un nombre.",
        "since %1": "desde %1",
        "A Tertulia room": "Una sala de Tertulia",
        "%1 in the room": "%1 en la sala",
        "locked to newcomers now": "cerrada a recién llegados",
        "a password is needed": "hace falta contraseña",
        "sending": "enviando",
        "sent": "enviado",
        "New messages ↓": "Mensajes nuevos ↓",
        "Write privately to %1": "Escribir en privado a %1",
        "Nobody whose name starts with “%1”": "Nadie tiene un nombre que empiece por «%1»",
        "People to mention": "Personas a mencionar",
        "privately to %1": "en privado para %1",
        "Too long: %1 characters over the room’s limit of %2.": "Demasiado largo: %1 caracteres por encima del límite de la sala (%2).",
        "location data removed": "sin datos de ubicación",
        "Upload of %1": "Subida de %1",
        "Cancel": "Cancelar",
        "cancelled": "cancelado",
        "Choose the file again to continue": "Vuelve a elegir el archivo para seguir",
        "%1 is larger than the %2 this room takes.": "%1 es más grande que los %2 que acepta esta sala.",
        "That was not valid JSON.": "Eso no era JSON válido.",
        "Send a JSON object.": "Envía un objeto JSON.",
        "A field has the wrong type.": "Un campo tiene un tipo equivocado.",
        "The host does not know that kind of message.": "El anfitrión no conoce ese tipo de mensaje.",
        "Send JSON text frames, not binary ones.": "Envía tramas de texto JSON, no binarias.",
        "That name cannot be used: choose another.": "Ese nombre no se puede usar: elige otro.",
        "Someone in the room already has that name: choose another.": "Alguien en la sala ya se llama así: elige otro nombre.",
        "You cannot speak as someone else.": "No puedes hablar como otra persona.",
        "Say who you are first: send a name.": "Primero di quién eres: envía un nombre.",
        "The message is empty.": "El mensaje está vacío.",
        "That message is too long.": "Ese mensaje es demasiado largo.",
        "The message has characters that cannot be sent.": "El mensaje tiene caracteres que no se pueden enviar.",
        "The host could not store the message; it will be sent again.": "El anfitrión no pudo guardar el mensaje; se enviará de nuevo.",
        "Slow down: your messages wait their turn.": "Más despacio: tus mensajes esperan su turno.",
        "This room has a password: type it to join.": "Esta sala tiene contraseña: escríbela para entrar.",
        "That is not the room's password.": "Esa no es la contraseña de la sala.",
        "Too many wrong passwords from your address: wait before trying again.": "Demasiadas contraseñas equivocadas desde tu dirección: espera antes de volver a intentarlo.",
        "Nobody joined on this connection in time.": "Nadie entró por esta conexión a tiempo.",
        "The host has locked the room: nobody new can join now.": "El anfitrión cerró la sala: ahora no puede entrar nadie nuevo.",
        "That person is not in the room; the message was not sent.": "Esa persona no está en la sala; el mensaje no se envió.",
        "Your address stored too much lately: wait a little before sending more.": "Tu dirección guardó demasiado últimamente: espera un poco antes de enviar más.",
        "You opened the room again elsewhere; this one is no longer connected.": "Abriste la sala otra vez en otro sitio; esta ya no está conectada.",
        "The connection fell too far behind; catching up.": "La conexión se quedó demasiado atrás; poniéndose al día.",
        "The host is restarting; back in a moment.": "El anfitrión se está reiniciando; vuelve en un momento.",
        "The host could not read the history just now; scroll up to ask again.": "El anfitrión no pudo leer el historial ahora; desplázate hacia arriba para pedirlo otra vez.",
        "That file is larger than the host takes; nothing was stored.": "Ese archivo es más grande de lo que acepta el anfitrión; no se guardó nada.",
        "The host's disk has no room for that file; nothing was stored.": "El disco del anfitrión no tiene sitio para ese archivo; no se guardó nada.",
        "The file arrived damaged; nothing was stored. Send it again.": "El archivo llegó dañado; no se guardó nada. Vuelve a enviarlo.",
        "That picture cannot be read, or is too large to show; nothing was stored.": "Esa imagen no se puede leer o es demasiado grande para mostrarla; no se guardó nada.",
        "You are sending as many files at once as the host allows; wait for one to finish.": "Estás enviando tantos archivos a la vez como permite el anfitrión; espera a que termine uno.",
    },
    "pt_BR": {
        "Not connected": "Sem conexão",
        "Join the conversation": "Entre na conversa",
        "Your name": "Seu nome",
        "Message": "Mensagem",
        "Write a message": "Escreva uma mensagem",
        "Please choose a name.": "Escolha um nome.",
        "since %1": "desde %1",
        "A Tertulia room": "Uma sala do Tertulia",
        "%1 in the room": "%1 na sala",
        "locked to newcomers now": "trancada para novos agora",
        "a password is needed": "é preciso senha",
        "sending": "enviando",
        "sent": "enviada",
        "New messages ↓": "Novas mensagens ↓",
        "Write privately to %1": "Escrever em particular para %1",
        "Nobody whose name starts with “%1”": "Ninguém tem um nome que comece com “%1”",
        "People to mention": "Pessoas para mencionar",
        "privately to %1": "em particular para %1",
        "Too long: %1 characters over the room’s limit of %2.": "Longa demais: %1 caracteres acima do limite da sala (%2).",
        "location data removed": "sem dados de localização",
        "Upload of %1": "Envio de %1",
        "Cancel": "Cancelar",
        "cancelled": "cancelado",
        "Choose the file again to continue": "Escolha o arquivo de novo para continuar",
        "%1 is larger than the %2 this room takes.": "%1 é maior que os %2 que esta sala aceita.",
        "That was not valid JSON.": "Isso não era um JSON válido.",
        "Send a JSON object.": "Envie um objeto JSON.",
        "A field has the wrong type.": "Um campo tem o tipo errado.",
        "The host does not know that kind of message.": "O anfitrião não conhece esse tipo de mensagem.",
        "Send JSON text frames, not binary ones.": "Envie quadros de texto JSON, não binários.",
        "That name cannot be used: choose another.": "Esse nome não pode ser usado: escolha outro.",
        "Someone in the room already has that name: choose another.": "Alguém na sala já usa esse nome: escolha outro.",
        "You cannot speak as someone else.": "Você não pode falar como outra pessoa.",
        "Say who you are first: send a name.": "Primeiro diga quem você é: envie um nome.",
        "The message is empty.": "A mensagem está vazia.",
        "That message is too long.": "Essa mensagem é longa demais.",
        "The message has characters that cannot be sent.": "A mensagem tem caracteres que não podem ser enviados.",
        "The host could not store the message; it will be sent again.": "O anfitrião não conseguiu guardar a mensagem; ela será enviada de novo.",
        "Slow down: your messages wait their turn.": "Mais devagar: suas mensagens esperam a vez.",
        "This room has a password: type it to join.": "Esta sala tem senha: digite-a para entrar.",
        "That is not the room's password.": "Essa não é a senha da sala.",
        "Too many wrong passwords from your address: wait before trying again.": "Senhas erradas demais do seu endereço: espere antes de tentar de novo.",
        "Nobody joined on this connection in time.": "Ninguém entrou por esta conexão a tempo.",
        "The host has locked the room: nobody new can join now.": "O anfitrião trancou a sala: ninguém novo pode entrar agora.",
        "That person is not in the room; the message was not sent.": "Essa pessoa não está na sala; a mensagem não foi enviada.",
        "Your address stored too much lately: wait a little before sending more.": "Seu endereço guardou demais ultimamente: espere um pouco antes de enviar mais.",
        "You opened the room again elsewhere; this one is no longer connected.": "Você abriu a sala de novo em outro lugar; esta não está mais conectada.",
        "The connection fell too far behind; catching up.": "A conexão ficou para trás demais; atualizando.",
        "The host is restarting; back in a moment.": "O anfitrião está reiniciando; volta em um instante.",
        "The host could not read the history just now; scroll up to ask again.": "O anfitrião não conseguiu ler o histórico agora; role para cima para pedir de novo.",
        "That file is larger than the host takes; nothing was stored.": "Esse arquivo é maior do que o anfitrião aceita; nada foi guardado.",
        "The host's disk has no room for that file; nothing was stored.": "O disco do anfitrião não tem espaço para esse arquivo; nada foi guardado.",
        "The file arrived damaged; nothing was stored. Send it again.": "O arquivo chegou danificado; nada foi guardado. Envie de novo.",
        "That picture cannot be read, or is too large to show; nothing was stored.": "Essa imagem não pode ser lida ou é grande demais para mostrar; nada foi guardado.",
        "You are sending as many files at once as the host allows; wait for one to finish.": "Você está enviando tantos arquivos de uma vez quanto o anfitrião permite; espere um terminar.",
    },
}
for _language, _phrases in MORE_PHRASES.items():
    for _source, _text in _phrases.items():
        PHRASES[_language].setdefault(_source, _text)


def fill(path, phrases):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        if source in phrases:
            phrase = phrases[source]
            if isinstance(phrase, list):  # plural forms (%n), one per form of the language
                for form in list(translation):
                    translation.remove(form)
                for text in phrase:
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = phrase
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    unfinished = []
    for language, phrases in PHRASES.items():
        for source in fill(root / f"tertulia_{language}.ts", phrases):
            unfinished.append(f"{language}: {source!r}")
    print("\n".join(unfinished) or "all strings translated")
    sys.exit(1 if unfinished else 0)
