#pragma once

#include <QtWidgets/QWidget>

class QLabel;
class QPushButton;

// Where the window says why it is not in the room, with the ways back: Try again, and after a
// refused name or password the dialog to choose another (which a Cancel never removes).
// Knows the stop-codes' sentences; the window decides what a choice does.
class StopBar final : public QWidget
{
    Q_OBJECT

public:
    explicit StopBar(QWidget *parent = nullptr);

    // The host said to stop (removed, locked, ended, opened elsewhere, blocked): the sentence
    // for the code, with the host's own words when it said more. Returns what it shows.
    QString showStopped(const QString &code, const QString &reason);
    // currentName: offered again, to edit.
    void askForName(const QString &reason, const QString &currentName);
    void askForPassword(const QString &reason);

signals:
    void tryAgainClicked();
    void nameChosen(const QString &name);
    void passwordChosen(const QString &password);

private:
    void offerAgain(const QString &reason, const QString &action, std::function<void()> ask);
    void openNameDialog(const QString &reason, const QString &currentName);
    void openPasswordDialog(const QString &reason);

    QLabel *m_label;
    QPushButton *m_askAgain; // "Choose another name…" / "Type the password…"
};
