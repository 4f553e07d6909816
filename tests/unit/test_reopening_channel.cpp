#include <doctest/doctest.h>

#include "usb/reopening_channel.hpp"

using namespace kiosk;
using namespace kiosk::devices;

namespace {

/// A device that works until it is unplugged; opening fails while it is out.
struct Plug {
    bool present = true;
    bool unplugged = false;  ///< Pulled while open: the open handle fails.
    int opened = 0;
};

class FakeDevice final : public ByteChannel {
public:
    explicit FakeDevice(Plug& plug) : m_plug(plug) {}
    WriteOutcome write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds) override
    {
        if (m_plug.unplugged) return {0, bytes.size(), false, "LIBUSB_ERROR_NO_DEVICE"};
        return {bytes.size(), bytes.size(), false, ""};
    }
    Result<std::vector<std::uint8_t>> read(std::size_t, std::chrono::milliseconds) override
    {
        if (m_plug.unplugged) return fail("LIBUSB_ERROR_NO_DEVICE");
        return std::vector<std::uint8_t>{0x12};
    }

private:
    Plug& m_plug;
};

ReopeningChannel::Opener opener(Plug& plug)
{
    return [&plug]() -> Result<std::unique_ptr<ByteChannel>> {
        if (!plug.present) return fail("no receipt printer on the USB bus");
        ++plug.opened;
        plug.unplugged = false;
        return std::unique_ptr<ByteChannel>(std::make_unique<FakeDevice>(plug));
    };
}

const std::vector<std::uint8_t> kBytes{0x10, 0x04, 0x01};

} // namespace

TEST_SUITE("reopening_channel")
{
    TEST_CASE("opens on first use, not before, and keeps the device while it works")
    {
        Plug plug;
        ReopeningChannel channel(opener(plug));
        CHECK_FALSE(channel.connected());
        CHECK(channel.write(kBytes, std::chrono::milliseconds(10)).complete());
        CHECK(channel.read(1, std::chrono::milliseconds(10)).has_value());
        CHECK(channel.connected());
        CHECK(plug.opened == 1);
    }

    TEST_CASE("unplugged: the failure is reported, the device dropped, and found again when it is back")
    {
        Plug plug;
        ReopeningChannel channel(opener(plug));
        REQUIRE(channel.write(kBytes, std::chrono::milliseconds(10)).complete());
        plug.unplugged = true;
        plug.present = false;
        WriteOutcome failed = channel.write(kBytes, std::chrono::milliseconds(10));
        CHECK_FALSE(failed.complete());
        CHECK_FALSE(channel.connected());

        WriteOutcome absent = channel.write(kBytes, std::chrono::milliseconds(10));
        CHECK(absent.sent == 0);
        CHECK(absent.error == "no receipt printer on the USB bus");
        auto readAbsent = channel.read(1, std::chrono::milliseconds(10));
        REQUIRE_FALSE(readAbsent.has_value());
        CHECK(readAbsent.error().message == "no receipt printer on the USB bus");

        plug.present = true;
        CHECK(channel.write(kBytes, std::chrono::milliseconds(10)).complete());
        CHECK(channel.opens() == 2);
    }

    TEST_CASE("a read error drops the device too")
    {
        Plug plug;
        ReopeningChannel channel(opener(plug));
        REQUIRE(channel.read(1, std::chrono::milliseconds(10)).has_value());
        plug.unplugged = true;
        CHECK_FALSE(channel.read(1, std::chrono::milliseconds(10)).has_value());
        CHECK_FALSE(channel.connected());
        CHECK(channel.read(1, std::chrono::milliseconds(10)).has_value());  // plugged back: opened again
        CHECK(channel.opens() == 2);
    }
}
