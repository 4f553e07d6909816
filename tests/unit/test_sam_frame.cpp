#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "idcard/hex_text.hpp"
#include "idcard/sam_frame.hpp"

using namespace kiosk::devices::idcard;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes hex(std::string_view text)
{
    auto bytes = parseHex(text);
    REQUIRE_MESSAGE(bytes.has_value(), (bytes ? "" : bytes.error().message));
    return *bytes;
}

std::string errorOf(const auto& result)
{
    REQUIRE_FALSE(result.has_value());
    return result.error().message;
}

/// A reply frame built by hand, independently of the codec, for the assembler tests.
Bytes replyWithData(std::size_t dataSize)
{
    Bytes frame = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
    const std::size_t len = 3 + dataSize + 1;
    frame.push_back(static_cast<std::uint8_t>(len >> 8));
    frame.push_back(static_cast<std::uint8_t>(len));
    frame.insert(frame.end(), {0x00, 0x00, 0x90});
    for (std::size_t i = 0; i < dataSize; ++i) frame.push_back(static_cast<std::uint8_t>(i * 31 + 7));
    std::uint8_t chk = 0;
    for (std::size_t i = 5; i < frame.size(); ++i) chk ^= frame[i];
    frame.push_back(chk);
    return frame;
}

/// Feeds the bytes in chunks of `chunk` and collects every frame and error.
struct Collected {
    std::vector<Bytes> frames;
    std::vector<std::string> errors;
};

void drain(FrameAssembler& assembler, Collected& out)
{
    for (;;) {
        auto next = assembler.next();
        if (!next) {
            out.errors.push_back(next.error().message);
            continue;
        }
        if (!*next) return;
        out.frames.push_back(std::move(**next));
    }
}

Collected feedInChunks(FrameAssembler& assembler, const Bytes& stream, std::size_t chunk)
{
    Collected out;
    for (std::size_t at = 0; at < stream.size(); at += chunk) {
        std::size_t n = std::min(chunk, stream.size() - at);
        assembler.feed(std::span(stream).subspan(at, n));
        drain(assembler, out);
    }
    return out;
}

} // namespace

TEST_SUITE("sam_frame")
{
    TEST_CASE("command frames match the reference table byte for byte")
    {
        CHECK(readSamStatusCommand() == hex("AA AA AA 96 69 00 03 11 FF ED"));
        CHECK(readSamIdCommand() == hex("AA AA AA 96 69 00 03 12 FF EE"));
        CHECK(findCardCommand() == hex("AA AA AA 96 69 00 03 20 01 22"));
        CHECK(selectCardCommand() == hex("AA AA AA 96 69 00 03 20 02 21"));
        CHECK(readTextAndPhotoCommand() == hex("AA AA AA 96 69 00 03 30 01 32"));
        CHECK(readWithFingerprintCommand() == hex("AA AA AA 96 69 00 03 30 10 23"));
        CHECK(setMaxRfFrameCommand() == hex("AA AA AA 96 69 00 04 61 FF 50 CA"));
        // The two commands the reference marks unconfirmed, through the generic encoder.
        CHECK(encodeCommand(0x10, 0xFF) == hex("AA AA AA 96 69 00 03 10 FF EC"));
        CHECK(encodeCommand(0x30, 0x03) == hex("AA AA AA 96 69 00 03 30 03 30"));
    }

    TEST_CASE("LEN counts CMD, PARA, the data and the checksum")
    {
        const std::uint8_t data[] = {0x01, 0x02, 0x03};
        Bytes frame = encodeCommand(0x61, 0xFF, data);
        CHECK(frame.size() == 7 + 2 + 3 + 1);
        CHECK(frame[5] == 0x00);
        CHECK(frame[6] == 0x06);
        CHECK(frame.back() == (0x00 ^ 0x06 ^ 0x61 ^ 0xFF ^ 0x01 ^ 0x02 ^ 0x03));
    }

    TEST_CASE("command frames decode back to CMD, PARA and data")
    {
        auto command = decodeCommand(setMaxRfFrameCommand(0x50));
        REQUIRE(command.has_value());
        CHECK(command->cmd == 0x61);
        CHECK(command->para == 0xFF);
        CHECK(command->data == Bytes{0x50});
    }

    TEST_CASE("the published find-card sample with checksum 21 is rejected; 22 is right")
    {
        Bytes published = hex("AA AA AA 96 69 00 03 20 01 21");
        CHECK(errorOf(decodeCommand(published)) == "checksum is 0x21, expected 0x22");
        CHECK(errorOf(decodeReply(published)) == "checksum is 0x21, expected 0x22");
        CHECK(xorChecksum(std::span(published).subspan(5, 4)) == 0x22);
        published.back() = 0x22;
        CHECK(decodeCommand(published).has_value());
        CHECK(published == findCardCommand());
    }

    TEST_CASE("reply frames from the reference decode to their status and data")
    {
        struct Golden {
            const char* frame;
            std::uint8_t sw3;
            std::size_t dataSize;
            Sw3Class cls;
        };
        const Golden golden[] = {
            {"AA AA AA 96 69 00 04 00 00 90 94", 0x90, 0, Sw3Class::Success},
            {"AA AA AA 96 69 00 04 00 00 60 64", 0x60, 0, Sw3Class::Error},
            {"AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", 0x9F, 4, Sw3Class::CardFound},
            {"AA AA AA 96 69 00 04 00 00 80 84", 0x80, 0, Sw3Class::NoCard},
            {"AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", 0x90, 8, Sw3Class::Success},
            {"AA AA AA 96 69 00 04 00 00 81 85", 0x81, 0, Sw3Class::Error},
            {"AA AA AA 96 69 00 04 00 00 41 45", 0x41, 0, Sw3Class::Error},
        };
        for (const auto& g : golden) {
            CAPTURE(g.frame);
            auto reply = decodeReply(hex(g.frame));
            REQUIRE_MESSAGE(reply.has_value(), (reply ? "" : reply.error().message));
            CHECK(reply->sw1 == 0x00);
            CHECK(reply->sw2 == 0x00);
            CHECK(reply->sw3 == g.sw3);
            CHECK(reply->data == Bytes(g.dataSize, 0x00));
            CHECK(classifySw3(reply->sw3) == g.cls);
        }
    }

    TEST_CASE("a wrong checksum names both values")
    {
        CHECK(errorOf(decodeReply(hex("AA AA AA 96 69 00 04 00 00 90 95"))) == "checksum is 0x95, expected 0x94");
        CHECK(errorOf(decodeReply(hex("AA AA AA 96 69 00 04 00 00 80 94"))) == "checksum is 0x94, expected 0x84");
    }

    TEST_CASE("a truncated frame says how many bytes LEN announced and how many came")
    {
        CHECK(errorOf(decodeReply(hex("AA AA AA 96 69 00 08 00 00 9F 00 00 97"))) ==
              "frame is truncated: LEN 00 08 (8) announces 15 bytes, got 13");
        CHECK(errorOf(decodeReply(hex("AA AA AA 96 69 00"))) ==
              "frame is 6 bytes, shorter than the 8 of preamble, LEN and checksum");
        CHECK(errorOf(decodeReply({})) == "frame is 0 bytes, shorter than the 8 of preamble, LEN and checksum");
    }

    TEST_CASE("a LEN that does not match the frame is rejected either way")
    {
        CHECK(errorOf(decodeReply(hex("AA AA AA 96 69 00 05 00 00 90 95"))) ==
              "frame is truncated: LEN 00 05 (5) announces 12 bytes, got 11");
        CHECK(errorOf(decodeReply(hex("AA AA AA 96 69 00 03 00 00 90 93"))) ==
              "frame is too long: LEN 00 03 (3) announces 10 bytes, got 11");
        CHECK(errorOf(decodeReply(hex("AA AA AA 96 69 00 00 00 00 90 90"))).find("LEN 00 00 (0)") == 0);
    }

    TEST_CASE("a read reply with a LEN one too large is truncated, one too small too long")
    {
        Bytes frame = replyWithData(1284);
        frame[6] = 0x09;
        CHECK(errorOf(decodeReply(frame)) == "frame is truncated: LEN 05 09 (1289) announces 1296 bytes, got 1295");
        frame[6] = 0x07;
        CHECK(errorOf(decodeReply(frame)) == "frame is too long: LEN 05 07 (1287) announces 1294 bytes, got 1295");
    }

    TEST_CASE("a reply too short for SW1 SW2 SW3 is refused after its checksum checks out")
    {
        CHECK(errorOf(decodeReply(findCardCommand())) ==
              "reply is too short: LEN 00 03 (3) leaves 2 bytes before the checksum, expected at least SW1 SW2 SW3");
    }

    TEST_CASE("a wrong preamble is shown next to the expected one")
    {
        CHECK(errorOf(decodeReply(hex("AA AA AB 96 69 00 04 00 00 90 94"))) ==
              "preamble is AA AA AB 96 69, expected AA AA AA 96 69");
        CHECK(errorOf(decodeReply(hex("00 AA AA AA 96 69 00 04 00 00 90"))).starts_with("preamble is 00 AA AA AA 96"));
    }

    TEST_CASE("SW3 codes have a meaning in Chinese and English and a class")
    {
        CHECK(sw3Meaning(0x90) == "操作成功 success");
        CHECK(sw3Meaning(0x9F).starts_with("寻找居民身份证成功"));
        CHECK(sw3Meaning(0x80).starts_with("寻找居民身份证失败"));
        CHECK(sw3Meaning(0x41).find("reading the card failed") != std::string_view::npos);
        CHECK(sw3Meaning(0x60).starts_with("SAM_A自检失败"));
        CHECK(sw3Meaning(0x91).starts_with("无此项内容"));
        for (std::uint8_t code : {0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x37, 0x3F, 0x40, 0x47, 0x66, 0x81}) {
            CAPTURE(int(code));
            CHECK_FALSE(sw3Meaning(code).starts_with("未知状态"));
            CHECK(classifySw3(code) == Sw3Class::Error);
        }
        // SDK return codes are not SW3 values.
        for (std::uint8_t code : {0x00, 0x01, 0x02, 0x03, 0x05, 0x09, 0xFF}) {
            CAPTURE(int(code));
            CHECK(sw3Meaning(code).starts_with("未知状态"));
        }
        CHECK(classifySw3(0x90) == Sw3Class::Success);
        CHECK(classifySw3(0x9F) == Sw3Class::CardFound);
        CHECK(classifySw3(0x80) == Sw3Class::NoCard);
        CHECK(classifySw3(0x91) == Sw3Class::NotOnCard);
    }

    TEST_CASE("the assembler puts a 1295-byte reply together from 64-byte reads")
    {
        const Bytes frame = replyWithData(1284);
        REQUIRE(frame.size() == 1295);
        CHECK(frame[5] == 0x05);
        CHECK(frame[6] == 0x08);
        FrameAssembler assembler;
        std::size_t fed = 0;
        std::optional<Bytes> got;
        while (fed < frame.size()) {
            std::size_t n = std::min<std::size_t>(64, frame.size() - fed);
            assembler.feed(std::span(frame).subspan(fed, n));
            fed += n;
            auto next = assembler.next();
            REQUIRE(next.has_value());
            if (*next) {
                got = std::move(**next);
                break;
            }
        }
        CHECK(fed == frame.size());  // not a byte early
        REQUIRE(got.has_value());
        CHECK(*got == frame);
        CHECK(decodeReply(*got).has_value());
        CHECK(assembler.buffered() == 0);
        CHECK(assembler.skippedBytes() == 0);
    }

    TEST_CASE("the assembler finds the preamble after garbage, even split across reads")
    {
        Bytes stream = {0x00, 0xAA, 0x13, 0xAA, 0xAA, 0x96};  // looks like a preamble, is not
        const Bytes first = hex("AA AA AA 96 69 00 04 00 00 80 84");
        const Bytes second = hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97");
        stream.insert(stream.end(), first.begin(), first.end());
        stream.insert(stream.end(), {0x55, 0xAA});
        stream.insert(stream.end(), second.begin(), second.end());
        for (std::size_t chunk : {1u, 2u, 3u, 5u, 7u, 64u}) {
            CAPTURE(chunk);
            FrameAssembler assembler;
            Collected out = feedInChunks(assembler, stream, chunk);
            CHECK(out.errors.empty());
            REQUIRE(out.frames.size() == 2);
            CHECK(out.frames[0] == first);
            CHECK(out.frames[1] == second);
            CHECK(assembler.skippedBytes() == 8);
        }
    }

    TEST_CASE("an impossible LEN is reported once and the next frame still arrives")
    {
        const Bytes good = hex("AA AA AA 96 69 00 04 00 00 90 94");
        Bytes stream = hex("AA AA AA 96 69 10 01 00 00");  // LEN 4097
        stream.insert(stream.end(), good.begin(), good.end());
        FrameAssembler assembler;
        Collected out = feedInChunks(assembler, stream, 64);
        REQUIRE(out.errors.size() == 1);
        CHECK(out.errors[0] ==
              "LEN 10 01 (4097) is impossible (a frame's LEN is 3 to 4096); skipped to the next preamble");
        REQUIRE(out.frames.size() == 1);
        CHECK(out.frames[0] == good);

        FrameAssembler tooShort;
        Collected shortOut = feedInChunks(tooShort, hex("AA AA AA 96 69 00 02 00 00"), 64);
        REQUIRE(shortOut.errors.size() == 1);
        CHECK(shortOut.errors[0].starts_with("LEN 00 02 (2) is impossible"));
    }

    TEST_CASE("the largest frame the protocol has passes the length limit")
    {
        const Bytes frame = replyWithData(2310);  // 30 10 with fingerprint
        REQUIRE(frame.size() == 2321);
        CHECK(frame[5] == 0x09);
        CHECK(frame[6] == 0x0A);
        FrameAssembler assembler;
        Collected out = feedInChunks(assembler, frame, 64);
        CHECK(out.errors.empty());
        REQUIRE(out.frames.size() == 1);
        CHECK(out.frames[0] == frame);
    }

    TEST_CASE("reset drops a half-received frame")
    {
        FrameAssembler assembler;
        const Bytes frame = replyWithData(100);
        assembler.feed(std::span(frame).first(50));
        auto pending = assembler.next();
        REQUIRE(pending.has_value());
        CHECK_FALSE(pending->has_value());
        assembler.reset();
        CHECK(assembler.buffered() == 0);
        Collected out = feedInChunks(assembler, frame, 64);
        REQUIRE(out.frames.size() == 1);
        CHECK(out.frames[0] == frame);
    }

    TEST_CASE("hex text reads captures with any whitespace and names bad characters")
    {
        CHECK(parseHex("aa AA\n\t96 69") == Bytes{0xAA, 0xAA, 0x96, 0x69});
        CHECK(parseHex("").value().empty());
        CHECK(errorOf(parseHex("AA AG")) == "'G' at position 4 is not a hex digit");
        CHECK(errorOf(parseHex("AA A")) == "odd number of hex digits (3): the last byte is incomplete");
        CHECK(formatBytes(Bytes{0xAA, 0x05, 0x0F}) == "AA 05 0F");
        CHECK(formatByte(0x0A) == "0x0A");
    }
}
