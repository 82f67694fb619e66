#pragma once

#include <QtWidgets/QWidget>

// Paints a QR code of a text (libqrencode; nothing leaves the machine), black on white with the
// standard quiet zone, as large as the widget allows, so a phone can scan the room's address.
class QrCodeWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit QrCodeWidget(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // The code at `size` pixels square: what is painted, for saving or testing.
    QImage render(int size) const;

    QSize sizeHint() const override { return {220, 220}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintCode(QPainter &painter, const QRect &square) const;

    QString m_text;
    QList<QList<bool>> m_modules; // dark modules, row by row; empty when there is no code
};
