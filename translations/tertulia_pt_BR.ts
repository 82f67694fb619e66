<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
<context>
    <name>AvahiBrowser</name>
    <message>
        <source>no system bus</source>
        <translation>não há barramento do sistema</translation>
    </message>
    <message>
        <source>Avahi stopped</source>
        <translation>o Avahi parou</translation>
    </message>
</context>
<context>
    <name>BeaconMessage</name>
    <message>
        <source>larger than a beacon may be</source>
        <translation>maior do que um sinal pode ser</translation>
    </message>
    <message>
        <source>not a Tertulia beacon</source>
        <translation>não é um sinal do Tertulia</translation>
    </message>
    <message>
        <source>a goodbye that names no room</source>
        <translation>uma despedida que não nomeia nenhuma sala</translation>
    </message>
    <message>
        <source>of a kind this version does not know</source>
        <translation>de um tipo que esta versão não conhece</translation>
    </message>
</context>
<context>
    <name>ChatConnection</name>
    <message>
        <source>The host's certificate is not trusted (%1). Ask the host for its fingerprint and join with --fingerprint.</source>
        <translation>O certificado do anfitrião não é confiável (%1). Peça ao anfitrião a impressão digital e entre com --fingerprint.</translation>
    </message>
</context>
<context>
    <name>ChatHost</name>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Não foi possível escutar em %1 porta %2: %3</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate %1 or key %2.</source>
        <translation>Não foi possível ler o certificado TLS %1 ou a chave %2.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 or key %2 is not a PEM certificate and unencrypted RSA or EC key.</source>
        <translation>O certificado TLS %1 ou a chave %2 não são um certificado PEM e uma chave RSA ou EC sem criptografia.</translation>
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
        <translation>%1 entrou</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 saiu</translation>
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
        <translation>Conexão perdida — reconectando…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;About Tertulia</source>
        <translation>&amp;Sobre o Tertulia</translation>
    </message>
    <message>
        <source>About Tertulia</source>
        <translation>Sobre o Tertulia</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tertulia %1&lt;/h3&gt;&lt;p&gt;Host a chat room from your desktop; anyone on the network joins from a browser.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tertulia %1&lt;/h3&gt;&lt;p&gt;Abra uma sala de chat no seu computador; qualquer pessoa na rede entra pelo navegador.&lt;/p&gt;&lt;p&gt;Feito com Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configurações</translation>
    </message>
    <message>
        <source>Let others see when I'm typing</source>
        <translation>Deixar que vejam quando digito</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está digitando…</translation>
    </message>
    <message>
        <source>%1 are typing…</source>
        <translation>%1 estão digitando…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Back to the room</source>
        <translation>Voltar para a sala</translation>
    </message>
    <message>
        <source>Write to everyone again (Esc)</source>
        <translation>Voltar a escrever para todos (Esc)</translation>
    </message>
    <message>
        <source>Write to %1 privately</source>
        <translation>Escrever em particular para %1</translation>
    </message>
    <message>
        <source>Writing privately to %1: only they will see it.</source>
        <translation>Escrevendo em particular para %1: só essa pessoa verá.</translation>
    </message>
    <message>
        <source>Private message to %1</source>
        <translation>Mensagem particular para %1</translation>
    </message>
    <message>
        <source>Not in the room</source>
        <translation>Fora da sala</translation>
    </message>
    <message>
        <source>Cannot reach %1 — retrying…</source>
        <translation>Não é possível alcançar %1; tentando de novo…</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2) — retrying…</source>
        <translation>Não é possível alcançar %1 (%2); tentando de novo…</translation>
    </message>
    <message>
        <source>Nobody has written anything yet. Say hello!</source>
        <translation>Ninguém escreveu nada ainda. Diga olá!</translation>
    </message>
    <message>
        <source>Write a message and press Enter (Shift+Enter: new line)</source>
        <translation>Escreva uma mensagem e tecle Enter (Shift+Enter: nova linha)</translation>
    </message>
    <message>
        <source>1 character over the room's limit</source>
        <translation>1 caractere acima do limite da sala</translation>
    </message>
    <message>
        <source>%1 characters over the room's limit</source>
        <translation>%1 caracteres acima do limite da sala</translation>
    </message>
    <message>
        <source>Others who came or went: %1</source>
        <translation>Outras pessoas que chegaram ou saíram: %1</translation>
    </message>
    <message>
        <source>&amp;Tertulia</source>
        <translation>&amp;Tertulia</translation>
    </message>
    <message>
        <source>&amp;Join a room on this network…</source>
        <translation>&amp;Entrar em uma sala desta rede…</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
</context>
<context>
    <name>ConversationTabs</name>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Only you and %1 see this conversation</source>
        <translation>Só você e %1 veem esta conversa</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sent at %1</source>
        <translation>Enviada às %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Não enviada: %1</translation>
    </message>
    <message>
        <source>%1 (privately to %2)</source>
        <translation>%1 (em particular para %2)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir o link</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>Copiar o endereço do link</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Baixar %1</translation>
    </message>
    <message>
        <source>%1 · %2 · location data removed</source>
        <translation>%1 · %2 · sem dados de localização</translation>
    </message>
    <message>
        <source>Open %1 full size</source>
        <translation>Abrir %1 em tamanho original</translation>
    </message>
    <message>
        <source>Stop sending this file</source>
        <translation>Parar de enviar este arquivo</translation>
    </message>
</context>
<context>
    <name>DesktopSession</name>
    <message>
        <source>Tertulia could not open a window for %1.</source>
        <translation>O Tertulia não conseguiu abrir uma janela para %1.</translation>
    </message>
</context>
<context>
    <name>ErrorCode</name>
    <message>
        <source>That was not valid JSON.</source>
        <translation>Isso não era um JSON válido.</translation>
    </message>
    <message>
        <source>Send a JSON object.</source>
        <translation>Envie um objeto JSON.</translation>
    </message>
    <message>
        <source>A field has the wrong type.</source>
        <translation>Um campo tem o tipo errado.</translation>
    </message>
    <message>
        <source>The host does not know that kind of message.</source>
        <translation>O anfitrião não conhece esse tipo de mensagem.</translation>
    </message>
    <message>
        <source>Send JSON text frames, not binary ones.</source>
        <translation>Envie quadros de texto JSON, não binários.</translation>
    </message>
    <message>
        <source>That name cannot be used: choose another.</source>
        <translation>Esse nome não pode ser usado: escolha outro.</translation>
    </message>
    <message>
        <source>Someone in the room already has that name: choose another.</source>
        <translation>Alguém na sala já usa esse nome: escolha outro.</translation>
    </message>
    <message>
        <source>You cannot speak as someone else.</source>
        <translation>Você não pode falar como outra pessoa.</translation>
    </message>
    <message>
        <source>Say who you are first: send a name.</source>
        <translation>Primeiro diga quem você é: envie um nome.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>A mensagem está vazia.</translation>
    </message>
    <message>
        <source>That message is too long.</source>
        <translation>Essa mensagem é longa demais.</translation>
    </message>
    <message>
        <source>The message has characters that cannot be sent.</source>
        <translation>A mensagem tem caracteres que não podem ser enviados.</translation>
    </message>
    <message>
        <source>The host could not store the message; it will be sent again.</source>
        <translation>O anfitrião não conseguiu guardar a mensagem; ela será enviada de novo.</translation>
    </message>
    <message>
        <source>Slow down: your messages wait their turn.</source>
        <translation>Mais devagar: suas mensagens esperam a vez.</translation>
    </message>
    <message>
        <source>This room has a password: type it to join.</source>
        <translation>Esta sala tem senha: digite-a para entrar.</translation>
    </message>
    <message>
        <source>That is not the room's password.</source>
        <translation>Essa não é a senha da sala.</translation>
    </message>
    <message>
        <source>Too many wrong passwords from your address: wait before trying again.</source>
        <translation>Senhas erradas demais do seu endereço: espere antes de tentar de novo.</translation>
    </message>
    <message>
        <source>Nobody joined on this connection in time.</source>
        <translation>Ninguém entrou por esta conexão a tempo.</translation>
    </message>
    <message>
        <source>The host removed you from the room.</source>
        <translation>O anfitrião tirou você da sala.</translation>
    </message>
    <message>
        <source>The host has locked the room: nobody new can join now.</source>
        <translation>O anfitrião trancou a sala: ninguém novo pode entrar agora.</translation>
    </message>
    <message>
        <source>That person is not in the room; the message was not sent.</source>
        <translation>Essa pessoa não está na sala; a mensagem não foi enviada.</translation>
    </message>
    <message>
        <source>Your address stored too much lately: wait a little before sending more.</source>
        <translation>Seu endereço guardou demais ultimamente: espere um pouco antes de enviar mais.</translation>
    </message>
    <message>
        <source>You opened the room again elsewhere; this one is no longer connected.</source>
        <translation>Você abriu a sala de novo em outro lugar; esta não está mais conectada.</translation>
    </message>
    <message>
        <source>The connection fell too far behind; catching up.</source>
        <translation>A conexão ficou para trás demais; atualizando.</translation>
    </message>
    <message>
        <source>The host ended the room.</source>
        <translation>O anfitrião encerrou a sala.</translation>
    </message>
    <message>
        <source>The host is restarting; back in a moment.</source>
        <translation>O anfitrião está reiniciando; volta em um instante.</translation>
    </message>
    <message>
        <source>The host has blocked this device from the room.</source>
        <translation>O anfitrião bloqueou este dispositivo na sala.</translation>
    </message>
    <message>
        <source>The host could not read the history just now; scroll up to ask again.</source>
        <translation>O anfitrião não conseguiu ler o histórico agora; role para cima para pedir de novo.</translation>
    </message>
    <message>
        <source>That file is larger than the host takes; nothing was stored.</source>
        <translation>Esse arquivo é maior do que o anfitrião aceita; nada foi guardado.</translation>
    </message>
    <message>
        <source>The host's disk has no room for that file; nothing was stored.</source>
        <translation>O disco do anfitrião não tem espaço para esse arquivo; nada foi guardado.</translation>
    </message>
    <message>
        <source>That upload is no longer on the host; send the file again.</source>
        <translation>Esse envio não está mais no anfitrião; envie o arquivo de novo.</translation>
    </message>
    <message>
        <source>The file arrived damaged; nothing was stored. Send it again.</source>
        <translation>O arquivo chegou danificado; nada foi guardado. Envie de novo.</translation>
    </message>
    <message>
        <source>That picture cannot be read, or is too large to show; nothing was stored.</source>
        <translation>Essa imagem não pode ser lida ou é grande demais para mostrar; nada foi guardado.</translation>
    </message>
    <message>
        <source>You are sending as many files at once as the host allows; wait for one to finish.</source>
        <translation>Você está enviando tantos arquivos de uma vez quanto o anfitrião permite; espere um terminar.</translation>
    </message>
</context>
<context>
    <name>FileAttacher</name>
    <message>
        <source>Attach a file or a picture (or drop it here, or paste it)</source>
        <translation>Anexar um arquivo ou uma imagem (ou solte aqui, ou cole)</translation>
    </message>
    <message>
        <source>Attach a file or a picture</source>
        <translation>Anexar um arquivo ou uma imagem</translation>
    </message>
    <message>
        <source>%1 is sending %2 — %3%</source>
        <translation>%1 está enviando %2 — %3%</translation>
    </message>
    <message>
        <source>Send files to the room</source>
        <translation>Enviar arquivos para a sala</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 this room takes; it was not sent.</source>
        <translation>%1 é maior que os %2 que esta sala aceita; não foi enviado.</translation>
    </message>
    <message>
        <source>you stopped it</source>
        <translation>você o interrompeu</translation>
    </message>
    <message>
        <source>waiting to be processed: number %1 in line</source>
        <translation>aguardando processamento: número %1 na fila</translation>
    </message>
    <message>
        <source>processing the picture…</source>
        <translation>processando a imagem…</translation>
    </message>
</context>
<context>
    <name>FileSender</name>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 está vazio.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não é possível ler %1: %2</translation>
    </message>
</context>
<context>
    <name>FileStore</name>
    <message>
        <source>Cannot create the files directory %1.</source>
        <translation>Não é possível criar a pasta de arquivos %1.</translation>
    </message>
</context>
<context>
    <name>FileUploads</name>
    <message>
        <source>Cannot keep track of uploads in %1.</source>
        <translation>Não é possível registrar os envios em %1.</translation>
    </message>
    <message>
        <source>Files can be at most %1 MB here; nothing was stored.</source>
        <translation>Aqui os arquivos podem ter no máximo %1 MB; nada foi guardado.</translation>
    </message>
    <message>
        <source>The host's disk has no room for %1 MB more; nothing was stored.</source>
        <translation>O disco do anfitrião não tem espaço para mais %1 MB; nada foi guardado.</translation>
    </message>
    <message>
        <source>You are sending %1 files already; wait for one to finish.</source>
        <translation>Você já está enviando %1 arquivos; espere um terminar.</translation>
    </message>
    <message>
        <source>That upload is no longer on the host; send the file again.</source>
        <translation>Esse envio não está mais no anfitrião; envie o arquivo de novo.</translation>
    </message>
    <message>
        <source>A piece of a file arrived for no upload of yours.</source>
        <translation>Chegou um pedaço de arquivo que não é de nenhum envio seu.</translation>
    </message>
    <message>
        <source>More bytes arrived than the file offered has; nothing was stored.</source>
        <translation>Chegaram mais bytes do que o arquivo oferecido tem; nada foi guardado.</translation>
    </message>
    <message>
        <source>The host could not store your file; nothing was stored.</source>
        <translation>O anfitrião não conseguiu guardar seu arquivo; nada foi guardado.</translation>
    </message>
    <message>
        <source>The host could not read your file back; nothing was stored.</source>
        <translation>O anfitrião não conseguiu ler seu arquivo de volta; nada foi guardado.</translation>
    </message>
    <message>
        <source>The file arrived damaged (its SHA-256 differs); nothing was stored. Send it again.</source>
        <translation>O arquivo chegou danificado (o SHA-256 não confere); nada foi guardado. Envie de novo.</translation>
    </message>
    <message>
        <source>That picture cannot be read, or is larger than the host shows (64 megapixels); nothing was stored.</source>
        <translation>Essa imagem não pode ser lida ou é maior do que o anfitrião mostra (64 megapixels); nada foi guardado.</translation>
    </message>
    <message>
        <source>Your files on their way would pass %1 MB together; wait for one to finish.</source>
        <translation>Seus arquivos a caminho passariam de %1 MB juntos; espere um terminar.</translation>
    </message>
    <message>
        <source>The host is receiving as much as it takes at once; wait a little and send it again.</source>
        <translation>O anfitrião já está recebendo tudo o que aceita de uma vez; espere um pouco e envie de novo.</translation>
    </message>
</context>
<context>
    <name>HostLauncher</name>
    <message>
        <source>Choose another port with --port N, or --port 0 for any free one.</source>
        <translation>Escolha outra porta com --port N, ou --port 0 para qualquer uma livre.</translation>
    </message>
    <message>
        <source>The host ended the room.</source>
        <translation>O anfitrião encerrou a sala.</translation>
    </message>
    <message>
        <source>%1 is not an address of this computer. Leave --bind out to listen on all of them, or use one of: %2.</source>
        <translation>%1 não é um endereço deste computador. Tire --bind para escutar em todos, ou use um destes: %2.</translation>
    </message>
    <message>
        <source>See %1 --help.</source>
        <translation>Veja %1 --help.</translation>
    </message>
    <message>
        <source>%1 needs a value, and "%2" is another option: give the value right after %1 (or write %1=%2 if that is the value).</source>
        <translation>%1 precisa de um valor, e "%2" é outra opção: escreva o valor logo depois de %1 (ou %1=%2 se esse for o valor).</translation>
    </message>
</context>
<context>
    <name>HostOptions</name>
    <message>
        <source>Port for the page and the chat (0 picks a free one; default %1).</source>
        <translation>Porta da página e do chat (0 escolhe uma livre; padrão %1).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Address to listen on (default: every interface).</source>
        <translation>Endereço em que escutar (padrão: todas as interfaces).</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ENDEREÇO</translation>
    </message>
    <message>
        <source>Invalid port "%1": use a number from 0 to 65535.</source>
        <translation>Porta inválida "%1": use um número de 0 a 65535.</translation>
    </message>
    <message>
        <source>Invalid address "%1": use an IP address such as 0.0.0.0 or 192.168.1.20.</source>
        <translation>Endereço inválido "%1": use um endereço IP como 0.0.0.0 ou 192.168.1.20.</translation>
    </message>
    <message>
        <source>Where the room's history is kept (default: %1).</source>
        <translation>Onde o histórico da sala é guardado (padrão: %1).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>PASTA</translation>
    </message>
    <message>
        <source>How much history to keep: all (default), a number of messages, or of days such as 30d.</source>
        <translation>Quanto histórico manter: all (tudo, padrão), um número de mensagens, ou de dias como 30d.</translation>
    </message>
    <message>
        <source>POLICY</source>
        <translation>POLÍTICA</translation>
    </message>
    <message>
        <source>How many earlier messages a newcomer sees (default %1, at most %2).</source>
        <translation>Quantas mensagens anteriores quem chega vê (padrão %1, no máximo %2).</translation>
    </message>
    <message>
        <source>Invalid backlog "%1": use a number from 0 to %2.</source>
        <translation>Quantidade inválida "%1": use um número de 0 a %2.</translation>
    </message>
    <message>
        <source>Messages a second one connection may send (default %1).</source>
        <translation>Mensagens por segundo que uma conexão pode enviar (padrão %1).</translation>
    </message>
    <message>
        <source>Messages one connection may send at once (default %1).</source>
        <translation>Mensagens que uma conexão pode enviar de uma vez (padrão %1).</translation>
    </message>
    <message>
        <source>Connections in all (default %1).</source>
        <translation>Conexões no total (padrão %1).</translation>
    </message>
    <message>
        <source>Connections from one address (default %1).</source>
        <translation>Conexões de um mesmo endereço (padrão %1).</translation>
    </message>
    <message>
        <source>Largest WebSocket message, in bytes (default %1).</source>
        <translation>Maior mensagem WebSocket, em bytes (padrão %1).</translation>
    </message>
    <message>
        <source>Longest chat message, in characters (default %1).</source>
        <translation>Maior mensagem de chat, em caracteres (padrão %1).</translation>
    </message>
    <message>
        <source>Longest name, in characters (default %1).</source>
        <translation>Maior nome, em caracteres (padrão %1).</translation>
    </message>
    <message>
        <source>Milliseconds of silence before a peer counts as dead (default %1).</source>
        <translation>Milissegundos de silêncio antes de considerar uma conexão morta (padrão %1).</translation>
    </message>
    <message>
        <source>Bytes waiting for one slow reader before it is dropped (default %1).</source>
        <translation>Bytes pendentes para um leitor lento antes de desconectá-lo (padrão %1).</translation>
    </message>
    <message>
        <source>Also let pages from ORIGIN (e.g. https://chat.example) join; repeatable.</source>
        <translation>Permitir também páginas de ORIGEM (ex.: https://chat.example); repetível.</translation>
    </message>
    <message>
        <source>ORIGIN</source>
        <translation>ORIGEM</translation>
    </message>
    <message>
        <source>Ask everyone who joins for this password (better: the TERTULIA_PASSWORD environment variable, which ps does not show).</source>
        <translation>Pedir esta senha a quem entrar (melhor: a variável de ambiente TERTULIA_PASSWORD, que o ps não mostra).</translation>
    </message>
    <message>
        <source>PASSWORD</source>
        <translation>SENHA</translation>
    </message>
    <message>
        <source>Serve HTTPS and WSS with this PEM certificate (with --key).</source>
        <translation>Servir HTTPS e WSS com este certificado PEM (com --key).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARQUIVO</translation>
    </message>
    <message>
        <source>The certificate's private key, PEM, unencrypted.</source>
        <translation>A chave privada do certificado, PEM, sem criptografia.</translation>
    </message>
    <message>
        <source>Invalid --%1 "%2": use a number from %3 to %4.</source>
        <translation>Valor inválido para --%1 "%2": use um número de %3 a %4.</translation>
    </message>
    <message>
        <source>TLS needs both --cert FILE and --key FILE.</source>
        <translation>TLS precisa de --cert ARQUIVO e --key ARQUIVO.</translation>
    </message>
    <message>
        <source>Language of the interface: en, es or pt_BR (default: the system's).</source>
        <translation>Idioma da interface: en, es ou pt_BR (padrão: o do sistema).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <source>Largest the history may grow on disk, in bytes; the oldest messages go first (default %1).</source>
        <translation>Tamanho máximo do histórico em disco, em bytes; as mensagens mais antigas saem primeiro (padrão %1).</translation>
    </message>
    <message>
        <source>Bytes of messages one address may store a second, with 128 seconds' worth at once (default %1).</source>
        <translation>Bytes de mensagens que um endereço pode guardar por segundo, com o equivalente a 128 segundos de uma vez (padrão %1).</translation>
    </message>
    <message>
        <source>Unknown language "%1": use one of %2.</source>
        <translation>Idioma desconhecido "%1": use um destes: %2.</translation>
    </message>
    <message>
        <source>Also log each join and leave and the native client's states (the tertulia.* logging categories at debug level).</source>
        <translation>Registrar também cada entrada e saída e os estados do cliente nativo (as categorias de log tertulia.* em nível debug).</translation>
    </message>
    <message>
        <source>Largest file a member may send, in bytes; 0 takes no files (default %1).</source>
        <translation>Maior arquivo que um membro pode enviar, em bytes; 0 não aceita arquivos (padrão %1).</translation>
    </message>
    <message>
        <source>Bytes of files the room keeps in all; the oldest files go first, with their messages (default %1).</source>
        <translation>Bytes de arquivos que a sala guarda no total; os mais antigos saem primeiro, com suas mensagens (padrão %1).</translation>
    </message>
    <message>
        <source>Bytes a second one member may upload; 0 for no limit (default %1).</source>
        <translation>Bytes por segundo que um membro pode enviar; 0 sem limite (padrão %1).</translation>
    </message>
    <message>
        <source>Share the room with other hosts through Redis at URL (redis://HOST:PORT or unix:///PATH): one room behind a load balancer.</source>
        <translation>Compartilha a sala com outros anfitriões pelo Redis em URL (redis://HOST:PORTA ou unix:///CAMINHO): uma sala atrás de um balanceador de carga.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Announce the room on the local network, so Tertulia's "Join a room on this network" and service browsers list it (default for tertulia).</source>
        <translation>Anunciar a sala na rede local, para que "Entrar em uma sala desta rede" do Tertulia e os navegadores de serviços a mostrem (padrão no tertulia).</translation>
    </message>
    <message>
        <source>Do not announce the room on the local network (default for tertulia-server).</source>
        <translation>Não anunciar a sala na rede local (padrão no tertulia-server).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <source>Choose one of --announce and --no-announce.</source>
        <translation>Escolha entre --announce e --no-announce.</translation>
    </message>
    <message>
        <source>Tertulia room</source>
        <translation>Sala do Tertulia</translation>
    </message>
    <message>
        <source>%1's room</source>
        <translation>Sala de %1</translation>
    </message>
    <message>
        <source>Bytes that must stay free on the history's disk; below, messages are refused, and files below twice that (default %1).</source>
        <translation>Bytes que devem ficar livres no disco do histórico; abaixo disso, as mensagens são recusadas, e os arquivos abaixo do dobro (padrão %1).</translation>
    </message>
    <message>
        <source>The name the room is announced under (or the TERTULIA_ROOM_NAME environment variable; by default it is named after you, as in "%1").</source>
        <translation>O nome com que a sala é anunciada (ou a variável de ambiente TERTULIA_ROOM_NAME; por padrão leva o seu nome, como em "%1").</translation>
    </message>
</context>
<context>
    <name>InviteButton</name>
    <message>
        <source>Invite…</source>
        <translation>Convidar…</translation>
    </message>
    <message>
        <source>Every address of the room, with a QR code for phones</source>
        <translation>Todos os endereços da sala, com um código QR para celulares</translation>
    </message>
</context>
<context>
    <name>JoinAddress</name>
    <message>
        <source>Invalid address "%1": use the address the host shows, like http://192.168.1.20:8080/.</source>
        <translation>Endereço inválido "%1": use o endereço que o anfitrião mostra, como http://192.168.1.20:8080/.</translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join a room on this network</source>
        <translation>Entrar em uma sala desta rede</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Anfitrião</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membros</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Or type the address the host shows: http://192.168.1.20:8080/</source>
        <translation>Ou digite o endereço que o anfitrião mostra: http://192.168.1.20:8080/</translation>
    </message>
    <message>
        <source>Anyone on this network can announce a room under any name: join the ones you expect. Nothing is sent to a room until you join it.</source>
        <translation>Qualquer pessoa nesta rede pode anunciar uma sala com qualquer nome: entre nas que você espera. Nada é enviado a uma sala até você entrar.</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>🚫 locked</source>
        <translation>🚫 trancada</translation>
    </message>
    <message>
        <source>🔑 password</source>
        <translation>🔑 senha</translation>
    </message>
    <message>
        <source>🔒 encrypted</source>
        <translation>🔒 criptografada</translation>
    </message>
    <message>
        <source>No room has announced itself on this network yet; this list fills in as rooms start.</source>
        <translation>Nenhuma sala se anunciou nesta rede ainda; a lista se preenche conforme as salas começam.</translation>
    </message>
    <message>
        <source>Tertulia's own announcements cannot be heard here: %1</source>
        <translation>Os anúncios próprios do Tertulia não podem ser ouvidos aqui: %1</translation>
    </message>
    <message>
        <source>Avahi is not running, so only Tertulia's own announcements are heard (%1).</source>
        <translation>O Avahi não está em execução, então só os anúncios próprios do Tertulia são ouvidos (%1).</translation>
    </message>
    <message>
        <source>yours, open in this window</source>
        <translation>a sua, aberta nesta janela</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>you</source>
        <translation>você</translation>
    </message>
    <message>
        <source>host</source>
        <translation>anfitrião</translation>
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
        <translation>Aqui desde %1</translation>
    </message>
</context>
<context>
    <name>MemberPane</name>
    <message>
        <source>Find someone</source>
        <translation>Procurar alguém</translation>
    </message>
    <message>
        <source>People in the room</source>
        <translation>Pessoas na sala</translation>
    </message>
    <message>
        <source>In the room (%1)</source>
        <translation>Na sala (%1)</translation>
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
        <translation>não enviada</translation>
    </message>
    <message>
        <source>to %1, privately</source>
        <translation>para %1, em particular</translation>
    </message>
</context>
<context>
    <name>MessageGrouping</name>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
</context>
<context>
    <name>MessageStore</name>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>Não foi possível criar a pasta de dados %1.</translation>
    </message>
    <message>
        <source>Cannot open the history database %1: %2</source>
        <translation>Não foi possível abrir o banco de dados do histórico %1: %2</translation>
    </message>
    <message>
        <source>Cannot use the history database %1</source>
        <translation>Não foi possível usar o banco de dados do histórico %1</translation>
    </message>
    <message>
        <source>Cannot read the history</source>
        <translation>Não foi possível ler o histórico</translation>
    </message>
    <message>
        <source>Cannot store the message</source>
        <translation>Não foi possível guardar a mensagem</translation>
    </message>
    <message>
        <source>Cannot apply the history policy</source>
        <translation>Não foi possível aplicar a política de histórico</translation>
    </message>
    <message>
        <source>Cannot apply the history's size limit</source>
        <translation>Não é possível aplicar o limite de tamanho do histórico</translation>
    </message>
    <message>
        <source>Cannot apply the limit on files</source>
        <translation>Não é possível aplicar o limite de arquivos</translation>
    </message>
    <message>
        <source>Cannot keep the message</source>
        <translation>Não foi possível manter a mensagem</translation>
    </message>
    <message>
        <source>Cannot store messages together</source>
        <translation>Não é possível guardar as mensagens juntas</translation>
    </message>
    <message>
        <source>Cannot store the messages</source>
        <translation>Não é possível guardar as mensagens</translation>
    </message>
</context>
<context>
    <name>PasswordFile</name>
    <message>
        <source>Cannot read the room password in %1: %2</source>
        <translation>Não é possível ler a senha da sala em %1: %2</translation>
    </message>
    <message>
        <source>The room password in %1 is damaged: set it again, or delete the file to open the room to everyone.</source>
        <translation>A senha da sala em %1 está danificada: defina-a de novo, ou apague o arquivo para abrir a sala a todos.</translation>
    </message>
    <message>
        <source>Cannot remove the room password file %1</source>
        <translation>Não é possível apagar o arquivo de senha da sala %1</translation>
    </message>
    <message>
        <source>Cannot save the room password in %1: %2</source>
        <translation>Não é possível salvar a senha da sala em %1: %2</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>QR code of the address</source>
        <translation>Código QR do endereço</translation>
    </message>
</context>
<context>
    <name>RedisAddress</name>
    <message>
        <source>%1 is not a Redis address: give redis://HOST:PORT or unix:///PATH.</source>
        <translation>%1 não é um endereço do Redis: informe redis://HOST:PORTA ou unix:///CAMINHO.</translation>
    </message>
</context>
<context>
    <name>RedisLink</name>
    <message>
        <source>Redis at %1: %2</source>
        <translation>Redis em %1: %2</translation>
    </message>
</context>
<context>
    <name>RetentionPolicy</name>
    <message>
        <source>Invalid history policy "%1": use all, a number of messages (1000) or of days (30d).</source>
        <translation>Política de histórico inválida "%1": use all, um número de mensagens (1000) ou de dias (30d).</translation>
    </message>
</context>
<context>
    <name>RoomAnnouncement</name>
    <message>
        <source>its id is not 8 to 64 letters or digits</source>
        <translation>seu id não tem de 8 a 64 letras ou dígitos</translation>
    </message>
    <message>
        <source>its protocol version is not a number</source>
        <translation>sua versão do protocolo não é um número</translation>
    </message>
    <message>
        <source>its program version is not one</source>
        <translation>sua versão do programa não é válida</translation>
    </message>
    <message>
        <source>its room name is empty, too long or has hidden characters</source>
        <translation>o nome da sala está vazio, é longo demais ou tem caracteres ocultos</translation>
    </message>
    <message>
        <source>its host name is too long or has hidden characters</source>
        <translation>o nome do computador é longo demais ou tem caracteres ocultos</translation>
    </message>
    <message>
        <source>it names no port</source>
        <translation>não indica nenhuma porta</translation>
    </message>
    <message>
        <source>its member count is out of range</source>
        <translation>seu número de membros está fora do intervalo</translation>
    </message>
    <message>
        <source>its certificate fingerprint is not one</source>
        <translation>sua impressão digital de certificado não é válida</translation>
    </message>
    <message>
        <source>Invalid room name "%1": use 1 to %2 characters that can be seen, with no space at either end.</source>
        <translation>Nome de sala inválido "%1": use de 1 a %2 caracteres visíveis, sem espaço no início nem no fim.</translation>
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
        <translation>Fechar a sala para novos participantes</translation>
    </message>
    <message>
        <source>Set room password…</source>
        <translation>Definir senha da sala…</translation>
    </message>
    <message>
        <source>Remove the room password</source>
        <translation>Remover a senha da sala</translation>
    </message>
    <message>
        <source>Blocked devices</source>
        <translation>Dispositivos bloqueados</translation>
    </message>
    <message>
        <source>Change the room password…</source>
        <translation>Trocar a senha da sala…</translation>
    </message>
    <message>
        <source>Set a room password…</source>
        <translation>Definir uma senha para a sala…</translation>
    </message>
    <message>
        <source>Let %1 in again</source>
        <translation>Deixar %1 entrar de novo</translation>
    </message>
    <message>
        <source>Wrong room password from %1 (%2 in a row)</source>
        <translation>Senha da sala errada de %1 (%2 seguidas)</translation>
    </message>
    <message>
        <source>Remove %1 from the room</source>
        <translation>Remover %1 da sala</translation>
    </message>
    <message>
        <source>Remove %1 and block their device</source>
        <translation>Tirar %1 e bloquear o dispositivo</translation>
    </message>
    <message>
        <source>Room password</source>
        <translation>Senha da sala</translation>
    </message>
    <message>
        <source>People who join from now on must give this password; it stays set when the room restarts.
Leave it empty to let anyone on the network join.</source>
        <translation>Quem entrar a partir de agora terá de dar esta senha; ela continua valendo quando a sala reinicia.
Deixe vazia para que qualquer pessoa na rede possa entrar.</translation>
    </message>
    <message>
        <source>End the room?</source>
        <translation>Encerrar a sala?</translation>
    </message>
    <message>
        <source>This window hosts the room: people on the network are chatting in it.
Keep it open in the tray, or end it for everyone?</source>
        <translation>Esta janela hospeda a sala: há pessoas da rede conversando nela.
Mantê-la aberta na bandeja ou encerrá-la para todos?</translation>
    </message>
    <message>
        <source>Keep it open in the tray</source>
        <translation>Manter aberta na bandeja</translation>
    </message>
    <message>
        <source>End the room for everyone</source>
        <translation>Encerrar a sala para todos</translation>
    </message>
    <message>
        <source>The room is still open</source>
        <translation>A sala continua aberta</translation>
    </message>
    <message>
        <source>Tertulia keeps hosting from the tray. Click the icon to open the window.</source>
        <translation>O Tertulia continua hospedando pela bandeja. Clique no ícone para abrir a janela.</translation>
    </message>
    <message>
        <source>Nobody else is here yet. Share the address above — Invite… shows every address, with a QR code for phones.</source>
        <translation>Ainda não há mais ninguém. Compartilhe o endereço acima; Convidar… mostra todos, com um código QR para celulares.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Trancada</translation>
    </message>
    <message>
        <source>Password required</source>
        <translation>Com senha</translation>
    </message>
    <message>
        <source>Encrypted (HTTPS)</source>
        <translation>Criptografada (HTTPS)</translation>
    </message>
    <message>
        <source>End the room for everyone…</source>
        <translation>Encerrar a sala para todos…</translation>
    </message>
    <message>
        <source>Everyone in the room is told it has ended and can no longer chat in it. What was said stays in this computer's history.</source>
        <translation>Todos na sala são avisados de que ela foi encerrada e não podem mais conversar nela. O que foi dito fica no histórico deste computador.</translation>
    </message>
    <message>
        <source>This window hosts the room: people on the network are chatting in it.
Closing it ends the room for everyone.</source>
        <translation>Esta janela hospeda a sala: há pessoas da rede conversando nela.
Fechá-la encerra a sala para todos.</translation>
    </message>
</context>
<context>
    <name>RoomTray</name>
    <message>
        <source>Open Tertulia</source>
        <translation>Abrir o Tertulia</translation>
    </message>
    <message>
        <source>Tertulia</source>
        <translation>Tertulia</translation>
    </message>
    <message>
        <source>Tertulia — %1 unread</source>
        <translation>Tertulia — %1 não lidas</translation>
    </message>
    <message>
        <source>%1 wrote to you privately</source>
        <translation>%1 escreveu para você em particular</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 mencionou você</translation>
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
        <translation>Copiar o endereço para a área de transferência</translation>
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
        <translation>Impressão digital do certificado (SHA-256): %1</translation>
    </message>
    <message>
        <source>Open in a browser to join:</source>
        <translation>Para entrar, abra num navegador:</translation>
    </message>
</context>
<context>
    <name>SharePanel</name>
    <message>
        <source>Addresses to share</source>
        <translation>Endereços para compartilhar</translation>
    </message>
    <message>
        <source>Invite people — open one of these in a browser:</source>
        <translation>Convide pessoas — abram um destes em um navegador:</translation>
    </message>
    <message>
        <source>Only this computer can open these addresses: it is not connected to a network, or the room listens on a loopback address only. Connect to Wi-Fi or a cable, or start without --bind 127.0.0.1.</source>
        <translation>Só este computador consegue abrir estes endereços: ele não está conectado a uma rede, ou a sala escuta apenas em um endereço local. Conecte-se ao Wi-Fi ou a um cabo, ou inicie sem --bind 127.0.0.1.</translation>
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
        <translation>Aberta em 1 dispositivo</translation>
    </message>
    <message>
        <source>Opened on %1 devices</source>
        <translation>Aberta em %1 dispositivos</translation>
    </message>
    <message>
        <source>In the room: %1</source>
        <translation>Na sala: %1</translation>
    </message>
</context>
<context>
    <name>StartProblemDialog</name>
    <message>
        <source>The room could not start</source>
        <translation>A sala não pôde começar</translation>
    </message>
    <message>
        <source>Another program, or another Tertulia, is using that port.</source>
        <translation>Outro programa, ou outro Tertulia, está usando essa porta.</translation>
    </message>
    <message>
        <source>Use any free port</source>
        <translation>Usar qualquer porta livre</translation>
    </message>
    <message>
        <source>This computer does not have that address (any more).</source>
        <translation>Este computador não tem esse endereço (ou não tem mais).</translation>
    </message>
    <message>
        <source>Listen on every address</source>
        <translation>Escutar em todos os endereços</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
</context>
<context>
    <name>StopBar</name>
    <message>
        <source>Why you are not in the room</source>
        <translation>Por que você não está na sala</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose another name…</source>
        <translation>Escolher outro nome…</translation>
    </message>
    <message>
        <source>Type the password…</source>
        <translation>Digitar a senha…</translation>
    </message>
    <message>
        <source>Choose another name</source>
        <translation>Escolha outro nome</translation>
    </message>
    <message>
        <source>%1
What name should others see?</source>
        <translation>%1
Que nome os outros devem ver?</translation>
    </message>
    <message>
        <source>Room password</source>
        <translation>Senha da sala</translation>
    </message>
    <message>
        <source>%1
Password:</source>
        <translation>%1
Senha:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Hosts a Tertulia chat room: a page for browsers and a chat socket, headless.</source>
        <translation>Abre uma sala do Tertulia sem janela: uma página para navegadores e um socket de chat.</translation>
    </message>
    <message>
        <source>Hosts a chat room that anyone on the network can join from a browser, and chats in it from this window.</source>
        <translation>Abre uma sala de chat em que qualquer pessoa na rede pode entrar pelo navegador, e conversa nela por esta janela.</translation>
    </message>
    <message>
        <source>Join the room at URL instead of hosting one (http://HOST:PORT/).</source>
        <translation>Entrar na sala em URL em vez de abrir uma (http://HOST:PORTA/).</translation>
    </message>
    <message>
        <source>Your name in the room.</source>
        <translation>Seu nome na sala.</translation>
    </message>
    <message>
        <source>No display found: the chat window needs one to join a room.</source>
        <translation>Nenhuma tela encontrada: a janela de chat precisa de uma para entrar em uma sala.</translation>
    </message>
    <message>
        <source>No display found: hosting without a window (tertulia-server does the same).</source>
        <translation>Nenhuma tela encontrada: abrindo a sala sem janela (como o tertulia-server).</translation>
    </message>
    <message>
        <source>With --join to an HTTPS host whose certificate is self-signed: its SHA-256 fingerprint, as the host shows it.</source>
        <translation>Com --join a um anfitrião HTTPS com certificado autoassinado: sua impressão digital SHA-256, como o anfitrião a mostra.</translation>
    </message>
    <message>
        <source>Show the rooms announced on this network and join the one chosen, instead of hosting one.</source>
        <translation>Mostrar as salas anunciadas nesta rede e entrar na escolhida, em vez de abrir uma.</translation>
    </message>
</context>
</TS>