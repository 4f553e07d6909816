#pragma once
// Text as Chinese receipt printers take it: GB18030 (ASCII in one byte,
// hanzi in two, the rest of Unicode in four), converted with glibc's iconv.
// Both directions work character by character, so that a character that
// cannot be printed is named rather than silently lost, and so that the
// simulated printer knows which characters take a full-width cell.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kiosk::devices::escpos {

enum class TextEncoding {
    Gb18030,  ///< The whole of GB18030, four-byte sequences included.
    Gbk,     ///< One- and two-byte sequences only: many printers do not accept four-byte ones.
};

/// A character that could not be converted, and why.
struct UnencodableCharacter {
    std::size_t offset = 0;  ///< Byte offset in the UTF-8 input.
    char32_t codepoint = 0;  ///< U+FFFD for a byte that is not valid UTF-8.
    std::string reason;
};

struct Gb18030Text {
    std::string bytes;
    std::vector<UnencodableCharacter> unencodable;  ///< Each was replaced by the marker.
};

/// Converts UTF-8 to GB18030. Every character that cannot be sent (invalid
/// UTF-8, a control character that the printer would read as a command, or a
/// four-byte sequence under TextEncoding::Gbk) is replaced by `marker` and
/// listed. Fails only when iconv is unavailable or the marker itself cannot be sent.
Result<Gb18030Text> toGb18030(std::string_view utf8, TextEncoding encoding, std::string_view marker);

/// One character as a printer draws it.
struct PrintedCharacter {
    char32_t codepoint = 0;  ///< U+FFFD for an invalid sequence.
    bool fullWidth = false;  ///< Multi-byte characters take a full (hanzi) cell.
};

/// Splits GB18030 bytes into characters; invalid sequences become U+FFFD.
std::vector<PrintedCharacter> fromGb18030(std::string_view bytes);

/// Single-byte text outside Chinese mode, read as code page 437 (ESC t 0).
std::vector<PrintedCharacter> fromCodePage437(std::string_view bytes);

/// "U+6302 '挂'" for messages; control characters are shown by number only.
std::string describeCodepoint(char32_t codepoint);

}  // namespace kiosk::devices::escpos
