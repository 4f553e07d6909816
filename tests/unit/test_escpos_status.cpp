#include <doctest/doctest.h>

#include <array>
#include <vector>

#include "escpos/escpos_encoder.hpp"
#include "escpos/escpos_status.hpp"

using namespace kiosk;
using namespace kiosk::devices::escpos;

namespace {

StatusDetail decodeOk(std::vector<StatusReply> replies)
{
    auto d = decodeStatusReplies(replies);
    REQUIRE_MESSAGE(d.has_value(), d.error().message);
    return *d;
}

PaperState paperFor(std::uint8_t rollPaperReply)
{
    return decodeOk({{StatusQuery::RollPaper, rollPaperReply}}).status.paper;
}

}  // namespace

TEST_SUITE("escpos_status")
{
    TEST_CASE("the request bytes are DLE EOT n")
    {
        CHECK(encodeStatusQuery(StatusQuery::Printer) == std::array<std::uint8_t, 3>{0x10, 0x04, 0x01});
        CHECK(encodeStatusQuery(StatusQuery::OfflineCause) == std::array<std::uint8_t, 3>{0x10, 0x04, 0x02});
        CHECK(encodeStatusQuery(StatusQuery::ErrorCause) == std::array<std::uint8_t, 3>{0x10, 0x04, 0x03});
        CHECK(encodeStatusQuery(StatusQuery::RollPaper) == std::array<std::uint8_t, 3>{0x10, 0x04, 0x04});
    }

    TEST_CASE("a reply byte is valid only in the form 0xx1xx10")
    {
        for (std::uint8_t b : {0x12, 0x16, 0x1A, 0x1E, 0x32, 0x52, 0x72, 0x7E})
            CHECK(isRealTimeStatusByte(b));
        for (std::uint8_t b : {0x00, 0x02, 0x10, 0x13, 0x11, 0x92, 0xFF, 0x8E})
            CHECK_FALSE(isRealTimeStatusByte(b));
    }

    TEST_CASE("roll paper: OK, near end, paper end, both")
    {
        CHECK(paperFor(0x12) == PaperState::Ok);
        CHECK(paperFor(0x1E) == PaperState::NearEnd);
        CHECK(paperFor(0x72) == PaperState::Empty);
        CHECK(paperFor(0x7E) == PaperState::Empty);
    }

    TEST_CASE("the worked example 1A 32 7E: offline, stopped by paper end, out of paper")
    {
        StatusDetail d =
            decodeOk({{StatusQuery::Printer, 0x1A}, {StatusQuery::OfflineCause, 0x32}, {StatusQuery::RollPaper, 0x7E}});
        CHECK(d.status.power == PowerState::Offline);
        CHECK(d.stoppedByPaperEnd);
        CHECK(d.status.paper == PaperState::Empty);
        CHECK_FALSE(d.status.coverOpen);
        CHECK_FALSE(d.status.readyToPrint());
        CHECK(describe(d.status) == "offline, paper empty");
    }

    TEST_CASE("four clear replies in order: online, paper OK, ready")
    {
        std::vector<std::uint8_t> inOrder{0x12, 0x12, 0x12, 0x12};
        auto d = decodeStatusReplies(inOrder);
        REQUIRE(d.has_value());
        CHECK(d->status.power == PowerState::Online);
        CHECK(d->status.paper == PaperState::Ok);
        CHECK(d->status.readyToPrint());
        CHECK(*d == StatusDetail{d->status});
    }

    TEST_CASE("printer status bits (n = 1)")
    {
        CHECK(decodeOk({{StatusQuery::Printer, 0x16}}).drawerPinHigh);
        CHECK(decodeOk({{StatusQuery::Printer, 0x1A}}).status.power == PowerState::Offline);
        CHECK(decodeOk({{StatusQuery::Printer, 0x32}}).waitingForOnlineRecovery);
        CHECK(decodeOk({{StatusQuery::Printer, 0x52}}).status.paperFeedButton);
        StatusDetail online = decodeOk({{StatusQuery::Printer, 0x12}});
        CHECK(online.status.power == PowerState::Online);
        CHECK(online.status.paper == PaperState::Unknown);  // n = 4 not asked
        CHECK_FALSE(online.status.readyToPrint());
    }

    TEST_CASE("offline cause bits (n = 2)")
    {
        CHECK(decodeOk({{StatusQuery::OfflineCause, 0x16}}).status.coverOpen);
        CHECK(decodeOk({{StatusQuery::OfflineCause, 0x1A}}).paperFedByButton);
        CHECK(decodeOk({{StatusQuery::OfflineCause, 0x32}}).status.paper == PaperState::Empty);
        CHECK(decodeOk({{StatusQuery::OfflineCause, 0x52}}).errorOccurred);
        CHECK(decodeOk({{StatusQuery::OfflineCause, 0x12}}).status.power == PowerState::Unknown);
    }

    TEST_CASE("error cause bits (n = 3), the auto-recoverable bit not inverted")
    {
        CHECK(decodeOk({{StatusQuery::ErrorCause, 0x16}}).status.recoverableError);
        CHECK(decodeOk({{StatusQuery::ErrorCause, 0x1A}}).status.cutterError);
        CHECK(decodeOk({{StatusQuery::ErrorCause, 0x32}}).status.unrecoverableError);
        CHECK(decodeOk({{StatusQuery::ErrorCause, 0x52}}).status.autoRecoverableError);
        PrinterStatus clear = decodeOk({{StatusQuery::ErrorCause, 0x12}}).status;
        CHECK_FALSE(clear.autoRecoverableError);
        CHECK_FALSE(clear.recoverableError);
        CHECK_FALSE(clear.cutterError);
        CHECK_FALSE(clear.unrecoverableError);
    }

    TEST_CASE("replies that disagree: the worse reading wins")
    {
        StatusDetail d = decodeOk({{StatusQuery::OfflineCause, 0x32}, {StatusQuery::RollPaper, 0x12}});
        CHECK(d.status.paper == PaperState::Empty);
        d = decodeOk({{StatusQuery::Printer, 0x1A}, {StatusQuery::Printer, 0x12}});
        CHECK(d.status.power == PowerState::Offline);
    }

    TEST_CASE("an invalid byte is an error naming the byte and the request")
    {
        auto d = decodeStatusReplies(
            std::vector<StatusReply>{{StatusQuery::Printer, 0x12}, {StatusQuery::OfflineCause, 0x00}});
        REQUIRE_FALSE(d.has_value());
        CHECK(d.error().message.find("0x00") != std::string::npos);
        CHECK(d.error().message.find("DLE EOT 2") != std::string::npos);
        std::vector<std::uint8_t> inOrder{0x12, 0x12, 0x12, 0xFF};
        auto e = decodeStatusReplies(inOrder);
        REQUIRE_FALSE(e.has_value());
        CHECK(e.error().message.find("0xFF") != std::string::npos);
        CHECK(e.error().message.find("DLE EOT 4") != std::string::npos);
        std::vector<std::uint8_t> five{0x12, 0x12, 0x12, 0x12, 0x12};
        CHECK_FALSE(decodeStatusReplies(five).has_value());
    }

    TEST_CASE("reply bits described in words")
    {
        using V = std::vector<std::string>;
        CHECK(describeStatusReply({StatusQuery::Printer, 0x1A}) == V{"offline"});
        CHECK(describeStatusReply({StatusQuery::OfflineCause, 0x36}) == V{"cover open", "stopped by paper end"});
        CHECK(describeStatusReply({StatusQuery::RollPaper, 0x7E}) == V{"paper near end", "paper end"});
        CHECK(describeStatusReply({StatusQuery::ErrorCause, 0x12}).empty());
    }

    TEST_CASE("ASB blocks decode: online and paper OK, offline with paper end, cover, near end, errors")
    {
        auto asb = [](std::array<std::uint8_t, 4> block) {
            auto d = decodeAsbBlock(block);
            REQUIRE(d.has_value());
            return *d;
        };
        StatusDetail ok = asb({0x10, 0x00, 0x00, 0x00});
        CHECK(ok.status.power == PowerState::Online);
        CHECK(ok.status.paper == PaperState::Ok);
        StatusDetail empty = asb({0x18, 0x00, 0x0C, 0x00});
        CHECK(empty.status.power == PowerState::Offline);
        CHECK(empty.status.paper == PaperState::Empty);
        CHECK(asb({0x30, 0x00, 0x00, 0x00}).status.coverOpen);
        CHECK(asb({0x10, 0x00, 0x03, 0x00}).status.paper == PaperState::NearEnd);
        StatusDetail errors = asb({0x10, 0x69, 0x00, 0x00});
        CHECK(errors.waitingForOnlineRecovery);
        CHECK(errors.status.cutterError);
        CHECK(errors.status.unrecoverableError);
        CHECK(errors.status.autoRecoverableError);
        CHECK_FALSE(errors.status.recoverableError);
        CHECK_FALSE(decodeAsbBlock(std::array<std::uint8_t, 4>{0x12, 0, 0, 0}).has_value());
    }

    TEST_CASE("DLE EOT replies and ASB blocks are told apart by their low bits")
    {
        std::vector<std::uint8_t> in{0x12, 0x18, 0x00, 0x0C, 0x00, 0x72};
        auto split = splitInbound(in);
        REQUIRE(split.has_value());
        CHECK(split->consumed == 6);
        REQUIRE(split->messages.size() == 3);
        CHECK(std::get<RealTimeReply>(split->messages[0]).value == 0x12);
        CHECK(std::get<AsbBlock>(split->messages[1]).detail.status.paper == PaperState::Empty);
        CHECK(std::get<RealTimeReply>(split->messages[2]).value == 0x72);

        std::vector<std::uint8_t> partial{0x12, 0x10, 0x00};
        auto rest = splitInbound(partial);
        REQUIRE(rest.has_value());
        CHECK(rest->consumed == 1);  // the ASB block is not complete yet
        CHECK(rest->messages.size() == 1);

        std::vector<std::uint8_t> garbage{0x12, 0x41};
        auto bad = splitInbound(garbage);
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().message.find("0x41 at offset 1") != std::string::npos);
    }
}
