#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "core/event_queue.hpp"
#include "idcard/sam_frame.hpp"
#include "idcard/usb_id_card_reader.hpp"
#include "scripted_reader.hpp"

using namespace kiosk;
using namespace kiosk::devices;
using namespace kiosk::devices::idcard;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

// Hands the adapter the scripted reader while it is "plugged in"; pulling
// the plug makes every transfer fail, as libusb does for a vanished device.
struct Socket {
    ScriptedReader reader;
    std::atomic<bool> plugged{true};
    std::atomic<int> opens{0};

    /// A working SAM and a resident card lying on the reader.
    void cardOnReader()
    {
        reader.replies[readSamStatusCommand()] = {replyFrame(0x90)};
        reader.replies[findCardCommand()] = {replyFrame(0x9F, {0, 0, 0, 0})};
        reader.replies[selectCardCommand()] = {replyFrame(0x90, Bytes(8, 0))};
        reader.replies[readTextAndPhotoCommand()] = {residentReadReply()};
    }

    UsbIdCardReader::ChannelFactory factory()
    {
        return [this]() -> Result<std::unique_ptr<ByteChannel>> {
            if (!plugged) return fail("no ID-card reader on the bus");
            ++opens;
            return std::unique_ptr<ByteChannel>(new Plug(*this));
        };
    }

    struct Plug final : ByteChannel {
        explicit Plug(Socket& s) : socket(s) {}
        WriteOutcome write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds t) override
        {
            if (!socket.plugged) return {0, bytes.size(), false, "no device"};
            return socket.reader.write(bytes, t);
        }
        Result<Bytes> read(std::size_t n, std::chrono::milliseconds t) override
        {
            if (!socket.plugged) return fail("no device");
            return socket.reader.read(n, t);
        }
        Socket& socket;
    };
};

std::vector<Event> waitForEvents(EventQueue& queue, std::size_t count)
{
    std::vector<Event> all;
    for (int i = 0; i < 400 && all.size() < count; ++i) {
        for (auto& e : queue.drain()) all.push_back(std::move(e));
        std::this_thread::sleep_for(5ms);
    }
    return all;
}

} // namespace

TEST_SUITE("usb_id_card_reader")
{
    TEST_CASE("a card on the reader becomes one CardInserted event, and an unplugged reader is reopened")
    {
        Socket socket;
        socket.cardOnReader();
        EventQueue queue;
        UsbIdCardReader reader(queue, socket.factory(), "test reader", 10ms);
        REQUIRE(reader.open().has_value());
        reader.enable();

        auto events = waitForEvents(queue, 1);
        REQUIRE(events.size() == 1);
        REQUIRE(std::holds_alternative<CardInserted>(events[0]));
        CHECK(std::get<CardInserted>(events[0]).card.name == "张小三");
        std::this_thread::sleep_for(50ms);
        CHECK(queue.drain().empty());  // the card lying there is not read again
        CHECK(reader.cardsRead() == 1);

        socket.plugged = false;
        for (int i = 0; i < 200 && reader.state() != DeviceState::Error; ++i) std::this_thread::sleep_for(5ms);
        CHECK(reader.state() == DeviceState::Error);
        CHECK_FALSE(reader.lastError().empty());

        int opensBefore = socket.opens;
        socket.plugged = true;
        for (int i = 0; i < 400 && socket.opens == opensBefore; ++i) std::this_thread::sleep_for(5ms);
        CHECK(socket.opens > opensBefore);  // reopened by itself, well within 2 s
        // A fresh session after the reopen reads the card again, as a new presentation.
        CHECK(waitForEvents(queue, 1).size() == 1);
    }

    TEST_CASE("a disabled reader reads nothing, and reads the waiting card once enabled")
    {
        Socket socket;
        socket.cardOnReader();
        EventQueue queue;
        UsbIdCardReader reader(queue, socket.factory(), "test reader", 10ms);
        REQUIRE(reader.open().has_value());
        std::this_thread::sleep_for(100ms);
        CHECK(queue.drain().empty());
        reader.enable();
        auto events = waitForEvents(queue, 1);
        REQUIRE(events.size() == 1);
        CHECK(std::holds_alternative<CardInserted>(events[0]));
    }
}
