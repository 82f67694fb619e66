#include "mentioncompleter.h"

#include "chatconnection.h"
#include "messageinput.h"

#include <QtCore/QRegularExpression>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QScrollBar>

using namespace Qt::StringLiterals;

MentionCompleter::MentionCompleter(ChatConnection *connection, MessageInput *input, QObject *parent)
    : QObject(parent), m_connection(connection), m_input(input), m_completer(new QCompleter(this))
{
    m_completer->setModel(&m_names);
    m_completer->setWidget(input);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->popup()->setObjectName(u"mentionPopup"_s);
    input->setCompleter(m_completer);
    connect(input, &MessageInput::edited, this, &MentionCompleter::onEdited);
    connect(connection, &ChatConnection::membersFound, this,
            [this](const QString &prefix, const QList<Tertulia::MemberInfo> &members) {
                QStringList names;
                for (const Tertulia::MemberInfo &member : members)
                    names.append(member.name);
                offer(prefix, names);
            });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &MentionCompleter::insert);
    input->setTabCompletion([this] { return completeNow(); });
}

bool MentionCompleter::completeNow()
{
    const auto [start, word] = wordAtCursor();
    if (start < 0)
        return false; // no mention being typed: Tab moves on
    const QStringList names = m_names.stringList();
    if (word == m_shown && !names.isEmpty()) {
        insert(names.first()); // what the host answered for this word, best first
        return true;
    }
    // The host has not answered yet: the first name it gives goes in when it does.
    m_completeOnAnswer = word;
    if (word != m_asked) {
        m_asked = word;
        m_connection->findMembers(word, Tertulia::ClientPolicy::kMentionChoices);
    }
    return true;
}

QPair<int, QString> MentionCompleter::wordAtCursor() const
{
    static const QRegularExpression mention(u"(?:^|[^\\w])@([^\\s@]{1,32})$"_s,
                                            QRegularExpression::UseUnicodePropertiesOption);
    const QString before = m_input->toPlainText().left(m_input->textCursor().position());
    const QRegularExpressionMatch match = mention.match(before);
    if (!match.hasMatch())
        return {-1, {}};
    return {int(match.capturedStart(1)) - 1, match.captured(1)};
}

void MentionCompleter::onEdited()
{
    const auto [start, word] = wordAtCursor();
    if (start < 0) {
        m_asked.clear();
        m_completer->popup()->hide();
        return;
    }
    if (word != m_asked) {
        m_asked = word;
        m_connection->findMembers(word, Tertulia::ClientPolicy::kMentionChoices);
    }
}

void MentionCompleter::offer(const QString &prefix, const QStringList &names)
{
    if (prefix != m_asked || wordAtCursor().second != prefix)
        return; // not what is being typed any more
    m_names.setStringList(names);
    m_shown = prefix;
    if (std::exchange(m_completeOnAnswer, QString()) == prefix && !names.isEmpty()) {
        m_completer->popup()->hide();
        insert(names.first()); // Tab came before the answer
        return;
    }
    if (names.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    QRect where = m_input->cursorRect();
    where.setWidth(m_completer->popup()->sizeHintForColumn(0)
                   + m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(where);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void MentionCompleter::insert(const QString &name)
{
    const auto [start, word] = wordAtCursor();
    if (start < 0)
        return;
    QTextCursor cursor = m_input->textCursor();
    cursor.setPosition(start);
    cursor.setPosition(m_input->textCursor().position(), QTextCursor::KeepAnchor);
    cursor.insertText(u"@%1 "_s.arg(name));
    m_input->setTextCursor(cursor);
    m_asked.clear();
    m_shown.clear();
    m_completeOnAnswer.clear();
}
