#include "stopbar.h"

#include "errorcode.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;
using Tertulia::ErrorCode;

StopBar::StopBar(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_askAgain(new QPushButton(this))
{
    setObjectName(u"stopBar"_s);
    m_label->setObjectName(u"stopNotice"_s);
    m_label->setWordWrap(true);
    m_label->setAccessibleName(tr("Why you are not in the room"));
    m_askAgain->setObjectName(u"askAgainButton"_s);
    auto *tryAgain = new QPushButton(tr("Try again"), this);
    tryAgain->setObjectName(u"tryAgainButton"_s);
    connect(tryAgain, &QPushButton::clicked, this, [this] {
        hide();
        emit tryAgainClicked();
    });
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_label, 1);
    row->addWidget(m_askAgain);
    row->addWidget(tryAgain);
    hide();
}

QString StopBar::showStopped(const QString &code, const QString &reason)
{
    // The code's one wording (the protocol's table), in the window's language; the host's own
    // words beside it when it said more (its farewell when it ended the room).
    const Tertulia::ErrorSpec *spec = Tertulia::errorSpecNamed(code);
    QString text = spec ? Tertulia::translatedSentence(*spec) : QString();
    if (!reason.isEmpty() && !text.contains(reason)
        && !(spec && reason == QLatin1StringView(spec->sentence)))
        text = text.isEmpty() ? reason : tr("%1 (%2)").arg(text, reason);
    m_label->setText(text);
    m_askAgain->hide();
    show();
    return text;
}

void StopBar::askForName(const QString &reason, const QString &currentName)
{
    offerAgain(reason, tr("Choose another name…"),
               [this, reason, currentName] { openNameDialog(reason, currentName); });
}

void StopBar::askForPassword(const QString &reason)
{
    offerAgain(reason, tr("Type the password…"), [this, reason] { openPasswordDialog(reason); });
}

void StopBar::offerAgain(const QString &reason, const QString &action, std::function<void()> ask)
{
    // Cancelling the dialog must not leave a dead end: the bar keeps both ways on.
    m_label->setText(reason);
    m_askAgain->setText(action);
    disconnect(m_askAgain, &QPushButton::clicked, this, nullptr);
    connect(m_askAgain, &QPushButton::clicked, this, ask);
    m_askAgain->show();
    show();
    ask();
}

void StopBar::openNameDialog(const QString &reason, const QString &currentName)
{
    auto *dialog = new QInputDialog(window());
    dialog->setObjectName(u"nameDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Choose another name"));
    dialog->setLabelText(tr("%1\nWhat name should others see?").arg(reason));
    dialog->setTextValue(currentName);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        hide();
        emit nameChosen(name.trimmed());
    });
    dialog->open();
}

void StopBar::openPasswordDialog(const QString &reason)
{
    auto *dialog = new QInputDialog(window());
    dialog->setObjectName(u"passwordDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Room password"));
    dialog->setLabelText(tr("%1\nPassword:").arg(reason));
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &password) {
        hide();
        emit passwordChosen(password);
    });
    dialog->open();
}
