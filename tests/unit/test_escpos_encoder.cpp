#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "escpos/escpos_commands.hpp"
#include "escpos/escpos_encoder.hpp"
#include "escpos/gb18030_text.hpp"

using namespace kiosk;
using namespace kiosk::devices::escpos;

namespace {

std::string hex(const Bytes& bytes)
{
    std::string out;
    char b[4];
    for (std::uint8_t x : bytes) {
        std::snprintf(b, sizeof b, "%02X", x);
        if (!out.empty()) out += ' ';
        out += b;
    }
    return out;
}

std::string hex(const std::string& text)
{
    return hex(Bytes(text.begin(), text.end()));
}

EncodedReceipt encodeOk(const ReceiptDocument& doc, const EncoderOptions& options = {})
{
    auto encoded = encodeReceipt(doc, options);
    REQUIRE_MESSAGE(encoded.has_value(), encoded.error().message);
    return *encoded;
}

// The encoded receipt after its fixed preamble ESC @ FS &.
std::string body(const ReceiptDocument& doc, const EncoderOptions& options = {})
{
    std::string all = hex(encodeOk(doc, options).bytes);
    REQUIRE(all.rfind("1B 40 1C 26", 0) == 0);
    return all.size() > 11 ? all.substr(12) : "";
}

ReceiptText text(std::string t, TextAlign align = TextAlign::Left, int w = 1, int h = 1, bool bold = false)
{
    return ReceiptText{std::move(t), align, w, h, bold};
}

}  // namespace

TEST_SUITE("escpos_encoder")
{
    TEST_CASE("golden bytes for every command of the reference table")
    {
        CHECK(hex(initialize()) == "1B 40");
        CHECK(hex(selectCodePage(0)) == "1B 74 00");
        CHECK(hex(chineseMode(true)) == "1C 26");
        CHECK(hex(chineseMode(false)) == "1C 2E");
        CHECK(hex(chineseDoubleWidth(true)) == "1C 0E");
        CHECK(hex(chineseQuadruple(true)) == "1C 57 01");
        CHECK(hex(printMode(kModeDoubleHeight)) == "1B 21 10");
        CHECK(hex(printMode(kModeDoubleWidth)) == "1B 21 20");
        CHECK(hex(printMode(kModeDoubleHeight | kModeDoubleWidth)) == "1B 21 30");
        CHECK(hex(characterSize(1, 1)) == "1D 21 00");
        CHECK(hex(characterSize(2, 2)) == "1D 21 11");
        CHECK(hex(characterSize(1, 3)) == "1D 21 02");
        CHECK(hex(characterSize(8, 8)) == "1D 21 77");
        CHECK(hex(align(TextAlign::Left)) == "1B 61 00");
        CHECK(hex(align(TextAlign::Center)) == "1B 61 01");
        CHECK(hex(align(TextAlign::Right)) == "1B 61 02");
        CHECK(hex(bold(true)) == "1B 45 01");
        CHECK(hex(bold(false)) == "1B 45 00");
        CHECK(hex(underline(0)) == "1B 2D 00");
        CHECK(hex(underline(1)) == "1B 2D 01");
        CHECK(hex(underline(2)) == "1B 2D 02");
        CHECK(hex(reverse(true)) == "1D 42 01");
        CHECK(hex(reverse(false)) == "1D 42 00");
        CHECK(hex(qrModel(QrModel::Model2)) == "1D 28 6B 04 00 31 41 32 00");
        CHECK(hex(qrModel(QrModel::Model1)) == "1D 28 6B 04 00 31 41 31 00");
        CHECK(hex(qrModuleSize(6)) == "1D 28 6B 03 00 31 43 06");
        CHECK(hex(qrErrorCorrection(QrErrorCorrection::L)) == "1D 28 6B 03 00 31 45 30");
        CHECK(hex(qrErrorCorrection(QrErrorCorrection::M)) == "1D 28 6B 03 00 31 45 31");
        CHECK(hex(qrErrorCorrection(QrErrorCorrection::H)) == "1D 28 6B 03 00 31 45 33");
        CHECK(hex(qrStore("AB")) == "1D 28 6B 05 00 31 50 30 41 42");
        CHECK(hex(qrPrint()) == "1D 28 6B 03 00 31 51 30");
        CHECK(hex(rasterImage(1, 2, Bytes{0x80, 0x01})) == "1D 76 30 00 01 00 02 00 80 01");
        CHECK(hex(rasterImage(1, 1, Bytes{0xFF}, RasterScale::Quadruple)) == "1D 76 30 03 01 00 01 00 FF");
        CHECK(hex(feedLines(3)) == "1B 64 03");
        CHECK(hex(cut(CutKind::Full)) == "1D 56 00");
        CHECK(hex(cut(CutKind::Partial)) == "1D 56 01");
        CHECK(hex(feedAndCut(CutKind::Partial, 0)) == "1D 56 42 00");
        CHECK(hex(feedAndCut(CutKind::Full, 16)) == "1D 56 41 10");
        CHECK(hex(drawerKick(0, 25, 250)) == "1B 70 00 19 FA");
        CHECK(hex(realTimeStatus(StatusQuery::RollPaper)) == "10 04 04");
        CHECK(hex(automaticStatusBack(kAsbOnline | kAsbError | kAsbPaper)) == "1D 61 0E");
        CHECK(hex(paperSensorStatus()) == "1D 72 01");
    }

    TEST_CASE("QR store length counts cn, fn and m: pL + 256 pH = k + 3")
    {
        Bytes store = qrStore(std::string(300, 'x'));
        REQUIRE(store.size() == 8 + 300);
        CHECK(store[3] == (303 & 0xFF));
        CHECK(store[4] == 1);
    }

    TEST_CASE("Chinese text goes as GB18030 (挂号 = B9D2 BAC5, as iconv gives)")
    {
        auto gb = toGb18030("挂号", TextEncoding::Gb18030, "?");
        REQUIRE(gb.has_value());
        CHECK(hex(gb->bytes) == "B9 D2 BA C5");
        CHECK(gb->unencodable.empty());
        CHECK(body({{text("挂号 No.1")}}) == "B9 D2 BA C5 20 4E 6F 2E 31 0A");
    }

    TEST_CASE("a receipt starts with ESC @ and FS &, then alignment, size and weight before the text")
    {
        CHECK(hex(encodeOk({{text("挂号", TextAlign::Center, 2, 2, true)}}).bytes) ==
              "1B 40 1C 26 1B 61 01 1D 21 11 1B 45 01 B9 D2 BA C5 0A");
    }

    TEST_CASE("modes are sent only when they change")
    {
        CHECK(body({{text("A", TextAlign::Right), text("B", TextAlign::Right), text("C")}}) ==
              "1B 61 02 41 0A 42 0A 1B 61 00 43 0A");
        CHECK(body({{text("a\nb")}}) == "61 0A 62 0A");
        CHECK(body({{text("")}}) == "0A");
    }

    TEST_CASE("four-byte characters: sent under GB18030, marked and listed under GBK")
    {
        CHECK(body({{text("𠀀")}}) == "95 32 82 36 0A");
        EncoderOptions gbk;
        gbk.encoding = TextEncoding::Gbk;
        auto refused = encodeReceipt({{text("𠀀")}}, gbk);
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().message.find("U+20000") != std::string::npos);
        gbk.unencodable = Unencodable::Substitute;
        EncodedReceipt marked = encodeOk({{text("张𠀀三")}}, gbk);
        CHECK(hex(marked.bytes) == "1B 40 1C 26 D5 C5 A1 F5 C8 FD 0A");  // 张 □ 三
        REQUIRE(marked.substitutions.size() == 1);
        CHECK(marked.substitutions[0].find("U+20000") != std::string::npos);
        CHECK(marked.substitutions[0].find("element 0") != std::string::npos);
        // Rare name characters inside GBK's two-byte range still go through.
        CHECK(body({{text("䶮")}}, gbk) == "FE 9F 0A");
    }

    TEST_CASE("control characters and invalid UTF-8 are never passed to the printer")
    {
        auto injected = encodeReceipt({{text("张\x1B@三")}});
        REQUIRE_FALSE(injected.has_value());
        CHECK(injected.error().message.find("U+001B") != std::string::npos);
        auto invalid = encodeReceipt({{text("ab\xFF")}});
        REQUIRE_FALSE(invalid.has_value());
        CHECK(invalid.error().message.find("0xFF") != std::string::npos);
        EncoderOptions lenient;
        lenient.unencodable = Unencodable::Substitute;
        lenient.marker = "?";
        EncodedReceipt out = encodeOk({{text("a\x1B"
                                             "b")}},
                                      lenient);
        CHECK(hex(out.bytes) == "1B 40 1C 26 61 3F 62 0A");
        CHECK(out.substitutions.size() == 1);
    }

    TEST_CASE("a marker the printer cannot take is refused")
    {
        EncoderOptions options;
        options.encoding = TextEncoding::Gbk;
        options.unencodable = Unencodable::Substitute;
        options.marker = "𠀀";
        CHECK_FALSE(encodeReceipt({{text("x")}}, options).has_value());
    }

    TEST_CASE("native QR: model 2, module size, error correction M, store, print")
    {
        ReceiptQrCode qr{"ABC", 6, TextAlign::Center};
        CHECK(body({{qr}}) == "1B 61 01 "
                              "1D 28 6B 04 00 31 41 32 00 "
                              "1D 28 6B 03 00 31 43 06 "
                              "1D 28 6B 03 00 31 45 31 "
                              "1D 28 6B 06 00 31 50 30 41 42 43 "
                              "1D 28 6B 03 00 31 51 30");
        // The data goes as UTF-8 for phone scanners, not as GB18030.
        std::string stored = body({{ReceiptQrCode{"号", 4, TextAlign::Left}}});
        CHECK(stored.find("31 50 30 E5 8F B7") != std::string::npos);
    }

    TEST_CASE("raster QR: one GS v 0 image with its quiet zone, width in bytes")
    {
        EncoderOptions raster;
        raster.qrMode = QrMode::Raster;
        Bytes bytes = encodeOk({{ReceiptQrCode{"ABC", 4, TextAlign::Center}}}, raster).bytes;
        // "ABC" at M fits version 1: 21 modules + 2 × 4 quiet = 29 modules = 116 dots = 15 bytes.
        REQUIRE(bytes.size() == 4 + 3 + 8 + 15 * 116);
        CHECK(hex(Bytes(bytes.begin() + 4, bytes.begin() + 15)) == "1B 61 01 1D 76 30 00 0F 00 74 00");
        // The first dark module is the finder pattern's corner, 16 dots in.
        std::size_t row16 = 15 + 16 * 15;
        CHECK(bytes[row16 + 1] == 0x00);
        CHECK(bytes[row16 + 2] == 0xFF);
    }

    TEST_CASE("a QR code wider than the paper is refused with the way out")
    {
        auto wide = encodeReceipt({{ReceiptQrCode{std::string(200, 'x'), 16, TextAlign::Center}}});
        REQUIRE_FALSE(wide.has_value());
        CHECK(wide.error().message.find("smaller module size") != std::string::npos);
        CHECK_FALSE(encodeReceipt({{ReceiptQrCode{"x", 0, TextAlign::Center}}}).has_value());
        CHECK_FALSE(encodeReceipt({{ReceiptQrCode{"", 4, TextAlign::Center}}}).has_value());
    }

    TEST_CASE("images: packed MSB first, padded to whole bytes")
    {
        ReceiptImage image{10, 2, {1, 0, 0, 0, 0, 0, 0, 1, 1, 0, /**/ 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, TextAlign::Left};
        CHECK(body({{image}}) == "1D 76 30 00 02 00 02 00 81 80 00 40");
        ReceiptImage wrongSize{10, 2, {1, 0}, TextAlign::Left};
        CHECK_FALSE(encodeReceipt({{wrongSize}}).has_value());
        ReceiptImage tooWide{600, 1, std::vector<std::uint8_t>(600, 1), TextAlign::Left};
        auto refused = encodeReceipt({{tooWide}});
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().message.find("576") != std::string::npos);
    }

    TEST_CASE("tall images go as several bands")
    {
        ReceiptImage tall{8, 1500, std::vector<std::uint8_t>(8 * 1500, 0), TextAlign::Left};
        std::string all = body({{tall}});
        CHECK(all.find("1D 76 30 00 01 00 00 04") == 0);                 // 1024 rows
        CHECK(all.find("1D 76 30 00 01 00 DC 01") != std::string::npos);  // then 476
    }

    TEST_CASE("feeds and cuts")
    {
        CHECK(body({{ReceiptFeed{3}}}) == "1B 64 03");
        CHECK(body({{ReceiptFeed{300}}}) == "1B 64 FF 1B 64 2D");
        CHECK(body({{ReceiptFeed{0}}}).empty());
        CHECK(body({{ReceiptCut{false}}}) == "1D 56 41 00");
        CHECK(body({{ReceiptCut{true}}}) == "1D 56 42 00");
        EncoderOptions immediate;
        immediate.cutMode = CutMode::Immediate;
        CHECK(body({{ReceiptCut{false}}}, immediate) == "1D 56 00");
        CHECK(body({{ReceiptCut{true}}}, immediate) == "1D 56 01");
    }

    TEST_CASE("values out of range name the element")
    {
        auto bad = encodeReceipt({{text("ok"), text("big", TextAlign::Left, 9, 1)}});
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().message.find("element 1 (text)") != std::string::npos);
        CHECK_FALSE(encodeReceipt({{ReceiptFeed{-1}}}).has_value());
    }
}
