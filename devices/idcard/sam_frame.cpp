#include "idcard/sam_frame.hpp"

#include <algorithm>

#include "idcard/hex_text.hpp"

namespace kiosk::devices::idcard {

namespace {

/// The LEN field, big-endian, right after the preamble.
std::size_t lengthField(std::span<const std::uint8_t> frame)
{
    return static_cast<std::size_t>(frame[5]) << 8 | frame[6];
}

std::string formatLength(std::size_t len)
{
    auto bytes = std::array<std::uint8_t, 2>{static_cast<std::uint8_t>(len >> 8), static_cast<std::uint8_t>(len)};
    return "LEN " + formatBytes(bytes) + " (" + std::to_string(len) + ")";
}

struct Sw3Entry {
    std::uint8_t code;
    std::string_view meaning;
};

// GA 467's SW3 table. Codes 01, 02, 03, 05 and 09 in vendor tables are SDK
// return codes (port, timeout, file) and never arrive in a frame.
constexpr Sw3Entry kSw3Table[] = {
    {0x90, "操作成功 success"},
    {0x91, "无此项内容 item not on card"},
    {0x9F, "寻找居民身份证成功 card found"},
    {0x10, "校验和错 checksum error in the host's frame"},
    {0x11, "长度错 length error in the host's frame"},
    {0x21, "命令错误 bad command or parameter"},
    {0x23, "越权操作 operation not permitted"},
    {0x24, "无法识别的错误 unrecognised error"},
    {0x31, "证卡认证SAM_A失败 the card rejected the SAM"},
    {0x32, "SAM_A认证证卡失败 the SAM rejected the card"},
    {0x33, "信息验证失败 information verification failed"},
    {0x37, "指纹信息验证错误 fingerprint verification error"},
    {0x3F, "信息长度错误 information length error"},
    {0x40, "无法识别的居民身份证类型 unknown card type"},
    {0x41, "读居民身份证操作失败 reading the card failed"},
    {0x47, "取随机数失败 random-number failure"},
    {0x60, "SAM_A自检失败 SAM self-test failed, no commands accepted"},
    {0x66, "SAM_A没经过授权 SAM not authorised"},
    {0x80, "寻找居民身份证失败 no card found"},
    {0x81, "选取居民身份证失败 selecting the card failed"},
};

} // namespace

std::uint8_t xorChecksum(std::span<const std::uint8_t> bytes)
{
    std::uint8_t sum = 0;
    for (std::uint8_t b : bytes) sum ^= b;
    return sum;
}

std::vector<std::uint8_t> encodeCommand(std::uint8_t cmd, std::uint8_t para, std::span<const std::uint8_t> data)
{
    // LEN counts CMD, PARA, the data and CHK. Commands carry at most a byte or
    // two of data, so the 16-bit field cannot overflow in practice.
    const std::size_t len = 2 + data.size() + 1;
    std::vector<std::uint8_t> frame(kPreamble.begin(), kPreamble.end());
    frame.reserve(kHeaderSize + len);
    frame.push_back(static_cast<std::uint8_t>(len >> 8));
    frame.push_back(static_cast<std::uint8_t>(len));
    frame.push_back(cmd);
    frame.push_back(para);
    frame.insert(frame.end(), data.begin(), data.end());
    frame.push_back(xorChecksum(std::span(frame).subspan(kPreamble.size())));
    return frame;
}

std::vector<std::uint8_t> readSamStatusCommand() { return encodeCommand(0x11, 0xFF); }
std::vector<std::uint8_t> readSamIdCommand() { return encodeCommand(0x12, 0xFF); }
std::vector<std::uint8_t> findCardCommand() { return encodeCommand(0x20, 0x01); }
std::vector<std::uint8_t> selectCardCommand() { return encodeCommand(0x20, 0x02); }
std::vector<std::uint8_t> readTextAndPhotoCommand() { return encodeCommand(0x30, 0x01); }
std::vector<std::uint8_t> readWithFingerprintCommand() { return encodeCommand(0x30, 0x10); }

std::vector<std::uint8_t> setMaxRfFrameCommand(std::uint8_t size)
{
    const std::uint8_t data[] = {size};
    return encodeCommand(0x61, 0xFF, data);
}

Result<std::span<const std::uint8_t>> checkFrame(std::span<const std::uint8_t> frame)
{
    constexpr std::size_t kShortest = kHeaderSize + 1;
    if (frame.size() < kShortest)
        return fail("frame is " + std::to_string(frame.size()) + " bytes, shorter than the " +
                    std::to_string(kShortest) + " of preamble, LEN and checksum");
    auto preamble = frame.first(kPreamble.size());
    if (!std::equal(preamble.begin(), preamble.end(), kPreamble.begin()))
        return fail("preamble is " + formatBytes(preamble) + ", expected " + formatBytes(kPreamble));
    const std::size_t len = lengthField(frame);
    if (len == 0) return fail(formatLength(len) + " leaves no room for the checksum");
    const std::size_t expected = kHeaderSize + len;
    if (frame.size() < expected)
        return fail("frame is truncated: " + formatLength(len) + " announces " + std::to_string(expected) +
                    " bytes, got " + std::to_string(frame.size()));
    if (frame.size() > expected)
        return fail("frame is too long: " + formatLength(len) + " announces " + std::to_string(expected) +
                    " bytes, got " + std::to_string(frame.size()));
    const std::uint8_t expectedSum = xorChecksum(frame.subspan(kPreamble.size(), 2 + len - 1));
    if (frame.back() != expectedSum)
        return fail("checksum is " + formatByte(frame.back()) + ", expected " + formatByte(expectedSum));
    return frame.subspan(kHeaderSize, len - 1);
}

Result<SamReply> decodeReply(std::span<const std::uint8_t> frame)
{
    auto body = checkFrame(frame);
    if (!body) return fail(body.error().message);
    if (body->size() < 3)
        return fail("reply is too short: " + formatLength(body->size() + 1) + " leaves " +
                    std::to_string(body->size()) + " bytes before the checksum, expected at least SW1 SW2 SW3");
    SamReply reply;
    reply.sw1 = (*body)[0];
    reply.sw2 = (*body)[1];
    reply.sw3 = (*body)[2];
    reply.data.assign(body->begin() + 3, body->end());
    return reply;
}

Result<SamCommand> decodeCommand(std::span<const std::uint8_t> frame)
{
    auto body = checkFrame(frame);
    if (!body) return fail(body.error().message);
    if (body->size() < 2)
        return fail("command is too short: " + formatLength(body->size() + 1) + " leaves " +
                    std::to_string(body->size()) + " bytes before the checksum, expected at least CMD PARA");
    SamCommand command;
    command.cmd = (*body)[0];
    command.para = (*body)[1];
    command.data.assign(body->begin() + 2, body->end());
    return command;
}

Sw3Class classifySw3(std::uint8_t sw3)
{
    switch (sw3) {
    case 0x90: return Sw3Class::Success;
    case 0x9F: return Sw3Class::CardFound;
    case 0x80: return Sw3Class::NoCard;
    case 0x91: return Sw3Class::NotOnCard;
    default: return Sw3Class::Error;
    }
}

std::string_view sw3Meaning(std::uint8_t sw3)
{
    for (const auto& entry : kSw3Table)
        if (entry.code == sw3) return entry.meaning;
    return "未知状态 status not in the GA 467 table";
}

void FrameAssembler::feed(std::span<const std::uint8_t> bytes)
{
    m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
}

Result<std::optional<std::vector<std::uint8_t>>> FrameAssembler::next()
{
    resync();
    if (m_buffer.size() < kHeaderSize) return std::optional<std::vector<std::uint8_t>>{};
    const std::size_t len = lengthField(m_buffer);
    // Three bytes is the shortest body a frame can have (CMD PARA CHK).
    if (len < 3 || len > kMaxFrameLength) {
        // Skipping just this preamble lets a good frame further on still be found.
        m_skipped += kPreamble.size();
        drop(kPreamble.size());
        return fail(formatLength(len) + " is impossible (a frame's LEN is 3 to " + std::to_string(kMaxFrameLength) +
                    "); skipped to the next preamble");
    }
    const std::size_t size = kHeaderSize + len;
    if (m_buffer.size() < size) return std::optional<std::vector<std::uint8_t>>{};
    std::vector<std::uint8_t> frame(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(size));
    drop(size);
    return std::optional{std::move(frame)};
}

void FrameAssembler::reset()
{
    m_buffer.clear();
    m_skipped = 0;
}

void FrameAssembler::resync()
{
    auto found = std::search(m_buffer.begin(), m_buffer.end(), kPreamble.begin(), kPreamble.end());
    std::size_t keepFrom = static_cast<std::size_t>(found - m_buffer.begin());
    if (found == m_buffer.end()) {
        // No whole preamble yet: keep the longest tail that could be its start,
        // so a preamble split across two reads is not lost.
        keepFrom = m_buffer.size();
        for (std::size_t tail = std::min(m_buffer.size(), kPreamble.size() - 1); tail > 0; --tail)
            if (std::equal(m_buffer.end() - static_cast<std::ptrdiff_t>(tail), m_buffer.end(), kPreamble.begin())) {
                keepFrom = m_buffer.size() - tail;
                break;
            }
    }
    m_skipped += keepFrom;
    drop(keepFrom);
}

void FrameAssembler::drop(std::size_t count)
{
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(count));
}

} // namespace kiosk::devices::idcard
