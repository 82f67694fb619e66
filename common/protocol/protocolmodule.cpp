#include "protocolmodule.h"

#include "errorcode.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;

namespace Tertulia::ProtocolModule {

QByteArray javascript()
{
    QJsonObject codes;
    QJsonObject closes;
    for (const ErrorSpec &spec : errorTable()) {
        const QString name = QString::fromLatin1(spec.name);
        QJsonObject entry{{u"action"_s, clientActionName(spec.action)},
                          {u"sentence"_s, QString::fromUtf8(spec.sentence)}};
        if (spec.closeCode != 0) {
            entry.insert(u"close"_s, spec.closeCode);
            if (errorSpecForClose(spec.closeCode) == &spec)
                closes.insert(QString::number(spec.closeCode), name);
        }
        codes.insert(name, entry);
    }
    const auto json = [](const QJsonObject &object) {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    };
    return "// The host's protocol table (common/protocol/errorcode.cpp), served as it runs.\n"
           "// code -> { action, sentence, close? }\n"
           "export const CODES = Object.freeze("
           + json(codes)
           + ");\n"
             "// close code -> the code it means when no event said more\n"
             "export const CLOSES = Object.freeze("
           + json(closes) + ");\n";
}

} // namespace Tertulia::ProtocolModule
