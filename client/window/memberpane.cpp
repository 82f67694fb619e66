#include "memberpane.h"

#include "chatconnection.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

MemberPane::MemberPane(ChatConnection *connection, QWidget *parent)
    : QWidget(parent),
      m_connection(connection),
      m_title(new QLabel(this)),
      m_search(new QLineEdit(this)),
      m_view(new QListView(this))
{
    m_search->setObjectName(u"memberSearch"_s);
    m_search->setPlaceholderText(tr("Find someone"));
    m_search->setClearButtonEnabled(true);
    m_view->setObjectName(u"memberList"_s);
    m_view->setAccessibleName(tr("People in the room"));
    m_view->setUniformItemSizes(true); // 3 000 rows are laid out as one height times 3 000
    m_view->setModel(&m_members);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
    showCount();

    m_watchTimer.setSingleShot(true);
    m_watchTimer.setInterval(80);
    connect(&m_watchTimer, &QTimer::timeout, this, &MemberPane::watchRowsInView);
    const auto watchSoon = [this] {
        if (!m_members.isComplete() && !m_watchTimer.isActive())
            m_watchTimer.start();
    };
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, watchSoon);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, watchSoon);

    connect(connection, &ChatConnection::joined, this,
            [this](const QString &name) { m_members.setOwnName(name); });
    connect(connection, &ChatConnection::membersChanged, this,
            [this](const QList<Tertulia::MemberInfo> &members) {
                m_members.setEveryone(members);
                showCount();
            });
    connect(connection, &ChatConnection::memberRowsReceived, this,
            [this, watchSoon](int total, int from, const QList<Tertulia::MemberInfo> &rows) {
                m_members.setRows(total, from, rows);
                showCount();
                watchSoon();
            });
    connect(connection, &ChatConnection::membersFound, this, &MemberPane::showFound);
    connect(m_search, &QLineEdit::textChanged, this, &MemberPane::find);

    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        const QString name = index.data(MemberListModel::NameRole).toString();
        if (!name.isEmpty())
            emit memberActivated(name);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const QString name = m_view->indexAt(position).data(MemberListModel::NameRole).toString();
        if (!name.isEmpty())
            emit memberMenuRequested(name, m_view->viewport()->mapToGlobal(position));
    });
}

void MemberPane::showCount()
{
    m_title->setText(tr("In the room (%1)").arg(m_members.rowCount()));
}

void MemberPane::watchRowsInView()
{
    if (m_members.isComplete() || m_view->model() != &m_members)
        return;
    const int first = std::max(0, m_view->indexAt(QPoint(1, 1)).row());
    const QModelIndex bottom = m_view->indexAt(QPoint(1, m_view->viewport()->height() - 2));
    const int last = bottom.isValid() ? bottom.row() : m_members.rowCount() - 1;
    if (m_members.hasRows(first, last))
        return;
    m_connection->watchMembers(std::max(0, first - kOverscan), last - first + 1 + 2 * kOverscan);
}

void MemberPane::find(const QString &text)
{
    const QString prefix = text.trimmed();
    if (prefix.isEmpty()) {
        m_view->setModel(&m_members);
        watchRowsInView();
        return;
    }
    m_connection->findMembers(prefix, Tertulia::ClientPolicy::kMemberSearch);
}

void MemberPane::showFound(const QString &prefix, const QList<Tertulia::MemberInfo> &members)
{
    if (prefix != m_search->text().trimmed())
        return; // an older search's answer, or the mention completer's
    m_found.setOwnName(m_connection->name());
    m_found.setEveryone(members);
    m_view->setModel(&m_found);
}
