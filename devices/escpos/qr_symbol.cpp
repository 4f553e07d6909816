#include "escpos/qr_symbol.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

#include <qrencode.h>

namespace kiosk::devices::escpos {

namespace {
constexpr unsigned kEciUtf8 = 26;
}

Result<QrSymbol> encodeQrSymbol(std::string_view data, QrErrorCorrection level, QrCharset charset)
{
    if (data.empty()) return fail("a QR code needs at least one byte of data");
    static constexpr QRecLevel kLevels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
    std::unique_ptr<QRinput, decltype(&QRinput_free)> input(QRinput_new2(0, kLevels[static_cast<int>(level)]),
                                                            &QRinput_free);
    if (!input) return fail("libqrencode is out of memory");
    // Without ECI, decoders guess the byte mode's charset, and zbar (like
    // other decoders) takes the UTF-8 of "挂号" for Shift-JIS. ASCII needs no
    // designator, and some scanners print one as text, so it is added only when needed.
    bool ascii = std::all_of(data.begin(), data.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (charset == QrCharset::Utf8Eci && !ascii && QRinput_appendECIheader(input.get(), kEciUtf8) != 0)
        return fail("libqrencode could not add the UTF-8 ECI designator");
    // 8-bit mode with an explicit length, as QRcode_encodeString8bit but a NUL
    // in the data is encoded instead of ending it.
    if (QRinput_append(input.get(), QR_MODE_8, static_cast<int>(data.size()),
                       reinterpret_cast<const unsigned char*>(data.data())) != 0)
        return fail("libqrencode could not take the QR data");
    errno = 0;
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeInput(input.get()), &QRcode_free);
    if (!code) {
        if (errno == ERANGE)
            return fail("QR data of " + std::to_string(data.size()) +
                        " bytes is too long for a QR code at this error-correction level");
        return fail(std::string("libqrencode could not encode the QR data: ") + std::strerror(errno));
    }
    QrSymbol symbol;
    symbol.size = code->width;
    symbol.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    // libqrencode packs several flags into each byte; bit 0 is the module's colour.
    for (std::size_t i = 0; i < symbol.dark.size(); ++i)
        symbol.dark[i] = code->data[i] & 1;
    return symbol;
}

}  // namespace kiosk::devices::escpos
