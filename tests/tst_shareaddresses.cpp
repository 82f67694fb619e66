// Ranking the addresses people are told to open, with made-up interface lists.

#include "shareaddresses.h"

#include <QtTest/QtTest>

using namespace Qt::StringLiterals;
using Candidate = ShareAddresses::Candidate;

class tst_ShareAddresses final : public QObject
{
    Q_OBJECT

private slots:
    void lanBeforeVirtualBeforeLoopback();
    void keepsOrderWithinARank();
    void specificBindingIsTheOnlyAddress();
    void pageUrlBracketsIPv6();
};

void tst_ShareAddresses::lanBeforeVirtualBeforeLoopback()
{
    const QList<Candidate> candidates{
            {QHostAddress(u"127.0.0.1"_s), u"lo"_s, QNetworkInterface::Loopback},
            {QHostAddress(u"172.17.0.1"_s), u"docker0"_s, QNetworkInterface::Ethernet},
            {QHostAddress(u"10.8.0.3"_s), u"tun0"_s, QNetworkInterface::Unknown},
            {QHostAddress(u"100.64.1.2"_s), u"eth1"_s, QNetworkInterface::Ethernet},
            {QHostAddress(u"192.168.1.20"_s), u"wlan0"_s, QNetworkInterface::Wifi},
    };
    const QList<QHostAddress> expected{QHostAddress(u"192.168.1.20"_s),
                                       QHostAddress(u"100.64.1.2"_s), QHostAddress(u"172.17.0.1"_s),
                                       QHostAddress(u"10.8.0.3"_s), QHostAddress(u"127.0.0.1"_s)};
    QCOMPARE(ShareAddresses::rank(candidates), expected);
}

void tst_ShareAddresses::keepsOrderWithinARank()
{
    const QList<Candidate> candidates{
            {QHostAddress(u"192.168.1.20"_s), u"eth0"_s, QNetworkInterface::Ethernet},
            {QHostAddress(u"10.0.0.5"_s), u"wlan0"_s, QNetworkInterface::Wifi},
            {QHostAddress(u"192.168.1.20"_s), u"eth0"_s, QNetworkInterface::Ethernet},
    };
    const QList<QHostAddress> expected{QHostAddress(u"192.168.1.20"_s),
                                       QHostAddress(u"10.0.0.5"_s)};
    QCOMPARE(ShareAddresses::rank(candidates), expected);
}

void tst_ShareAddresses::specificBindingIsTheOnlyAddress()
{
    const QHostAddress bound(u"127.0.0.1"_s);
    QCOMPARE(ShareAddresses::forBinding(bound), QList<QHostAddress>{bound});
    const QList<QHostAddress> all = ShareAddresses::forBinding(QHostAddress::Any);
    QVERIFY(!all.isEmpty());
    if (all.contains(QHostAddress(QHostAddress::LocalHost)))
        QCOMPARE(all.last(), QHostAddress(QHostAddress::LocalHost));
}

void tst_ShareAddresses::pageUrlBracketsIPv6()
{
    QCOMPARE(ShareAddresses::pageUrl(QHostAddress(u"192.168.1.20"_s), 8080).toString(),
             u"http://192.168.1.20:8080/"_s);
    QCOMPARE(ShareAddresses::pageUrl(QHostAddress(u"fe80::1"_s), 8080).toString(),
             u"http://[fe80::1]:8080/"_s);
}

QTEST_GUILESS_MAIN(tst_ShareAddresses)
#include "tst_shareaddresses.moc"
