#pragma once
// Reader replies for tests: SAM frames with correct checksums, and a
// resident card's read reply laid out as devices.md §1.5–1.6 (an invented
// person).
#include <cstdint>
#include <string>
#include <vector>

#include "text/utf8.hpp"

namespace kiosk::test {

using Bytes = std::vector<std::uint8_t>;

inline Bytes replyFrame(std::uint8_t sw3, const Bytes& data = {})
{
    Bytes frame = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
    std::size_t len = 3 + data.size() + 1;
    frame.push_back(static_cast<std::uint8_t>(len >> 8));
    frame.push_back(static_cast<std::uint8_t>(len & 0xFF));
    frame.insert(frame.end(), {0x00, 0x00, sw3});
    frame.insert(frame.end(), data.begin(), data.end());
    std::uint8_t chk = 0;
    for (std::size_t i = 5; i < frame.size(); ++i) chk ^= frame[i];
    frame.push_back(chk);
    return frame;
}

inline void putUcs2(Bytes& block, std::size_t offset, std::size_t bytes, const std::string& utf8)
{
    std::u32string chars = decodeUtf8Lossy(utf8);
    for (std::size_t i = 0; i * 2 < bytes; ++i) {
        char32_t c = i < chars.size() ? chars[i] : U' ';
        block[offset + 2 * i] = static_cast<std::uint8_t>(c & 0xFF);
        block[offset + 2 * i + 1] = static_cast<std::uint8_t>(c >> 8);
    }
}

inline Bytes residentReadReply()
{
    Bytes text(256, 0);
    putUcs2(text, 0, 30, "张小三");
    putUcs2(text, 30, 2, "1");
    putUcs2(text, 32, 4, "01");
    putUcs2(text, 36, 16, "19850312");
    putUcs2(text, 52, 70, "广东省广州市天河区体育西路101号");
    putUcs2(text, 122, 36, "440106198503121234");
    putUcs2(text, 158, 30, "广州市公安局天河分局");
    putUcs2(text, 188, 16, "20150601");
    putUcs2(text, 204, 16, "20350601");
    putUcs2(text, 220, 36, "");
    Bytes data = {0x01, 0x00, 0x04, 0x00};
    data.insert(data.end(), text.begin(), text.end());
    data.insert(data.end(), 1024, 0x5A);  // the WLT photo, opaque
    return replyFrame(0x90, data);
}

inline std::string toHex(const Bytes& bytes)
{
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (std::uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out;
}

} // namespace kiosk::test
