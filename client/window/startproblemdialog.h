#pragma once

#include <QtWidgets/QMessageBox>

// Said when the room cannot start from the desktop (no terminal to read stderr in): what
// failed, in the host's words, and the fix that applies — another port, every address — or
// quit. Knows nothing of the host: the session says which problem it met.
class StartProblemDialog final : public QMessageBox
{
    Q_OBJECT

public:
    enum class Problem { PortTaken, AddressMissing, Other };
    enum class Choice { AnyFreePort, EveryAddress, Quit };

    StartProblemDialog(Problem problem, const QString &reason, QWidget *parent = nullptr);

    // Shows it and waits; Quit if it was closed any other way (the session ending, say).
    Choice ask();

private:
    QAbstractButton *m_fix = nullptr;
    Choice m_fixChoice = Choice::Quit;
};
