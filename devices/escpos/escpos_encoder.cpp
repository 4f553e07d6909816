#include "escpos/escpos_encoder.hpp"

#include <algorithm>
#include <string_view>

namespace kiosk::devices::escpos {

namespace {

// Cheap printers buffer a limited amount of raster data, so tall images go
// as several GS v 0 bands; 1024 rows of 72 bytes stay under 80 KB.
constexpr int kMaxBandRows = 1024;
// GS ( k function 180 counts cn, fn and m in its 16-bit length.
constexpr std::size_t kMaxQrStore = 65535 - 3;

class Encoder {
public:
    explicit Encoder(const EncoderOptions& options) : m_options(options) {}

    Result<EncodedReceipt> run(const ReceiptDocument& document)
    {
        if (m_options.paperWidthDots < 8 || m_options.paperWidthDots > 4096)
            return fail("paper width " + std::to_string(m_options.paperWidthDots) + " dots is not plausible");
        append(m_out.bytes, initialize());
        append(m_out.bytes, chineseMode(true));
        for (std::size_t i = 0; i < document.elements.size(); ++i) {
            m_element = i;
            auto ok = std::visit([this](const auto& e) { return add(e); }, document.elements[i]);
            if (!ok) return std::unexpected(ok.error());
        }
        return std::move(m_out);
    }

private:
    std::string where(const char* kind) const { return "element " + std::to_string(m_element) + " (" + kind + "): "; }

    Result<void> add(const ReceiptText& text)
    {
        if (text.widthScale < 1 || text.widthScale > 8 || text.heightScale < 1 || text.heightScale > 8)
            return fail(where("text") + "character size " + std::to_string(text.widthScale) + "×" +
                        std::to_string(text.heightScale) + " is outside 1–8");
        std::string_view rest = text.text;
        while (true) {
            std::size_t newline = rest.find('\n');
            std::string_view line = rest.substr(0, newline);
            auto converted = toGb18030(line, m_options.encoding, m_options.marker);
            if (!converted) return fail(where("text") + converted.error().message);
            for (const UnencodableCharacter& u : converted->unencodable) {
                if (m_options.unencodable == Unencodable::Fail) return fail(where("text") + u.reason);
                m_out.substitutions.push_back(where("text") + u.reason + "; printed as " + m_options.marker);
            }
            setAlign(text.align);
            setSize(text.widthScale, text.heightScale);
            setBold(text.bold);
            m_out.bytes.insert(m_out.bytes.end(), converted->bytes.begin(), converted->bytes.end());
            m_out.bytes.push_back(kLf);
            if (newline == std::string_view::npos) break;
            rest.remove_prefix(newline + 1);
        }
        return {};
    }

    Result<void> add(const ReceiptQrCode& qr)
    {
        if (qr.moduleSize < 1 || qr.moduleSize > 16)
            return fail(where("QR code") + "module size " + std::to_string(qr.moduleSize) + " is outside 1–16");
        if (qr.data.size() > kMaxQrStore) return fail(where("QR code") + "data longer than GS ( k can carry");
        // The printer's own engine adds no ECI; the raster marks UTF-8 so scanners need not guess.
        QrCharset charset = m_options.qrMode == QrMode::Raster ? QrCharset::Utf8Eci : QrCharset::Unmarked;
        auto symbol = encodeQrSymbol(qr.data, m_options.qrErrorCorrection, charset);
        if (!symbol) return fail(where("QR code") + symbol.error().message);
        int dots = (symbol->size + 2 * kQrQuietZone) * qr.moduleSize;
        if (dots > m_options.paperWidthDots)
            return fail(where("QR code") + "the symbol is " + std::to_string(dots) +
                        " dots wide with its quiet zone at " + std::to_string(qr.moduleSize) +
                        " dots per module; the paper has " + std::to_string(m_options.paperWidthDots) +
                        ": use a smaller module size or less data");
        setAlign(qr.align);
        if (m_options.qrMode == QrMode::Native) {
            append(m_out.bytes, qrModel(QrModel::Model2));
            append(m_out.bytes, qrModuleSize(qr.moduleSize));
            append(m_out.bytes, qrErrorCorrection(m_options.qrErrorCorrection));
            // The data goes as UTF-8, not GB18030: phone scanners read byte-mode
            // data as UTF-8. GS ( k has no way to add an ECI designator, so a
            // decoder may still guess another charset for non-ASCII data.
            append(m_out.bytes, qrStore(qr.data));
            append(m_out.bytes, qrPrint());
            return {};
        }
        // The raster carries its own quiet zone, so it scans wherever it lands.
        std::vector<std::uint8_t> pixels(static_cast<std::size_t>(dots) * static_cast<std::size_t>(dots), 0);
        for (int y = 0; y < dots; ++y)
            for (int x = 0; x < dots; ++x) {
                int mx = x / qr.moduleSize - kQrQuietZone;
                int my = y / qr.moduleSize - kQrQuietZone;
                bool dark = mx >= 0 && my >= 0 && mx < symbol->size && my < symbol->size && symbol->isDark(mx, my);
                pixels[static_cast<std::size_t>(y * dots + x)] = dark ? 1 : 0;
            }
        appendRaster(dots, dots, pixels);
        return {};
    }

    Result<void> add(const ReceiptImage& image)
    {
        if (image.width <= 0 || image.height <= 0)
            return fail(where("image") + "size " + std::to_string(image.width) + "×" + std::to_string(image.height) +
                        " is empty");
        if (image.width > m_options.paperWidthDots)
            return fail(where("image") + std::to_string(image.width) + " dots wide; the paper has " +
                        std::to_string(m_options.paperWidthDots));
        if (image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
            return fail(where("image") + std::to_string(image.pixels.size()) + " pixels for a " +
                        std::to_string(image.width) + "×" + std::to_string(image.height) + " image");
        setAlign(image.align);
        appendRaster(image.width, image.height, image.pixels);
        return {};
    }

    Result<void> add(const ReceiptFeed& feed)
    {
        if (feed.lines < 0 || feed.lines > 1000)
            return fail(where("feed") + std::to_string(feed.lines) + " lines is outside 0–1000");
        for (int left = feed.lines; left > 0; left -= 255)
            append(m_out.bytes, feedLines(static_cast<std::uint8_t>(std::min(left, 255))));
        return {};
    }

    Result<void> add(const ReceiptCut& cutElement)
    {
        CutKind kind = cutElement.partial ? CutKind::Partial : CutKind::Full;
        append(m_out.bytes, m_options.cutMode == CutMode::FeedToCutter ? feedAndCut(kind, 0) : cut(kind));
        return {};
    }

    void appendRaster(int width, int height, const std::vector<std::uint8_t>& pixels)
    {
        Bytes rows = packRaster(width, height, pixels);
        int widthBytes = (width + 7) / 8;
        for (int top = 0; top < height; top += kMaxBandRows) {
            int bandRows = std::min(kMaxBandRows, height - top);
            auto begin = rows.begin() + static_cast<std::ptrdiff_t>(top) * widthBytes;
            append(m_out.bytes, rasterImage(widthBytes, bandRows,
                                            std::span(begin, static_cast<std::size_t>(bandRows * widthBytes))));
        }
    }

    // Modes persist in the printer until changed, so only changes are sent;
    // the starting values are those ESC @ sets.
    void setAlign(TextAlign a)
    {
        if (a != m_align) append(m_out.bytes, align(a));
        m_align = a;
    }
    void setSize(int w, int h)
    {
        if (w != m_width || h != m_height) append(m_out.bytes, characterSize(w, h));
        m_width = w;
        m_height = h;
    }
    void setBold(bool on)
    {
        if (on != m_bold) append(m_out.bytes, bold(on));
        m_bold = on;
    }

    const EncoderOptions& m_options;
    EncodedReceipt m_out;
    std::size_t m_element = 0;
    TextAlign m_align = TextAlign::Left;
    int m_width = 1;
    int m_height = 1;
    bool m_bold = false;
};

}  // namespace

Result<EncodedReceipt> encodeReceipt(const ReceiptDocument& document, const EncoderOptions& options)
{
    return Encoder(options).run(document);
}

std::array<std::uint8_t, 3> encodeStatusQuery(StatusQuery query)
{
    Bytes b = realTimeStatus(query);
    return {b[0], b[1], b[2]};
}

Bytes packRaster(int width, int height, const std::vector<std::uint8_t>& pixels)
{
    int widthBytes = (width + 7) / 8;
    Bytes rows(static_cast<std::size_t>(widthBytes) * static_cast<std::size_t>(height), 0);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (pixels[static_cast<std::size_t>(y * width + x)])
                rows[static_cast<std::size_t>(y * widthBytes + x / 8)] |= static_cast<std::uint8_t>(0x80 >> (x % 8));
    return rows;
}

}  // namespace kiosk::devices::escpos
