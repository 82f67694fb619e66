// tertulia-picture: the host's picture decoder, in a process of its own so that a hostile
// picture (a decompression bomb, a decoder bug) costs this process, never the room. Reads a
// PNG, JPEG, GIF or WebP, writes it again without its metadata (EXIF, GPS, comments) and a
// thumbnail, and prints what it wrote as JSON. Links QtGui for QImage; no display needed.
#include <QtCore/QCoreApplication>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTextStream>
#include <QtGui/QColorSpace>
#include <QtGui/QImage>
#include <QtGui/QImageReader>
#include <QtGui/QImageWriter>

using namespace Qt::StringLiterals;

namespace {

constexpr int kAllocationLimitMb = 256; // decoded, in memory: 64 megapixels at 32 bits
constexpr qint64 kMaxPixels = 64'000'000;
constexpr int kThumbnailSide = 480;
constexpr int kUnreadable = 3;

int refuse(const QString &why)
{
    QTextStream(stderr) << why << '\n';
    return kUnreadable;
}

// What the copy is written as: the same format where Qt can write it; GIF (which Qt reads but
// cannot write) as PNG, its first frame.
QByteArray outputFormat(const QByteArray &input)
{
    if (input == "jpeg" || input == "webp")
        return QImageWriter::supportedImageFormats().contains(input) ? input : "png";
    return "png";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return refuse(u"usage: tertulia-picture INPUT OUTPUT THUMBNAIL"_s);
    QImageReader::setAllocationLimit(kAllocationLimitMb);
    QImageReader reader(args[1]);
    reader.setDecideFormatFromContent(true); // the bytes decide, never the name
    reader.setAutoTransform(true); // the EXIF orientation is applied before it is dropped
    const QByteArray format = reader.format();
    if (!QList<QByteArray>{"png", "jpeg", "gif", "webp"}.contains(format))
        return refuse(u"not a PNG, JPEG, GIF or WebP picture"_s);
    const QSize declared = reader.size();
    if (!declared.isValid() || qint64(declared.width()) * declared.height() > kMaxPixels)
        return refuse(u"larger than %1 megapixels"_s.arg(kMaxPixels / 1'000'000));
    const QImage decoded = reader.read();
    if (decoded.isNull())
        return refuse(reader.errorString());
    // Only the pixels (and their colour space): QImage keeps a file's text chunks and writes
    // them out again, a comment with a location included. The new image reads the decoded
    // pixels where they are: a copy would double what a picture costs (measured: 7,900 × 7,900
    // peaked at 507 MB with it).
    QImage image(decoded.constBits(), decoded.width(), decoded.height(), decoded.bytesPerLine(),
                 decoded.format());
    image.setColorSpace(decoded.colorSpace());
    if (decoded.format() == QImage::Format_Indexed8 || decoded.format() == QImage::Format_Mono)
        image.setColorTable(decoded.colorTable());

    const QByteArray written = outputFormat(format);
    QImageWriter writer(args[2], written);
    if (written == "jpeg")
        writer.setQuality(90);
    if (!writer.write(image))
        return refuse(writer.errorString());
    const QImage thumbnail = image.width() > kThumbnailSide || image.height() > kThumbnailSide
                                     ? image.scaled(kThumbnailSide, kThumbnailSide,
                                                    Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                     : image;
    const QByteArray thumbnailFormat = image.hasAlphaChannel() ? "png" : "jpeg";
    if (!thumbnail.save(args[3], thumbnailFormat.constData(), 85))
        return refuse(u"cannot write the thumbnail"_s);

    const QJsonObject result{{u"type"_s, u"image/"_s + QString::fromLatin1(written)},
                             {u"width"_s, image.width()},
                             {u"height"_s, image.height()}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
