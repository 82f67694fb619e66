#include "startproblemdialog.h"

#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

StartProblemDialog::StartProblemDialog(Problem problem, const QString &reason, QWidget *parent)
    : QMessageBox(QMessageBox::Critical, tr("The room could not start"), reason,
                  QMessageBox::NoButton, parent)
{
    setObjectName(u"startProblemDialog"_s);
    switch (problem) {
    case Problem::PortTaken:
        setInformativeText(tr("Another program, or another Tertulia, is using that port."));
        m_fix = addButton(tr("Use any free port"), QMessageBox::AcceptRole);
        m_fixChoice = Choice::AnyFreePort;
        break;
    case Problem::AddressMissing:
        setInformativeText(tr("This computer does not have that address (any more)."));
        m_fix = addButton(tr("Listen on every address"), QMessageBox::AcceptRole);
        m_fixChoice = Choice::EveryAddress;
        break;
    case Problem::Other:
        break;
    }
    QAbstractButton *quit = addButton(tr("Quit"), QMessageBox::RejectRole);
    setDefaultButton(qobject_cast<QPushButton *>(m_fix ? m_fix : quit));
    setEscapeButton(quit);
}

StartProblemDialog::Choice StartProblemDialog::ask()
{
    exec();
    return m_fix && clickedButton() == m_fix ? m_fixChoice : Choice::Quit;
}
