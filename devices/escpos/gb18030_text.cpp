#include "escpos/gb18030_text.hpp"

#include <cstdio>
#include <optional>

#include <iconv.h>

#include "text/utf8.hpp"

namespace kiosk::devices::escpos {

namespace {

// One iconv descriptor for the length of one conversion call.
class Converter {
public:
    Converter(const char* to, const char* from) : m_cd(iconv_open(to, from)) {}
    ~Converter()
    {
        if (ok()) iconv_close(m_cd);
    }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    bool ok() const { return m_cd != reinterpret_cast<iconv_t>(-1); }

    /// Converts one complete character; nothing when iconv rejects it.
    std::optional<std::string> convert(std::string_view in)
    {
        iconv(m_cd, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
        char out[16];
        char* inPtr = const_cast<char*>(in.data());
        std::size_t inLeft = in.size();
        char* outPtr = out;
        std::size_t outLeft = sizeof out;
        if (iconv(m_cd, &inPtr, &inLeft, &outPtr, &outLeft) == static_cast<std::size_t>(-1) || inLeft != 0)
            return std::nullopt;
        return std::string(out, static_cast<std::size_t>(outPtr - out));
    }

private:
    iconv_t m_cd;
};

bool isControl(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
}

// Length of the UTF-8 sequence starting at `i`, or 0 if it is not valid.
std::size_t utf8Length(std::string_view s, std::size_t i, char32_t& codepoint)
{
    auto lead = static_cast<unsigned char>(s[i]);
    std::size_t len = lead < 0x80             ? 1
                      : (lead & 0xE0) == 0xC0 ? 2
                      : (lead & 0xF0) == 0xE0 ? 3
                      : (lead & 0xF8) == 0xF0 ? 4
                                              : 0;
    if (len == 0 || i + len > s.size()) return 0;
    auto decoded = decodeUtf8(s.substr(i, len));
    if (!decoded || decoded->size() != 1) return 0;
    codepoint = (*decoded)[0];
    return len;
}

char32_t fromUtf32Le(const std::string& bytes)
{
    if (bytes.size() != 4) return 0xFFFD;
    char32_t c = 0;
    for (int k = 3; k >= 0; --k)
        c = (c << 8) | static_cast<unsigned char>(bytes[static_cast<std::size_t>(k)]);
    return c;
}

}  // namespace

std::string describeCodepoint(char32_t c)
{
    char number[16];
    std::snprintf(number, sizeof number, "U+%04X", static_cast<unsigned>(c));
    if (isControl(c) || c == 0xFFFD) return number;
    std::string out = std::string(number) + " '";
    appendUtf8(out, c);
    return out + "'";
}

Result<Gb18030Text> toGb18030(std::string_view utf8, TextEncoding encoding, std::string_view marker)
{
    Converter converter("GB18030", "UTF-8");
    if (!converter.ok()) return fail("iconv cannot convert UTF-8 to GB18030 on this system");

    std::string markerBytes;
    for (std::size_t i = 0; i < marker.size();) {
        char32_t c = 0;
        std::size_t len = utf8Length(marker, i, c);
        if (len == 0 || isControl(c)) return fail("the substitution marker is not printable UTF-8");
        auto bytes = c < 0x80 ? std::optional<std::string>(std::string(1, static_cast<char>(c)))
                              : converter.convert(marker.substr(i, len));
        if (!bytes || (encoding == TextEncoding::Gbk && bytes->size() > 2))
            return fail("the substitution marker " + describeCodepoint(c) + " cannot be sent to the printer");
        markerBytes += *bytes;
        i += len;
    }

    Gb18030Text out;
    out.bytes.reserve(utf8.size());
    auto reject = [&](std::size_t offset, char32_t c, std::string reason) {
        out.unencodable.push_back({offset, c, std::move(reason)});
        out.bytes += markerBytes;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t c = 0;
        std::size_t len = utf8Length(utf8, i, c);
        if (len == 0) {
            char what[48];
            std::snprintf(what, sizeof what, "byte 0x%02X is not valid UTF-8", static_cast<unsigned char>(utf8[i]));
            reject(i, 0xFFFD, what);
            ++i;
            continue;
        }
        if (isControl(c)) {
            // An ESC or GS inside a name would be executed as a printer command.
            reject(i, c, describeCodepoint(c) + " is a control character the printer would take as a command");
        } else if (c < 0x80) {
            out.bytes += static_cast<char>(c);
        } else if (auto bytes = converter.convert(utf8.substr(i, len)); !bytes) {
            reject(i, c, describeCodepoint(c) + " has no GB18030 code");
        } else if (encoding == TextEncoding::Gbk && bytes->size() > 2) {
            reject(i, c,
                   describeCodepoint(c) + " needs a four-byte GB18030 sequence, which a GBK-only printer cannot print");
        } else {
            out.bytes += *bytes;
        }
        i += len;
    }
    return out;
}

std::vector<PrintedCharacter> fromGb18030(std::string_view bytes)
{
    Converter converter("UTF-32LE", "GB18030");
    std::vector<PrintedCharacter> out;
    out.reserve(bytes.size());
    auto at = [&](std::size_t k) { return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : 0; };
    for (std::size_t i = 0; i < bytes.size();) {
        unsigned char b = at(i);
        if (b < 0x80) {
            out.push_back({b, false});
            ++i;
            continue;
        }
        // Lead bytes are 0x81–0xFE; a digit as second byte means a four-byte sequence.
        std::size_t len = 0;
        if (b >= 0x81 && b <= 0xFE) {
            unsigned char b1 = at(i + 1);
            if (b1 >= 0x30 && b1 <= 0x39) {
                if (at(i + 2) >= 0x81 && at(i + 2) <= 0xFE && at(i + 3) >= 0x30 && at(i + 3) <= 0x39) len = 4;
            } else if (b1 >= 0x40 && b1 <= 0xFE && b1 != 0x7F) {
                len = 2;
            }
        }
        if (len == 0) {
            out.push_back({0xFFFD, false});
            ++i;
            continue;
        }
        std::optional<std::string> utf32 = converter.ok() ? converter.convert(bytes.substr(i, len)) : std::nullopt;
        out.push_back({utf32 ? fromUtf32Le(*utf32) : 0xFFFD, true});
        i += len;
    }
    return out;
}

std::vector<PrintedCharacter> fromCodePage437(std::string_view bytes)
{
    Converter converter("UTF-32LE", "IBM437");
    std::vector<PrintedCharacter> out;
    out.reserve(bytes.size());
    for (char byte : bytes) {
        auto b = static_cast<unsigned char>(byte);
        if (b < 0x80) {
            out.push_back({b, false});
            continue;
        }
        std::optional<std::string> utf32 =
            converter.ok() ? converter.convert(std::string_view(&byte, 1)) : std::nullopt;
        out.push_back({utf32 ? fromUtf32Le(*utf32) : 0xFFFD, false});
    }
    return out;
}

}  // namespace kiosk::devices::escpos
