#include <doctest/doctest.h>

#include <deque>
#include <map>
#include <string>
#include <vector>

#include "idcard/sam_frame.hpp"
#include "idcard/sam_reader_session.hpp"
#include "sam_replies.hpp"
#include "scripted_reader.hpp"

using namespace kiosk;
using namespace kiosk::devices;
using namespace kiosk::devices::idcard;

namespace {

using namespace kiosk::test;

const Bytes kNoCard = replyFrame(0x80);
const Bytes kFound = replyFrame(0x9F, {0, 0, 0, 0});
const Bytes kSelected = replyFrame(0x90, Bytes(8, 0));

} // namespace

TEST_SUITE("sam_reader_session")
{
    TEST_CASE("a card placed on the reader is found, selected, read and decoded once")
    {
        ScriptedReader reader;
        reader.replies[findCardCommand()] = {kNoCard, kFound};
        reader.replies[selectCardCommand()] = {kSelected};
        reader.replies[readTextAndPhotoCommand()] = {residentReadReply()};
        SamReaderSession session(reader, std::chrono::milliseconds(200));

        auto first = session.poll();
        REQUIRE(first.has_value());
        CHECK(std::holds_alternative<std::monostate>(*first));

        auto second = session.poll();
        REQUIRE(second.has_value());
        REQUIRE(std::holds_alternative<CardInserted>(*second));
        const IdentityCard& card = std::get<CardInserted>(*second).card;
        CHECK(card.name == "张小三");
        CHECK(card.idNumber == "440106198503121234");
        CHECK(card.birthDate == CivilDate{1985, 3, 12});
        CHECK(card.photoWlt.size() == 1024);

        // Still found: the same card is not read again.
        auto third = session.poll();
        REQUIRE(third.has_value());
        CHECK(std::holds_alternative<std::monostate>(*third));
        CHECK(reader.received.back() == findCardCommand());
    }

    TEST_CASE("a card that leaves the field is reported once and can then be read again")
    {
        ScriptedReader reader;
        reader.replies[findCardCommand()] = {kFound, kNoCard, kNoCard, kFound};
        reader.replies[selectCardCommand()] = {kSelected};
        reader.replies[readTextAndPhotoCommand()] = {residentReadReply()};
        SamReaderSession session(reader, std::chrono::milliseconds(200));
        REQUIRE(std::holds_alternative<CardInserted>(*session.poll()));
        CHECK(std::holds_alternative<CardRemoved>(*session.poll()));
        CHECK(std::holds_alternative<std::monostate>(*session.poll()));
        CHECK(std::holds_alternative<CardInserted>(*session.poll()));
    }

    TEST_CASE("a card pulled away during the read gives a read failure, not a half card")
    {
        ScriptedReader reader;
        reader.replies[findCardCommand()] = {kFound};
        reader.replies[selectCardCommand()] = {kSelected};
        Bytes truncated = residentReadReply();
        truncated.resize(700);
        reader.replies[readTextAndPhotoCommand()] = {truncated};
        SamReaderSession session(reader, std::chrono::milliseconds(100));
        auto result = session.poll();
        REQUIRE(result.has_value());
        REQUIRE(std::holds_alternative<CardReadFailed>(*result));
        CHECK(std::get<CardReadFailed>(*result).reason.find("in time") != std::string::npos);
    }

    TEST_CASE("a failed read status from the reader is a read failure naming the status")
    {
        ScriptedReader reader;
        reader.replies[findCardCommand()] = {kFound};
        reader.replies[selectCardCommand()] = {kSelected};
        reader.replies[readTextAndPhotoCommand()] = {replyFrame(0x41)};
        SamReaderSession session(reader, std::chrono::milliseconds(100));
        auto result = session.poll();
        REQUIRE(result.has_value());
        REQUIRE(std::holds_alternative<CardReadFailed>(*result));
        CHECK_FALSE(std::get<CardReadFailed>(*result).reason.empty());
    }

    TEST_CASE("an unplugged reader is a transport error, and the SAM check reports a failed self-test")
    {
        ScriptedReader reader;
        reader.replies[readSamStatusCommand()] = {replyFrame(0x60)};
        SamReaderSession session(reader, std::chrono::milliseconds(100));
        auto sam = session.checkSam();
        REQUIRE_FALSE(sam.has_value());
        CHECK(sam.error().message.find("0x60") != std::string::npos);
        reader.unplugged = true;
        CHECK_FALSE(session.poll().has_value());
    }

    TEST_CASE("garbage before a reply is skipped and a wrong checksum is an error")
    {
        ScriptedReader reader;
        Bytes noisy = {0x00, 0x13, 0xAA};
        Bytes noCard = kNoCard;
        noisy.insert(noisy.end(), noCard.begin(), noCard.end());
        reader.replies[findCardCommand()] = {noisy};
        SamReaderSession session(reader, std::chrono::milliseconds(100));
        CHECK(session.poll().has_value());

        Bytes bad = kNoCard;
        bad.back() ^= 0xFF;
        reader.replies[findCardCommand()] = {bad};
        auto result = session.poll();
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message.find("checksum") != std::string::npos);
    }
}
