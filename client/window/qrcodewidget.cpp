#include "qrcodewidget.h"

#include <QtGui/QImage>
#include <QtGui/QPainter>

#include <qrencode.h>

namespace {

constexpr int kQuietZone = 4; // modules of white around the code, as the standard asks

} // namespace

QrCodeWidget::QrCodeWidget(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(160, 160);
    setAccessibleName(tr("QR code of the address"));
}

void QrCodeWidget::setText(const QString &text)
{
    m_text = text;
    m_modules.clear();
    const QByteArray utf8 = text.toUtf8();
    if (QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1)) {
        for (int y = 0; y < code->width; ++y) {
            QList<bool> row;
            for (int x = 0; x < code->width; ++x)
                row.append(code->data[y * code->width + x] & 1);
            m_modules.append(row);
        }
        QRcode_free(code);
    }
    setToolTip(text);
    update();
}

QImage QrCodeWidget::render(int size) const
{
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintCode(painter, image.rect());
    return image;
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int side = std::min(width(), height());
    const QRect square((width() - side) / 2, (height() - side) / 2, side, side);
    painter.fillRect(square, Qt::white); // white even in a dark theme: scanners expect it
    paintCode(painter, square);
}

void QrCodeWidget::paintCode(QPainter &painter, const QRect &square) const
{
    if (m_modules.isEmpty())
        return;
    const int modules = int(m_modules.size()) + 2 * kQuietZone;
    const int cell = std::max(1, square.width() / modules); // whole pixels: crisp edges
    const int offset = (square.width() - cell * modules) / 2 + kQuietZone * cell;
    for (int y = 0; y < m_modules.size(); ++y) {
        for (int x = 0; x < m_modules.at(y).size(); ++x) {
            if (m_modules.at(y).at(x)) {
                painter.fillRect(square.left() + offset + x * cell,
                                 square.top() + offset + y * cell, cell, cell, Qt::black);
            }
        }
    }
}
