<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
<context>
    <name>AvahiBrowser</name>
    <message>
        <source>no system bus</source>
        <translation>no hay bus del sistema</translation>
    </message>
    <message>
        <source>Avahi stopped</source>
        <translation>Avahi se detuvo</translation>
    </message>
</context>
<context>
    <name>BeaconMessage</name>
    <message>
        <source>larger than a beacon may be</source>
        <translation>más grande de lo que puede ser una baliza</translation>
    </message>
    <message>
        <source>not a Tertulia beacon</source>
        <translation>no es una baliza de Tertulia</translation>
    </message>
    <message>
        <source>a goodbye that names no room</source>
        <translation>una despedida que no nombra ninguna sala</translation>
    </message>
    <message>
        <source>of a kind this version does not know</source>
        <translation>de un tipo que esta versión no conoce</translation>
    </message>
</context>
<context>
    <name>ChatConnection</name>
    <message>
        <source>The host's certificate is not trusted (%1). Ask the host for its fingerprint and join with --fingerprint.</source>
        <translation>El certificado del anfitrión no es de confianza (%1). Pide al anfitrión su huella y únete con --fingerprint.</translation>
    </message>
</context>
<context>
    <name>ChatHost</name>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>No se puede escuchar en %1 puerto %2: %3</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate %1 or key %2.</source>
        <translation>No se puede leer el certificado TLS %1 o la clave %2.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 or key %2 is not a PEM certificate and unencrypted RSA or EC key.</source>
        <translation>El certificado TLS %1 o la clave %2 no son un certificado PEM y una clave RSA o EC sin cifrar.</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Tertulia</source>
        <translation>Tertulia</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 se unió</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 se fue</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Conectado como %1</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting…</source>
        <translation>Conexión perdida: reconectando…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Tertulia</source>
        <translation>&amp;Acerca de Tertulia</translation>
    </message>
    <message>
        <source>About Tertulia</source>
        <translation>Acerca de Tertulia</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tertulia %1&lt;/h3&gt;&lt;p&gt;Host a chat room from your desktop; anyone on the network joins from a browser.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tertulia %1&lt;/h3&gt;&lt;p&gt;Abre una sala de chat desde tu escritorio; cualquiera en la red se une desde un navegador.&lt;/p&gt;&lt;p&gt;Hecho con Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Preferencias</translation>
    </message>
    <message>
        <source>Let others see when I'm typing</source>
        <translation>Dejar que vean cuándo escribo</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
    <message>
        <source>%1 are typing…</source>
        <translation>%1 están escribiendo…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Back to the room</source>
        <translation>Volver a la sala</translation>
    </message>
    <message>
        <source>Write to everyone again (Esc)</source>
        <translation>Volver a escribir a todos (Esc)</translation>
    </message>
    <message>
        <source>Write to %1 privately</source>
        <translation>Escribir en privado a %1</translation>
    </message>
    <message>
        <source>Writing privately to %1: only they will see it.</source>
        <translation>Escribes en privado a %1: solo esa persona lo verá.</translation>
    </message>
    <message>
        <source>Private message to %1</source>
        <translation>Mensaje privado para %1</translation>
    </message>
    <message>
        <source>Not in the room</source>
        <translation>Fuera de la sala</translation>
    </message>
    <message>
        <source>Cannot reach %1 — retrying…</source>
        <translation>No se puede llegar a %1; reintentando…</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2) — retrying…</source>
        <translation>No se puede llegar a %1 (%2); reintentando…</translation>
    </message>
    <message>
        <source>Nobody has written anything yet. Say hello!</source>
        <translation>Nadie ha escrito nada todavía. ¡Saluda!</translation>
    </message>
    <message>
        <source>Write a message and press Enter (Shift+Enter: new line)</source>
        <translation>Escribe un mensaje y pulsa Intro (Mayús+Intro: nueva línea)</translation>
    </message>
    <message>
        <source>1 character over the room's limit</source>
        <translation>1 carácter por encima del límite de la sala</translation>
    </message>
    <message>
        <source>%1 characters over the room's limit</source>
        <translation>%1 caracteres por encima del límite de la sala</translation>
    </message>
    <message>
        <source>Others who came or went: %1</source>
        <translation>Otras personas que llegaron o se fueron: %1</translation>
    </message>
    <message>
        <source>&amp;Tertulia</source>
        <translation>&amp;Tertulia</translation>
    </message>
    <message>
        <source>&amp;Join a room on this network…</source>
        <translation>&amp;Unirse a una sala de esta red…</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
</context>
<context>
    <name>ConversationTabs</name>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Only you and %1 see this conversation</source>
        <translation>Solo tú y %1 veis esta conversación</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sent at %1</source>
        <translation>Enviado a las %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>%1 (privately to %2)</source>
        <translation>%1 (en privado para %2)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir el enlace</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>Copiar la dirección del enlace</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Descargar %1</translation>
    </message>
    <message>
        <source>%1 · %2 · location data removed</source>
        <translation>%1 · %2 · sin datos de ubicación</translation>
    </message>
    <message>
        <source>Open %1 full size</source>
        <translation>Abrir %1 a tamaño completo</translation>
    </message>
    <message>
        <source>Stop sending this file</source>
        <translation>Dejar de enviar este archivo</translation>
    </message>
</context>
<context>
    <name>DesktopSession</name>
    <message>
        <source>Tertulia could not open a window for %1.</source>
        <translation>Tertulia no pudo abrir una ventana para %1.</translation>
    </message>
</context>
<context>
    <name>ErrorCode</name>
    <message>
        <source>That was not valid JSON.</source>
        <translation>Eso no era JSON válido.</translation>
    </message>
    <message>
        <source>Send a JSON object.</source>
        <translation>Envía un objeto JSON.</translation>
    </message>
    <message>
        <source>A field has the wrong type.</source>
        <translation>Un campo tiene un tipo equivocado.</translation>
    </message>
    <message>
        <source>The host does not know that kind of message.</source>
        <translation>El anfitrión no conoce ese tipo de mensaje.</translation>
    </message>
    <message>
        <source>Send JSON text frames, not binary ones.</source>
        <translation>Envía tramas de texto JSON, no binarias.</translation>
    </message>
    <message>
        <source>That name cannot be used: choose another.</source>
        <translation>Ese nombre no se puede usar: elige otro.</translation>
    </message>
    <message>
        <source>Someone in the room already has that name: choose another.</source>
        <translation>Alguien en la sala ya se llama así: elige otro nombre.</translation>
    </message>
    <message>
        <source>You cannot speak as someone else.</source>
        <translation>No puedes hablar como otra persona.</translation>
    </message>
    <message>
        <source>Say who you are first: send a name.</source>
        <translation>Primero di quién eres: envía un nombre.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>El mensaje está vacío.</translation>
    </message>
    <message>
        <source>That message is too long.</source>
        <translation>Ese mensaje es demasiado largo.</translation>
    </message>
    <message>
        <source>The message has characters that cannot be sent.</source>
        <translation>El mensaje tiene caracteres que no se pueden enviar.</translation>
    </message>
    <message>
        <source>The host could not store the message; it will be sent again.</source>
        <translation>El anfitrión no pudo guardar el mensaje; se enviará de nuevo.</translation>
    </message>
    <message>
        <source>Slow down: your messages wait their turn.</source>
        <translation>Más despacio: tus mensajes esperan su turno.</translation>
    </message>
    <message>
        <source>This room has a password: type it to join.</source>
        <translation>Esta sala tiene contraseña: escríbela para entrar.</translation>
    </message>
    <message>
        <source>That is not the room's password.</source>
        <translation>Esa no es la contraseña de la sala.</translation>
    </message>
    <message>
        <source>Too many wrong passwords from your address: wait before trying again.</source>
        <translation>Demasiadas contraseñas equivocadas desde tu dirección: espera antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>Nobody joined on this connection in time.</source>
        <translation>Nadie entró por esta conexión a tiempo.</translation>
    </message>
    <message>
        <source>The host removed you from the room.</source>
        <translation>El anfitrión te sacó de la sala.</translation>
    </message>
    <message>
        <source>The host has locked the room: nobody new can join now.</source>
        <translation>El anfitrión cerró la sala: ahora no puede entrar nadie nuevo.</translation>
    </message>
    <message>
        <source>That person is not in the room; the message was not sent.</source>
        <translation>Esa persona no está en la sala; el mensaje no se envió.</translation>
    </message>
    <message>
        <source>Your address stored too much lately: wait a little before sending more.</source>
        <translation>Tu dirección guardó demasiado últimamente: espera un poco antes de enviar más.</translation>
    </message>
    <message>
        <source>You opened the room again elsewhere; this one is no longer connected.</source>
        <translation>Abriste la sala otra vez en otro sitio; esta ya no está conectada.</translation>
    </message>
    <message>
        <source>The connection fell too far behind; catching up.</source>
        <translation>La conexión se quedó demasiado atrás; poniéndose al día.</translation>
    </message>
    <message>
        <source>The host ended the room.</source>
        <translation>El anfitrión terminó la sala.</translation>
    </message>
    <message>
        <source>The host is restarting; back in a moment.</source>
        <translation>El anfitrión se está reiniciando; vuelve en un momento.</translation>
    </message>
    <message>
        <source>The host has blocked this device from the room.</source>
        <translation>El anfitrión bloqueó este dispositivo en la sala.</translation>
    </message>
    <message>
        <source>The host could not read the history just now; scroll up to ask again.</source>
        <translation>El anfitrión no pudo leer el historial ahora; desplázate hacia arriba para pedirlo otra vez.</translation>
    </message>
    <message>
        <source>That file is larger than the host takes; nothing was stored.</source>
        <translation>Ese archivo es más grande de lo que acepta el anfitrión; no se guardó nada.</translation>
    </message>
    <message>
        <source>The host's disk has no room for that file; nothing was stored.</source>
        <translation>El disco del anfitrión no tiene sitio para ese archivo; no se guardó nada.</translation>
    </message>
    <message>
        <source>That upload is no longer on the host; send the file again.</source>
        <translation>Esa subida ya no está en el anfitrión; envía el archivo otra vez.</translation>
    </message>
    <message>
        <source>The file arrived damaged; nothing was stored. Send it again.</source>
        <translation>El archivo llegó dañado; no se guardó nada. Vuelve a enviarlo.</translation>
    </message>
    <message>
        <source>That picture cannot be read, or is too large to show; nothing was stored.</source>
        <translation>Esa imagen no se puede leer o es demasiado grande para mostrarla; no se guardó nada.</translation>
    </message>
    <message>
        <source>You are sending as many files at once as the host allows; wait for one to finish.</source>
        <translation>Estás enviando tantos archivos a la vez como permite el anfitrión; espera a que termine uno.</translation>
    </message>
</context>
<context>
    <name>FileAttacher</name>
    <message>
        <source>Attach a file or a picture (or drop it here, or paste it)</source>
        <translation>Adjuntar un archivo o una imagen (o suéltalo aquí, o pégalo)</translation>
    </message>
    <message>
        <source>Attach a file or a picture</source>
        <translation>Adjuntar un archivo o una imagen</translation>
    </message>
    <message>
        <source>%1 is sending %2 — %3%</source>
        <translation>%1 está enviando %2 — %3%</translation>
    </message>
    <message>
        <source>Send files to the room</source>
        <translation>Enviar archivos a la sala</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 this room takes; it was not sent.</source>
        <translation>%1 es más grande que los %2 que acepta esta sala; no se envió.</translation>
    </message>
    <message>
        <source>you stopped it</source>
        <translation>lo detuviste</translation>
    </message>
    <message>
        <source>waiting to be processed: number %1 in line</source>
        <translation>esperando a ser procesada: número %1 en la cola</translation>
    </message>
    <message>
        <source>processing the picture…</source>
        <translation>procesando la imagen…</translation>
    </message>
</context>
<context>
    <name>FileSender</name>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 está vacío.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
</context>
<context>
    <name>FileStore</name>
    <message>
        <source>Cannot create the files directory %1.</source>
        <translation>No se puede crear la carpeta de archivos %1.</translation>
    </message>
</context>
<context>
    <name>FileUploads</name>
    <message>
        <source>Cannot keep track of uploads in %1.</source>
        <translation>No se pueden anotar las subidas en %1.</translation>
    </message>
    <message>
        <source>Files can be at most %1 MB here; nothing was stored.</source>
        <translation>Aquí los archivos pueden tener como mucho %1 MB; no se guardó nada.</translation>
    </message>
    <message>
        <source>The host's disk has no room for %1 MB more; nothing was stored.</source>
        <translation>El disco del anfitrión no tiene sitio para %1 MB más; no se guardó nada.</translation>
    </message>
    <message>
        <source>You are sending %1 files already; wait for one to finish.</source>
        <translation>Ya estás enviando %1 archivos; espera a que termine uno.</translation>
    </message>
    <message>
        <source>That upload is no longer on the host; send the file again.</source>
        <translation>Esa subida ya no está en el anfitrión; envía el archivo otra vez.</translation>
    </message>
    <message>
        <source>A piece of a file arrived for no upload of yours.</source>
        <translation>Llegó un trozo de archivo que no es de ninguna subida tuya.</translation>
    </message>
    <message>
        <source>More bytes arrived than the file offered has; nothing was stored.</source>
        <translation>Llegaron más bytes de los que tiene el archivo ofrecido; no se guardó nada.</translation>
    </message>
    <message>
        <source>The host could not store your file; nothing was stored.</source>
        <translation>El anfitrión no pudo guardar tu archivo; no se guardó nada.</translation>
    </message>
    <message>
        <source>The host could not read your file back; nothing was stored.</source>
        <translation>El anfitrión no pudo volver a leer tu archivo; no se guardó nada.</translation>
    </message>
    <message>
        <source>The file arrived damaged (its SHA-256 differs); nothing was stored. Send it again.</source>
        <translation>El archivo llegó dañado (su SHA-256 no coincide); no se guardó nada. Envíalo otra vez.</translation>
    </message>
    <message>
        <source>That picture cannot be read, or is larger than the host shows (64 megapixels); nothing was stored.</source>
        <translation>Esa imagen no se puede leer o es más grande de lo que el anfitrión muestra (64 megapíxeles); no se guardó nada.</translation>
    </message>
    <message>
        <source>Your files on their way would pass %1 MB together; wait for one to finish.</source>
        <translation>Tus archivos en camino pasarían de %1 MB juntos; espera a que termine uno.</translation>
    </message>
    <message>
        <source>The host is receiving as much as it takes at once; wait a little and send it again.</source>
        <translation>El anfitrión ya recibe todo lo que admite a la vez; espera un poco y vuelve a enviarlo.</translation>
    </message>
</context>
<context>
    <name>HostLauncher</name>
    <message>
        <source>Choose another port with --port N, or --port 0 for any free one.</source>
        <translation>Elige otro puerto con --port N, o --port 0 para uno libre cualquiera.</translation>
    </message>
    <message>
        <source>The host ended the room.</source>
        <translation>El anfitrión terminó la sala.</translation>
    </message>
    <message>
        <source>%1 is not an address of this computer. Leave --bind out to listen on all of them, or use one of: %2.</source>
        <translation>%1 no es una dirección de este equipo. Quita --bind para escuchar en todas, o usa una de: %2.</translation>
    </message>
    <message>
        <source>See %1 --help.</source>
        <translation>Consulta %1 --help.</translation>
    </message>
    <message>
        <source>%1 needs a value, and "%2" is another option: give the value right after %1 (or write %1=%2 if that is the value).</source>
        <translation>%1 necesita un valor, y «%2» es otra opción: escribe el valor justo después de %1 (o %1=%2 si ese es el valor).</translation>
    </message>
</context>
<context>
    <name>HostOptions</name>
    <message>
        <source>Port for the page and the chat (0 picks a free one; default %1).</source>
        <translation>Puerto de la página y del chat (0 elige uno libre; por omisión %1).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Address to listen on (default: every interface).</source>
        <translation>Dirección en la que escuchar (por omisión: todas las interfaces).</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>DIRECCIÓN</translation>
    </message>
    <message>
        <source>Invalid port "%1": use a number from 0 to 65535.</source>
        <translation>Puerto no válido «%1»: usa un número de 0 a 65535.</translation>
    </message>
    <message>
        <source>Invalid address "%1": use an IP address such as 0.0.0.0 or 192.168.1.20.</source>
        <translation>Dirección no válida «%1»: usa una dirección IP como 0.0.0.0 o 192.168.1.20.</translation>
    </message>
    <message>
        <source>Where the room's history is kept (default: %1).</source>
        <translation>Dónde se guarda el historial de la sala (por omisión: %1).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>CARPETA</translation>
    </message>
    <message>
        <source>How much history to keep: all (default), a number of messages, or of days such as 30d.</source>
        <translation>Cuánto historial guardar: all (todo, por omisión), un número de mensajes, o de días como 30d.</translation>
    </message>
    <message>
        <source>POLICY</source>
        <translation>POLÍTICA</translation>
    </message>
    <message>
        <source>How many earlier messages a newcomer sees (default %1, at most %2).</source>
        <translation>Cuántos mensajes anteriores ve quien llega (por omisión %1, como mucho %2).</translation>
    </message>
    <message>
        <source>Invalid backlog "%1": use a number from 0 to %2.</source>
        <translation>Cantidad no válida «%1»: usa un número de 0 a %2.</translation>
    </message>
    <message>
        <source>Messages a second one connection may send (default %1).</source>
        <translation>Mensajes por segundo que puede enviar una conexión (por omisión %1).</translation>
    </message>
    <message>
        <source>Messages one connection may send at once (default %1).</source>
        <translation>Mensajes que una conexión puede enviar de golpe (por omisión %1).</translation>
    </message>
    <message>
        <source>Connections in all (default %1).</source>
        <translation>Conexiones en total (por omisión %1).</translation>
    </message>
    <message>
        <source>Connections from one address (default %1).</source>
        <translation>Conexiones desde una misma dirección (por omisión %1).</translation>
    </message>
    <message>
        <source>Largest WebSocket message, in bytes (default %1).</source>
        <translation>Mensaje WebSocket más grande, en bytes (por omisión %1).</translation>
    </message>
    <message>
        <source>Longest chat message, in characters (default %1).</source>
        <translation>Mensaje de chat más largo, en caracteres (por omisión %1).</translation>
    </message>
    <message>
        <source>Longest name, in characters (default %1).</source>
        <translation>Nombre más largo, en caracteres (por omisión %1).</translation>
    </message>
    <message>
        <source>Milliseconds of silence before a peer counts as dead (default %1).</source>
        <translation>Milisegundos de silencio antes de dar por muerta una conexión (por omisión %1).</translation>
    </message>
    <message>
        <source>Bytes waiting for one slow reader before it is dropped (default %1).</source>
        <translation>Bytes pendientes para un lector lento antes de desconectarlo (por omisión %1).</translation>
    </message>
    <message>
        <source>Also let pages from ORIGIN (e.g. https://chat.example) join; repeatable.</source>
        <translation>Permitir también páginas de ORIGEN (p. ej. https://chat.example); repetible.</translation>
    </message>
    <message>
        <source>ORIGIN</source>
        <translation>ORIGEN</translation>
    </message>
    <message>
        <source>Ask everyone who joins for this password (better: the TERTULIA_PASSWORD environment variable, which ps does not show).</source>
        <translation>Pedir esta contraseña a quien se una (mejor: la variable de entorno TERTULIA_PASSWORD, que ps no muestra).</translation>
    </message>
    <message>
        <source>PASSWORD</source>
        <translation>CONTRASEÑA</translation>
    </message>
    <message>
        <source>Serve HTTPS and WSS with this PEM certificate (with --key).</source>
        <translation>Servir HTTPS y WSS con este certificado PEM (con --key).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>The certificate's private key, PEM, unencrypted.</source>
        <translation>La clave privada del certificado, PEM, sin cifrar.</translation>
    </message>
    <message>
        <source>Invalid --%1 "%2": use a number from %3 to %4.</source>
        <translation>Valor no válido para --%1 «%2»: usa un número de %3 a %4.</translation>
    </message>
    <message>
        <source>TLS needs both --cert FILE and --key FILE.</source>
        <translation>TLS necesita --cert ARCHIVO y --key ARCHIVO.</translation>
    </message>
    <message>
        <source>Language of the interface: en, es or pt_BR (default: the system's).</source>
        <translation>Idioma de la interfaz: en, es o pt_BR (por omisión: el del sistema).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <source>Largest the history may grow on disk, in bytes; the oldest messages go first (default %1).</source>
        <translation>Tamaño máximo del historial en disco, en bytes; se borran primero los mensajes más antiguos (por omisión %1).</translation>
    </message>
    <message>
        <source>Bytes of messages one address may store a second, with 128 seconds' worth at once (default %1).</source>
        <translation>Bytes de mensajes que una dirección puede guardar por segundo, con lo de 128 segundos de una vez (por omisión %1).</translation>
    </message>
    <message>
        <source>Unknown language "%1": use one of %2.</source>
        <translation>Idioma desconocido «%1»: usa uno de %2.</translation>
    </message>
    <message>
        <source>Also log each join and leave and the native client's states (the tertulia.* logging categories at debug level).</source>
        <translation>Registrar también cada entrada y salida y los estados del cliente nativo (las categorías de registro tertulia.* a nivel debug).</translation>
    </message>
    <message>
        <source>Largest file a member may send, in bytes; 0 takes no files (default %1).</source>
        <translation>Archivo más grande que un miembro puede enviar, en bytes; 0 no acepta archivos (por defecto %1).</translation>
    </message>
    <message>
        <source>Bytes of files the room keeps in all; the oldest files go first, with their messages (default %1).</source>
        <translation>Bytes de archivos que la sala guarda en total; los más antiguos se van primero, con sus mensajes (por defecto %1).</translation>
    </message>
    <message>
        <source>Bytes a second one member may upload; 0 for no limit (default %1).</source>
        <translation>Bytes por segundo que un miembro puede subir; 0 sin límite (por defecto %1).</translation>
    </message>
    <message>
        <source>Share the room with other hosts through Redis at URL (redis://HOST:PORT or unix:///PATH): one room behind a load balancer.</source>
        <translation>Comparte la sala con otros anfitriones mediante Redis en URL (redis://HOST:PUERTO o unix:///RUTA): una sala detrás de un balanceador de carga.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Announce the room on the local network, so Tertulia's "Join a room on this network" and service browsers list it (default for tertulia).</source>
        <translation>Anunciar la sala en la red local, para que «Unirse a una sala de esta red» de Tertulia y los exploradores de servicios la muestren (por omisión en tertulia).</translation>
    </message>
    <message>
        <source>Do not announce the room on the local network (default for tertulia-server).</source>
        <translation>No anunciar la sala en la red local (por omisión en tertulia-server).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>Choose one of --announce and --no-announce.</source>
        <translation>Elige entre --announce y --no-announce.</translation>
    </message>
    <message>
        <source>Tertulia room</source>
        <translation>Sala de Tertulia</translation>
    </message>
    <message>
        <source>%1's room</source>
        <translation>Sala de %1</translation>
    </message>
    <message>
        <source>Bytes that must stay free on the history's disk; below, messages are refused, and files below twice that (default %1).</source>
        <translation>Bytes que deben quedar libres en el disco del historial; por debajo se rechazan los mensajes, y los archivos por debajo del doble (por omisión %1).</translation>
    </message>
    <message>
        <source>The name the room is announced under (or the TERTULIA_ROOM_NAME environment variable; by default it is named after you, as in "%1").</source>
        <translation>El nombre con el que se anuncia la sala (o la variable de entorno TERTULIA_ROOM_NAME; por omisión lleva tu nombre, como en «%1»).</translation>
    </message>
</context>
<context>
    <name>InviteButton</name>
    <message>
        <source>Invite…</source>
        <translation>Invitar…</translation>
    </message>
    <message>
        <source>Every address of the room, with a QR code for phones</source>
        <translation>Todas las direcciones de la sala, con un código QR para móviles</translation>
    </message>
</context>
<context>
    <name>JoinAddress</name>
    <message>
        <source>Invalid address "%1": use the address the host shows, like http://192.168.1.20:8080/.</source>
        <translation>Dirección no válida «%1»: usa la que muestra el anfitrión, como http://192.168.1.20:8080/.</translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join a room on this network</source>
        <translation>Unirse a una sala de esta red</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Anfitrión</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Or type the address the host shows: http://192.168.1.20:8080/</source>
        <translation>O escribe la dirección que muestra el anfitrión: http://192.168.1.20:8080/</translation>
    </message>
    <message>
        <source>Anyone on this network can announce a room under any name: join the ones you expect. Nothing is sent to a room until you join it.</source>
        <translation>Cualquiera en esta red puede anunciar una sala con cualquier nombre: únete a las que esperas. No se envía nada a una sala hasta que te unes.</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>🚫 locked</source>
        <translation>🚫 cerrada</translation>
    </message>
    <message>
        <source>🔑 password</source>
        <translation>🔑 contraseña</translation>
    </message>
    <message>
        <source>🔒 encrypted</source>
        <translation>🔒 cifrada</translation>
    </message>
    <message>
        <source>No room has announced itself on this network yet; this list fills in as rooms start.</source>
        <translation>Ninguna sala se ha anunciado todavía en esta red; la lista se llena a medida que empiezan.</translation>
    </message>
    <message>
        <source>Tertulia's own announcements cannot be heard here: %1</source>
        <translation>Aquí no se pueden oír los anuncios propios de Tertulia: %1</translation>
    </message>
    <message>
        <source>Avahi is not running, so only Tertulia's own announcements are heard (%1).</source>
        <translation>Avahi no está en marcha, así que solo se oyen los anuncios propios de Tertulia (%1).</translation>
    </message>
    <message>
        <source>yours, open in this window</source>
        <translation>la tuya, abierta en esta ventana</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>you</source>
        <translation>tú</translation>
    </message>
    <message>
        <source>host</source>
        <translation>anfitrión</translation>
    </message>
    <message>
        <source>away</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Here since %1</source>
        <translation>Aquí desde las %1</translation>
    </message>
</context>
<context>
    <name>MemberPane</name>
    <message>
        <source>Find someone</source>
        <translation>Buscar a alguien</translation>
    </message>
    <message>
        <source>People in the room</source>
        <translation>Personas en la sala</translation>
    </message>
    <message>
        <source>In the room (%1)</source>
        <translation>En la sala (%1)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>no enviado</translation>
    </message>
    <message>
        <source>to %1, privately</source>
        <translation>para %1, en privado</translation>
    </message>
</context>
<context>
    <name>MessageGrouping</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
</context>
<context>
    <name>MessageStore</name>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
    <message>
        <source>Cannot open the history database %1: %2</source>
        <translation>No se puede abrir la base de datos del historial %1: %2</translation>
    </message>
    <message>
        <source>Cannot use the history database %1</source>
        <translation>No se puede usar la base de datos del historial %1</translation>
    </message>
    <message>
        <source>Cannot read the history</source>
        <translation>No se puede leer el historial</translation>
    </message>
    <message>
        <source>Cannot store the message</source>
        <translation>No se puede guardar el mensaje</translation>
    </message>
    <message>
        <source>Cannot apply the history policy</source>
        <translation>No se puede aplicar la política de historial</translation>
    </message>
    <message>
        <source>Cannot apply the history's size limit</source>
        <translation>No se puede aplicar el límite de tamaño del historial</translation>
    </message>
    <message>
        <source>Cannot apply the limit on files</source>
        <translation>No se puede aplicar el límite de archivos</translation>
    </message>
    <message>
        <source>Cannot keep the message</source>
        <translation>No se puede conservar el mensaje</translation>
    </message>
    <message>
        <source>Cannot store messages together</source>
        <translation>No se pueden guardar los mensajes juntos</translation>
    </message>
    <message>
        <source>Cannot store the messages</source>
        <translation>No se pueden guardar los mensajes</translation>
    </message>
</context>
<context>
    <name>PasswordFile</name>
    <message>
        <source>Cannot read the room password in %1: %2</source>
        <translation>No se puede leer la contraseña de la sala en %1: %2</translation>
    </message>
    <message>
        <source>The room password in %1 is damaged: set it again, or delete the file to open the room to everyone.</source>
        <translation>La contraseña de la sala en %1 está dañada: ponla de nuevo, o borra el archivo para abrir la sala a todos.</translation>
    </message>
    <message>
        <source>Cannot remove the room password file %1</source>
        <translation>No se puede borrar el archivo de contraseña de la sala %1</translation>
    </message>
    <message>
        <source>Cannot save the room password in %1: %2</source>
        <translation>No se puede guardar la contraseña de la sala en %1: %2</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>QR code of the address</source>
        <translation>Código QR de la dirección</translation>
    </message>
</context>
<context>
    <name>RedisAddress</name>
    <message>
        <source>%1 is not a Redis address: give redis://HOST:PORT or unix:///PATH.</source>
        <translation>%1 no es una dirección de Redis: indica redis://HOST:PUERTO o unix:///RUTA.</translation>
    </message>
</context>
<context>
    <name>RedisLink</name>
    <message>
        <source>Redis at %1: %2</source>
        <translation>Redis en %1: %2</translation>
    </message>
</context>
<context>
    <name>RetentionPolicy</name>
    <message>
        <source>Invalid history policy "%1": use all, a number of messages (1000) or of days (30d).</source>
        <translation>Política de historial no válida «%1»: usa all, un número de mensajes (1000) o de días (30d).</translation>
    </message>
</context>
<context>
    <name>RoomAnnouncement</name>
    <message>
        <source>its id is not 8 to 64 letters or digits</source>
        <translation>su id no tiene de 8 a 64 letras o cifras</translation>
    </message>
    <message>
        <source>its protocol version is not a number</source>
        <translation>su versión del protocolo no es un número</translation>
    </message>
    <message>
        <source>its program version is not one</source>
        <translation>su versión del programa no es válida</translation>
    </message>
    <message>
        <source>its room name is empty, too long or has hidden characters</source>
        <translation>el nombre de su sala está vacío, es demasiado largo o tiene caracteres ocultos</translation>
    </message>
    <message>
        <source>its host name is too long or has hidden characters</source>
        <translation>el nombre de su equipo es demasiado largo o tiene caracteres ocultos</translation>
    </message>
    <message>
        <source>it names no port</source>
        <translation>no indica ningún puerto</translation>
    </message>
    <message>
        <source>its member count is out of range</source>
        <translation>su número de miembros está fuera de rango</translation>
    </message>
    <message>
        <source>its certificate fingerprint is not one</source>
        <translation>su huella de certificado no es válida</translation>
    </message>
    <message>
        <source>Invalid room name "%1": use 1 to %2 characters that can be seen, with no space at either end.</source>
        <translation>Nombre de sala no válido «%1»: usa de 1 a %2 caracteres visibles, sin espacios al principio ni al final.</translation>
    </message>
</context>
<context>
    <name>RoomControls</name>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Sala</translation>
    </message>
    <message>
        <source>Lock the room to newcomers</source>
        <translation>Cerrar la sala a recién llegados</translation>
    </message>
    <message>
        <source>Set room password…</source>
        <translation>Poner contraseña a la sala…</translation>
    </message>
    <message>
        <source>Remove the room password</source>
        <translation>Quitar la contraseña de la sala</translation>
    </message>
    <message>
        <source>Blocked devices</source>
        <translation>Dispositivos bloqueados</translation>
    </message>
    <message>
        <source>Change the room password…</source>
        <translation>Cambiar la contraseña de la sala…</translation>
    </message>
    <message>
        <source>Set a room password…</source>
        <translation>Poner una contraseña a la sala…</translation>
    </message>
    <message>
        <source>Let %1 in again</source>
        <translation>Dejar entrar de nuevo a %1</translation>
    </message>
    <message>
        <source>Wrong room password from %1 (%2 in a row)</source>
        <translation>Contraseña de la sala equivocada desde %1 (%2 seguidas)</translation>
    </message>
    <message>
        <source>Remove %1 from the room</source>
        <translation>Sacar a %1 de la sala</translation>
    </message>
    <message>
        <source>Remove %1 and block their device</source>
        <translation>Sacar a %1 y bloquear su dispositivo</translation>
    </message>
    <message>
        <source>Room password</source>
        <translation>Contraseña de la sala</translation>
    </message>
    <message>
        <source>People who join from now on must give this password; it stays set when the room restarts.
Leave it empty to let anyone on the network join.</source>
        <translation>Quien entre a partir de ahora tendrá que dar esta contraseña; se mantiene cuando la sala se reinicia.
Déjala vacía para que cualquiera en la red pueda entrar.</translation>
    </message>
    <message>
        <source>End the room?</source>
        <translation>¿Cerrar la sala?</translation>
    </message>
    <message>
        <source>This window hosts the room: people on the network are chatting in it.
Keep it open in the tray, or end it for everyone?</source>
        <translation>Esta ventana aloja la sala: hay gente de la red charlando en ella.
¿La mantienes abierta en la bandeja o la cierras para todos?</translation>
    </message>
    <message>
        <source>Keep it open in the tray</source>
        <translation>Mantenerla abierta en la bandeja</translation>
    </message>
    <message>
        <source>End the room for everyone</source>
        <translation>Cerrar la sala para todos</translation>
    </message>
    <message>
        <source>The room is still open</source>
        <translation>La sala sigue abierta</translation>
    </message>
    <message>
        <source>Tertulia keeps hosting from the tray. Click the icon to open the window.</source>
        <translation>Tertulia sigue alojando la sala desde la bandeja. Pulsa el icono para abrir la ventana.</translation>
    </message>
    <message>
        <source>Nobody else is here yet. Share the address above — Invite… shows every address, with a QR code for phones.</source>
        <translation>Todavía no hay nadie más. Comparte la dirección de arriba; Invitar… muestra todas, con un código QR para móviles.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Password required</source>
        <translation>Con contraseña</translation>
    </message>
    <message>
        <source>Encrypted (HTTPS)</source>
        <translation>Cifrada (HTTPS)</translation>
    </message>
    <message>
        <source>End the room for everyone…</source>
        <translation>Cerrar la sala para todos…</translation>
    </message>
    <message>
        <source>Everyone in the room is told it has ended and can no longer chat in it. What was said stays in this computer's history.</source>
        <translation>A todos los de la sala se les dice que se ha cerrado y ya no pueden charlar en ella. Lo dicho se queda en el historial de este ordenador.</translation>
    </message>
    <message>
        <source>This window hosts the room: people on the network are chatting in it.
Closing it ends the room for everyone.</source>
        <translation>Esta ventana aloja la sala: hay gente de la red charlando en ella.
Cerrarla cierra la sala para todos.</translation>
    </message>
</context>
<context>
    <name>RoomTray</name>
    <message>
        <source>Open Tertulia</source>
        <translation>Abrir Tertulia</translation>
    </message>
    <message>
        <source>Tertulia</source>
        <translation>Tertulia</translation>
    </message>
    <message>
        <source>Tertulia — %1 unread</source>
        <translation>Tertulia: %1 sin leer</translation>
    </message>
    <message>
        <source>%1 wrote to you privately</source>
        <translation>%1 te escribió en privado</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 te mencionó</translation>
    </message>
</context>
<context>
    <name>ShareBar</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the address to the clipboard</source>
        <translation>Copiar la dirección al portapapeles</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Sala:</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256): %1</source>
        <translation>Huella del certificado (SHA-256): %1</translation>
    </message>
    <message>
        <source>Open in a browser to join:</source>
        <translation>Para entrar, abre en un navegador:</translation>
    </message>
</context>
<context>
    <name>SharePanel</name>
    <message>
        <source>Addresses to share</source>
        <translation>Direcciones para compartir</translation>
    </message>
    <message>
        <source>Invite people — open one of these in a browser:</source>
        <translation>Invita a otros: que abran una de estas en un navegador:</translation>
    </message>
    <message>
        <source>Only this computer can open these addresses: it is not connected to a network, or the room listens on a loopback address only. Connect to Wi-Fi or a cable, or start without --bind 127.0.0.1.</source>
        <translation>Solo este ordenador puede abrir estas direcciones: no está conectado a ninguna red, o la sala solo escucha en una dirección local. Conéctate a la wifi o a un cable, o arranca sin --bind 127.0.0.1.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copiar %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Opened on 1 device</source>
        <translation>Abierta en 1 dispositivo</translation>
    </message>
    <message>
        <source>Opened on %1 devices</source>
        <translation>Abierta en %1 dispositivos</translation>
    </message>
    <message>
        <source>In the room: %1</source>
        <translation>En la sala: %1</translation>
    </message>
</context>
<context>
    <name>StartProblemDialog</name>
    <message>
        <source>The room could not start</source>
        <translation>La sala no pudo empezar</translation>
    </message>
    <message>
        <source>Another program, or another Tertulia, is using that port.</source>
        <translation>Otro programa, u otro Tertulia, está usando ese puerto.</translation>
    </message>
    <message>
        <source>Use any free port</source>
        <translation>Usar cualquier puerto libre</translation>
    </message>
    <message>
        <source>This computer does not have that address (any more).</source>
        <translation>Este equipo no tiene esa dirección (o ya no la tiene).</translation>
    </message>
    <message>
        <source>Listen on every address</source>
        <translation>Escuchar en todas las direcciones</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>StopBar</name>
    <message>
        <source>Why you are not in the room</source>
        <translation>Por qué no estás en la sala</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose another name…</source>
        <translation>Elegir otro nombre…</translation>
    </message>
    <message>
        <source>Type the password…</source>
        <translation>Escribir la contraseña…</translation>
    </message>
    <message>
        <source>Choose another name</source>
        <translation>Elige otro nombre</translation>
    </message>
    <message>
        <source>%1
What name should others see?</source>
        <translation>%1
¿Qué nombre deben ver los demás?</translation>
    </message>
    <message>
        <source>Room password</source>
        <translation>Contraseña de la sala</translation>
    </message>
    <message>
        <source>%1
Password:</source>
        <translation>%1
Contraseña:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Hosts a Tertulia chat room: a page for browsers and a chat socket, headless.</source>
        <translation>Abre una sala de Tertulia sin ventana: una página para navegadores y un socket de chat.</translation>
    </message>
    <message>
        <source>Hosts a chat room that anyone on the network can join from a browser, and chats in it from this window.</source>
        <translation>Abre una sala de chat a la que cualquiera en la red puede unirse desde un navegador, y chatea en ella desde esta ventana.</translation>
    </message>
    <message>
        <source>Join the room at URL instead of hosting one (http://HOST:PORT/).</source>
        <translation>Unirse a la sala de URL en lugar de abrir una (http://EQUIPO:PUERTO/).</translation>
    </message>
    <message>
        <source>Your name in the room.</source>
        <translation>Tu nombre en la sala.</translation>
    </message>
    <message>
        <source>No display found: the chat window needs one to join a room.</source>
        <translation>No hay pantalla: la ventana de chat necesita una para unirse a una sala.</translation>
    </message>
    <message>
        <source>No display found: hosting without a window (tertulia-server does the same).</source>
        <translation>No hay pantalla: se abre la sala sin ventana (igual que tertulia-server).</translation>
    </message>
    <message>
        <source>With --join to an HTTPS host whose certificate is self-signed: its SHA-256 fingerprint, as the host shows it.</source>
        <translation>Con --join a un anfitrión HTTPS con certificado autofirmado: su huella SHA-256, tal como la muestra el anfitrión.</translation>
    </message>
    <message>
        <source>Show the rooms announced on this network and join the one chosen, instead of hosting one.</source>
        <translation>Mostrar las salas anunciadas en esta red y unirse a la elegida, en lugar de abrir una.</translation>
    </message>
</context>
</TS>