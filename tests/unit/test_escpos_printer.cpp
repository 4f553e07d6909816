#include <doctest/doctest.h>

#include <optional>
#include <vector>

#include "escpos/escpos_encoder.hpp"
#include "escpos/escpos_printer.hpp"

using namespace kiosk;
using namespace kiosk::devices;
using namespace kiosk::devices::escpos;

namespace {

using Bytes = std::vector<std::uint8_t>;

// A printer on the other end of the channel: answers DLE EOT n with the
// configured bytes, keeps what is printed, and can run out of paper after
// a number of bytes (from then on it is offline and takes nothing).
class ScriptedPrinter final : public ByteChannel {
public:
    std::uint8_t status[5] = {0, 0x12, 0x12, 0x12, 0x12};  // index n: reply to DLE EOT n
    std::optional<std::size_t> paperOutAfter;
    Bytes printed;

    WriteOutcome write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds) override
    {
        if (bytes.size() == 3 && bytes[0] == 0x10 && bytes[1] == 0x04 && bytes[2] >= 1 && bytes[2] <= 4) {
            m_pending.push_back(status[bytes[2]]);
            return {3, 3, false, {}};
        }
        std::size_t take = bytes.size();
        if (paperOutAfter) take = std::min(take, *paperOutAfter > printed.size() ? *paperOutAfter - printed.size() : 0);
        printed.insert(printed.end(), bytes.begin(), bytes.begin() + static_cast<long>(take));
        if (paperOutAfter && printed.size() >= *paperOutAfter) runOutOfPaper();
        if (take < bytes.size()) {
            runOutOfPaper();
            return {take, bytes.size(), true, "the device stopped accepting data (timeout)"};
        }
        return {take, bytes.size(), false, {}};
    }
    Result<Bytes> read(std::size_t, std::chrono::milliseconds) override
    {
        Bytes out;
        out.swap(m_pending);
        return out;
    }
    void runOutOfPaper()
    {
        status[1] = 0x1A;  // offline
        status[2] = 0x32;  // stopped by paper end
        status[4] = 0x72;  // paper end
    }

private:
    Bytes m_pending;
};

ReceiptDocument sampleReceipt()
{
    ReceiptDocument doc;
    doc.elements.push_back(ReceiptText{"示范市第一人民医院", TextAlign::Center, 2, 2, true});
    doc.elements.push_back(ReceiptText{"挂号凭条 张*三 内科 08:00-09:00", TextAlign::Left, 1, 1, false});
    doc.elements.push_back(ReceiptQrCode{"REG-20261123-0042", 6, TextAlign::Center});
    doc.elements.push_back(ReceiptFeed{3});
    doc.elements.push_back(ReceiptCut{false});
    return doc;
}

} // namespace

TEST_SUITE("escpos_printer")
{
    TEST_CASE("a printer with paper prints the encoder's bytes exactly and reports success")
    {
        ScriptedPrinter device;
        EscPosPrinter printer(device, "test printer");
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK(outcome.printed);
        CHECK(outcome.error.empty());
        auto expected = encodeReceipt(sampleReceipt());
        REQUIRE(expected.has_value());
        CHECK(device.printed == expected->bytes);
        CHECK(outcome.bytesSent == outcome.bytesTotal);
        CHECK(outcome.statusAfter.paper == PaperState::Ok);
    }

    TEST_CASE("out of paper before printing: nothing is sent and the reason is given")
    {
        ScriptedPrinter device;
        device.runOutOfPaper();
        EscPosPrinter printer(device, "test printer");
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK_FALSE(outcome.printed);
        CHECK(outcome.bytesSent == 0);
        CHECK(device.printed.empty());
        CHECK(outcome.error.find("paper empty") != std::string::npos);
    }

    TEST_CASE("paper running out mid-print is a failure with how far it got, never a success")
    {
        ScriptedPrinter device;
        device.paperOutAfter = 40;
        EscPosPrinter printer(device, "test printer");
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK_FALSE(outcome.printed);
        CHECK(outcome.bytesSent == 40);
        CHECK(outcome.bytesTotal > 40);
        CHECK(outcome.statusAfter.paper == PaperState::Empty);
        CHECK(outcome.error.find("after 40 of") != std::string::npos);
    }

    TEST_CASE("paper end reported right after a complete send still fails the print")
    {
        ScriptedPrinter device;
        auto encoded = encodeReceipt(sampleReceipt());
        REQUIRE(encoded.has_value());
        device.paperOutAfter = encoded->bytes.size();  // the last byte takes the last of the roll
        EscPosPrinter printer(device, "test printer");
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK(outcome.bytesSent == outcome.bytesTotal);
        CHECK_FALSE(outcome.printed);
        CHECK(outcome.error.find("may be incomplete") != std::string::npos);
    }

    TEST_CASE("a printer that never answers status is an error, not a guess")
    {
        struct Mute final : ByteChannel {
            WriteOutcome write(std::span<const std::uint8_t> b, std::chrono::milliseconds) override
            {
                return {b.size(), b.size(), false, {}};
            }
            Result<Bytes> read(std::size_t, std::chrono::milliseconds) override { return Bytes{}; }
        } mute;
        EscPosPrinter printer(mute, "mute printer", {}, std::chrono::milliseconds(20));
        auto status = printer.queryStatus();
        REQUIRE_FALSE(status.has_value());
        CHECK(status.error().message.find("did not answer") != std::string::npos);
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK_FALSE(outcome.printed);
    }

    TEST_CASE("cover open is refused before printing")
    {
        ScriptedPrinter device;
        device.status[1] = 0x1A;  // offline
        device.status[2] = 0x16;  // cover open
        EscPosPrinter printer(device, "test printer");
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK_FALSE(outcome.printed);
        CHECK(outcome.error.find("cover open") != std::string::npos);
        CHECK(device.printed.empty());
    }
}
