#pragma once
// A byte channel that opens its device when first used and again after the
// device went away: a transport error (not a timeout, which a printer out of
// paper also causes) drops the connection, and the next write or read looks
// the device up anew. The device monitor's status polls therefore bring a
// replugged printer back within one poll interval, with no thread of its own.
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "usb/byte_channel.hpp"

namespace kiosk::devices {

class ReopeningChannel final : public ByteChannel {
public:
    using Opener = std::function<Result<std::unique_ptr<ByteChannel>>()>;

    explicit ReopeningChannel(Opener open);

    WriteOutcome write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) override;
    Result<std::vector<std::uint8_t>> read(std::size_t maxBytes, std::chrono::milliseconds timeout) override;

    /// Whether a device is open now.
    bool connected() const;
    /// How many times the device was opened (1 after the first use; more after replugs).
    int opens() const;

private:
    Result<ByteChannel*> ensureOpen();

    Opener m_open;
    mutable std::mutex m_mutex;
    std::unique_ptr<ByteChannel> m_channel;
    int m_opens = 0;
};

} // namespace kiosk::devices
