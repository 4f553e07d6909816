#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

/// Decodes UTF-8; returns the byte offset of the first invalid sequence on failure.
struct Utf8Error {
    std::size_t offset = 0;
};
std::optional<std::u32string> decodeUtf8(std::string_view text, Utf8Error* error = nullptr);

/// Decodes UTF-8, replacing each invalid byte with U+FFFD.
std::u32string decodeUtf8Lossy(std::string_view text);

std::string encodeUtf8(std::u32string_view text);
void appendUtf8(std::string& out, char32_t c);

} // namespace kiosk
