#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "escpos/escpos_encoder.hpp"
#include "escpos/escpos_interpreter.hpp"
#include "escpos/escpos_parser.hpp"
#include "escpos/gb18030_text.hpp"

using namespace kiosk;
using namespace kiosk::devices::escpos;

namespace {

const std::string kSlipCode = "REG-20261123-0042 挂号";

Bytes encode(const ReceiptDocument& doc, const EncoderOptions& options = {})
{
    auto encoded = encodeReceipt(doc, options);
    REQUIRE_MESSAGE(encoded.has_value(), encoded.error().message);
    return encoded->bytes;
}

const EscposInterpreter& interpreter(int width = kPaper80mmDots)
{
    // The font is 20 MB: load it once per paper width for the whole run.
    static auto wide = EscposInterpreter::open({});
    static auto narrow = EscposInterpreter::open({.paperWidthDots = kPaper58mmDots});
    auto& chosen = width == kPaper58mmDots ? narrow : wide;
    REQUIRE_MESSAGE(chosen.has_value(), chosen.error().message);
    return *chosen;
}

ReceiptDocument registrationSlip()
{
    return {{
        ReceiptText{"门诊挂号凭条", TextAlign::Center, 2, 2, true},
        ReceiptText{"科室：内科  医生：李金鑫", TextAlign::Left, 1, 1, false},
        ReceiptText{"号序：0042", TextAlign::Left, 1, 2, false},
        ReceiptQrCode{kSlipCode, 6, TextAlign::Center},
        ReceiptText{"请凭此条到诊室候诊", TextAlign::Center, 1, 1, false},
        ReceiptFeed{2},
        ReceiptCut{true},
    }};
}

std::filesystem::path scratchDir()
{
    auto dir = std::filesystem::temp_directory_path() / ("kiosk-escpos-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

enum class Charset { Guessed, Binary };

// Runs zbarimg on the PNG and returns what it decoded; fails the test if zbarimg is missing.
// Charset::Binary returns the symbol's bytes as they are, without zbar's charset guess.
std::string scanQr(const std::filesystem::path& png, Charset charset = Charset::Guessed)
{
    REQUIRE_MESSAGE(std::system("command -v zbarimg >/dev/null 2>&1") == 0,
                    "zbarimg is missing: packaging/install-deps.sh installs zbar-tools");
    std::string command = std::string("zbarimg -q --nodbus --raw ") + (charset == Charset::Binary ? "-Sbinary " : "") +
                          "'" + png.string() + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 256> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe))
        out += buffer.data();
    pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

int blackPixels(const PaperImage& paper)
{
    int n = 0;
    for (std::uint8_t g : paper.gray)
        n += g < 128;
    return n;
}

// The first and last column with ink between rows top and bottom.
std::pair<int, int> inkColumns(const PaperImage& paper, int top, int bottom)
{
    int first = paper.width, last = -1;
    for (int y = top; y < std::min(bottom, paper.height); ++y)
        for (int x = 0; x < paper.width; ++x)
            if (paper.at(x, y) < 128) first = std::min(first, x), last = std::max(last, x);
    return {first, last};
}

template <class Op> std::vector<Op> opsOf(const ParsedJob& job)
{
    std::vector<Op> out;
    for (const PrintOp& op : job.ops)
        if (auto* p = std::get_if<Op>(&op)) out.push_back(*p);
    return out;
}

ParsedJob parse(const Bytes& bytes, ParseOptions options = {})
{
    return parseEscpos(bytes, options);
}

}  // namespace

TEST_SUITE("escpos_interpreter")
{
    TEST_CASE("the encoder's output parses back into the document's operations")
    {
        ParsedJob job = parse(encode(registrationSlip()));
        CHECK(job.warnings.empty());
        CHECK_FALSE(job.paperOut);
        auto runs = opsOf<TextRun>(job);
        REQUIRE(runs.size() == 4);
        CHECK(fromGb18030(runs[0].bytes).size() == 6);
        CHECK(runs[0].style.align == TextAlign::Center);
        CHECK(runs[0].style.widthScale == 2);
        CHECK(runs[0].style.heightScale == 2);
        CHECK(runs[0].style.bold);
        CHECK(runs[2].style.heightScale == 2);
        CHECK(runs[2].style.widthScale == 1);
        auto qr = opsOf<QrPrint>(job);
        REQUIRE(qr.size() == 1);
        REQUIRE(qr[0].data);
        CHECK(*qr[0].data == kSlipCode);
        CHECK(qr[0].moduleSize == 6);
        CHECK(qr[0].level == QrErrorCorrection::M);
        CHECK(qr[0].align == TextAlign::Center);
        auto cuts = opsOf<Cut>(job);
        REQUIRE(cuts.size() == 1);
        CHECK(cuts[0].partial);
        auto feeds = opsOf<LineEnd>(job);
        REQUIRE(feeds.size() == 5);
        CHECK(feeds.back().lines == 2);
    }

    TEST_CASE("GB18030 decodes back to the characters, hanzi full width")
    {
        auto chars = fromGb18030("\xB9\xD2\xBA\xC5"
                                 "A\x95\x32\x82\x36");
        REQUIRE(chars.size() == 4);
        CHECK(chars[0].codepoint == U'挂');
        CHECK(chars[0].fullWidth);
        CHECK(chars[1].codepoint == U'号');
        CHECK(chars[2].codepoint == U'A');
        CHECK_FALSE(chars[2].fullWidth);
        CHECK(chars[3].codepoint == U'\U00020000');
        auto broken = fromGb18030("\xB9");
        REQUIRE(broken.size() == 1);
        CHECK(broken[0].codepoint == 0xFFFD);
    }

    TEST_CASE("ESC ! and GS ! set sizes; ESC E bold; ESC a alignment; FS . leaves Chinese mode")
    {
        ParsedJob job =
            parse(Bytes{0x1B, '!', 0x38, 'A', 0x0A, 0x1D, '!', 0x21, 0x1B, 'a', '2', 'B', 0x0A, 0x1C, '.', 0x82, 0x0A});
        auto runs = opsOf<TextRun>(job);
        REQUIRE(runs.size() == 3);
        CHECK(runs[0].style.widthScale == 2);
        CHECK(runs[0].style.heightScale == 2);
        CHECK(runs[0].style.bold);
        CHECK(runs[1].style.widthScale == 3);
        CHECK(runs[1].style.heightScale == 2);
        CHECK(runs[1].style.align == TextAlign::Right);
        CHECK_FALSE(runs[2].style.chinese);
        CHECK(fromCodePage437(runs[2].bytes)[0].codepoint == U'é');
    }

    TEST_CASE("GS v 0 images, GS V cuts, ESC d feeds and DLE EOT requests")
    {
        ParsedJob job = parse(Bytes{0x1D, 'v',  '0', 0x03, 0x01, 0x00, 0x02, 0x00, 0xF0, 0x0F, 0x1B, 'd',
                                    0x04, 0x1D, 'V', 0x00, 0x1D, 'V',  66,   0x20, 0x10, 0x04, 0x04});
        CHECK(job.warnings.empty());
        auto images = opsOf<RasterImage>(job);
        REQUIRE(images.size() == 1);
        CHECK(images[0].widthBytes == 1);
        CHECK(images[0].height == 2);
        CHECK(images[0].scaleX == 2);
        CHECK(images[0].scaleY == 2);
        CHECK(images[0].isBlack(0, 0));
        CHECK_FALSE(images[0].isBlack(4, 0));
        CHECK(images[0].isBlack(7, 1));
        REQUIRE(opsOf<LineEnd>(job).size() == 1);
        CHECK(opsOf<LineEnd>(job)[0].lines == 4);
        auto cuts = opsOf<Cut>(job);
        REQUIRE(cuts.size() == 2);
        CHECK_FALSE(cuts[0].partial);
        CHECK(cuts[1].partial);
        CHECK(cuts[1].feedDots == 0x20);
        REQUIRE(opsOf<StatusRequest>(job).size() == 1);
        CHECK(opsOf<StatusRequest>(job)[0].n == 4);
    }

    TEST_CASE("QR functions 165/167/169/180/181 keep their settings; ESC @ forgets the data")
    {
        Bytes bytes = qrModel(QrModel::Model2);
        append(bytes, qrModuleSize(5));
        append(bytes, qrErrorCorrection(QrErrorCorrection::H));
        append(bytes, qrStore("hello"));
        append(bytes, qrPrint());
        append(bytes, initialize());
        append(bytes, qrPrint());
        ParsedJob job = parse(bytes);
        auto qr = opsOf<QrPrint>(job);
        REQUIRE(qr.size() == 1);
        REQUIRE(qr[0].data);
        CHECK(*qr[0].data == "hello");
        CHECK(qr[0].moduleSize == 5);
        CHECK(qr[0].level == QrErrorCorrection::H);
        REQUIRE(job.warnings.size() == 1);
        CHECK(job.warnings[0].find("no data stored") != std::string::npos);
    }

    TEST_CASE("unknown commands are skipped with a warning and the text around them survives")
    {
        // A barcode's data is stepped over as a whole, not printed as text.
        ParsedJob job = parse(Bytes{'a', 0x1B, 0x7E, 'b', 0x1D, 'k', 73, 0x03, 'X', 'Y', 'Z', 'c', 0x0A});
        auto runs = opsOf<TextRun>(job);
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].bytes == "abc");
        REQUIRE(job.warnings.size() == 2);
        CHECK(job.warnings[0] == "offset 1: unknown command ESC 0x7E skipped");
        CHECK(job.warnings[1].find("barcode") != std::string::npos);
    }

    TEST_CASE("a command cut short at the end is reported, not run")
    {
        ParsedJob job = parse(Bytes{'x', 0x0A, 0x1D, 'v', '0', 0x00, 0x10, 0x00, 0x10, 0x00, 0xFF});
        CHECK(opsOf<RasterImage>(job).empty());
        REQUIRE(job.warnings.size() == 1);
        CHECK(job.warnings[0].find("offset 2: the last command is incomplete") == 0);
        CHECK(job.consumed == 11);
    }

    TEST_CASE("ESC @ discards text that was never ended by LF")
    {
        ParsedJob job = parse(Bytes{'l', 'o', 's', 't', 0x1B, '@', 'k', 'e', 'p', 't', 0x0A});
        auto runs = opsOf<TextRun>(job);
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].bytes == "kept");
    }

    TEST_CASE("paper out after N bytes: the rest is not consumed and the job says how far it got")
    {
        Bytes bytes = encode(registrationSlip());
        std::size_t qrStart = 0;
        for (std::size_t i = 0; i + 2 < bytes.size(); ++i)
            if (bytes[i] == 0x1D && bytes[i + 1] == '(' && bytes[i + 2] == 'k') {
                qrStart = i;
                break;
            }
        REQUIRE(qrStart > 0);
        ParsedJob job = parse(bytes, {.paperOutAfter = qrStart + 3});
        CHECK(job.paperOut);
        CHECK(job.consumed == qrStart + 3);
        CHECK(job.warnings.empty());
        CHECK(opsOf<QrPrint>(job).empty());
        CHECK(opsOf<TextRun>(job).size() == 3);
        CHECK(opsOf<Cut>(job).empty());
        ParsedJob whole = parse(bytes, {.paperOutAfter = bytes.size()});
        CHECK_FALSE(whole.paperOut);
        CHECK(whole.consumed == bytes.size());
    }

    TEST_CASE("rendering: paper width, centred title, larger sizes taller, bold darker")
    {
        Rendering r = interpreter().render(encode({{ReceiptText{"挂号", TextAlign::Center, 1, 1, false}}}));
        CHECK(r.warnings.empty());
        CHECK(r.paper.width == 576);
        CHECK(r.paper.height == 30);
        auto [first, last] = inkColumns(r.paper, 0, r.paper.height);
        CHECK(first >= 576 / 2 - 24 - 1);
        CHECK(last <= 576 / 2 + 24 + 1);
        CHECK(first < 576 / 2 - 16);  // two hanzi, 48 dots together, around the middle

        Rendering big = interpreter().render(encode({{ReceiptText{"挂号", TextAlign::Left, 2, 3, false}}}));
        CHECK(big.paper.height == 72);
        CHECK(inkColumns(big.paper, 0, big.paper.height).first < 8);
        Rendering right = interpreter().render(encode({{ReceiptText{"号", TextAlign::Right, 1, 1, false}}}));
        CHECK(inkColumns(right.paper, 0, right.paper.height).second > 576 - 6);

        Rendering plain = interpreter().render(encode({{ReceiptText{"挂号 ABC", TextAlign::Left, 1, 1, false}}}));
        Rendering bold = interpreter().render(encode({{ReceiptText{"挂号 ABC", TextAlign::Left, 1, 1, true}}}));
        CHECK(blackPixels(bold.paper) > blackPixels(plain.paper) * 5 / 4);
    }

    TEST_CASE("rendering: a raster image lands where its bits say, a cut is a dashed line")
    {
        ReceiptImage image{16, 4, std::vector<std::uint8_t>(64, 1), TextAlign::Left};
        Rendering r = interpreter().render(encode({{image, ReceiptCut{false}}}));
        CHECK(r.cuts == 1);
        CHECK(r.paper.at(0, 0) == 0);
        CHECK(r.paper.at(15, 3) == 0);
        CHECK(r.paper.at(16, 0) == 255);
        int cutRow = 4 + 6 - 1;
        CHECK(r.paper.at(0, cutRow) == 0);
        CHECK(r.paper.at(9, cutRow) == 255);  // a gap in the dashes
    }

    TEST_CASE("rendering: long lines wrap at the paper's edge, on 58 mm paper too")
    {
        Bytes bytes = encode({{ReceiptText{std::string(40, 'W'), TextAlign::Left, 1, 1, false}}});
        CHECK(interpreter().render(bytes).paper.height == 30);
        Rendering narrow = interpreter(kPaper58mmDots).render(bytes);
        CHECK(narrow.paper.width == 384);
        CHECK(narrow.paper.height == 60);  // 32 characters fit a line of 384 dots
    }

    TEST_CASE("rendering reports text left without LF and paper running out")
    {
        Rendering r = interpreter().render(Bytes{'a', 0x0A, 'b'});
        REQUIRE(r.warnings.size() == 1);
        CHECK(r.warnings[0].find("not followed by LF") != std::string::npos);
        Bytes bytes = encode(registrationSlip());
        InterpreterOptions options;
        options.paperOutAfter = 40;
        auto limited = EscposInterpreter::open(options);
        REQUIRE(limited.has_value());
        Rendering cut = limited->render(bytes);
        CHECK(cut.job.paperOut);
        CHECK(cut.job.consumed == 40);
        CHECK(cut.warnings.back().find("paper ran out after 40 of") == 0);
    }

    TEST_CASE("a missing font names the package to install")
    {
        InterpreterOptions options;
        options.fontPath = "/nonexistent/NotoSansCJK-Regular.ttc";
        auto missing = EscposInterpreter::open(options);
        REQUIRE_FALSE(missing.has_value());
        CHECK(missing.error().message.find("fonts-noto-cjk") != std::string::npos);
    }

    TEST_CASE("round trip: encode, interpret, write PNG, zbarimg reads the QR code back")
    {
        auto png = [](QrMode mode) {
            EncoderOptions options;
            options.qrMode = mode;
            Rendering r = interpreter().render(encode(registrationSlip(), options));
            CHECK(r.warnings.empty());
            auto path = scratchDir() / (mode == QrMode::Native ? "slip-native.png" : "slip-raster.png");
            REQUIRE(writePng(r.paper, path.string()).has_value());
            return path;
        };
        SUBCASE("raster fallback: the UTF-8 ECI lets zbar read the text as it is")
        {
            CHECK(scanQr(png(QrMode::Raster)) == kSlipCode);
        }
        SUBCASE("native GS ( k: the symbol carries the UTF-8 bytes exactly")
        {
            // A printer's own QR engine adds no ECI, and zbar guesses Shift-JIS for
            // unmarked bytes, so the bytes are compared without its guess.
            CHECK(scanQr(png(QrMode::Native), Charset::Binary) == kSlipCode);
        }
        std::filesystem::remove_all(scratchDir());
    }

    TEST_CASE("the QR test can fail: a damaged symbol does not scan")
    {
        Rendering r = interpreter().render(encode({{ReceiptQrCode{kSlipCode, 6, TextAlign::Center}}}));
        // Paint over the middle of the symbol.
        r.paper.fill(r.paper.width / 2 - 60, r.paper.height / 2 - 60, 120, 120, 0);
        auto png = scratchDir() / "damaged.png";
        REQUIRE(writePng(r.paper, png.string()).has_value());
        CHECK(scanQr(png).empty());
        std::filesystem::remove_all(scratchDir());
    }
}
