#include "usb/reopening_channel.hpp"

namespace kiosk::devices {

ReopeningChannel::ReopeningChannel(Opener open) : m_open(std::move(open)) {}

Result<ByteChannel*> ReopeningChannel::ensureOpen()
{
    if (!m_channel) {
        auto opened = m_open();
        if (!opened) return std::unexpected(opened.error());
        m_channel = std::move(*opened);
        ++m_opens;
    }
    return m_channel.get();
}

WriteOutcome ReopeningChannel::write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout)
{
    std::lock_guard lock(m_mutex);
    auto channel = ensureOpen();
    if (!channel) return WriteOutcome{0, bytes.size(), false, channel.error().message};
    WriteOutcome outcome = (*channel)->write(bytes, timeout);
    if (!outcome.complete() && !outcome.timedOut) m_channel.reset();
    return outcome;
}

Result<std::vector<std::uint8_t>> ReopeningChannel::read(std::size_t maxBytes, std::chrono::milliseconds timeout)
{
    std::lock_guard lock(m_mutex);
    auto channel = ensureOpen();
    if (!channel) return std::unexpected(channel.error());
    auto bytes = (*channel)->read(maxBytes, timeout);
    if (!bytes) m_channel.reset();
    return bytes;
}

bool ReopeningChannel::connected() const
{
    std::lock_guard lock(m_mutex);
    return m_channel != nullptr;
}

int ReopeningChannel::opens() const
{
    std::lock_guard lock(m_mutex);
    return m_opens;
}

} // namespace kiosk::devices
