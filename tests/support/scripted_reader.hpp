#pragma once
// A scripted ID-card reader behind the ByteChannel interface, for tests of
// the reader's protocol and adapter without hardware.
#include <deque>
#include <map>
#include <mutex>

#include "sam_replies.hpp"
#include "usb/byte_channel.hpp"

namespace kiosk::test {

// A reader that answers each command frame with a scripted reply, handed
// out in 64-byte packets as the USB reader does.
class ScriptedReader final : public devices::ByteChannel {
public:
    std::map<Bytes, std::deque<Bytes>> replies;
    std::vector<Bytes> received;
    bool unplugged = false;

    devices::WriteOutcome write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds) override
    {
        if (unplugged) return {0, bytes.size(), false, "no device"};
        Bytes command(bytes.begin(), bytes.end());
        received.push_back(command);
        auto& queue = replies[command];
        if (!queue.empty()) {
            Bytes reply = queue.front();
            if (queue.size() > 1) queue.pop_front();  // the last reply repeats
            m_pending.insert(m_pending.end(), reply.begin(), reply.end());
        }
        return {bytes.size(), bytes.size(), false, {}};
    }
    Result<Bytes> read(std::size_t, std::chrono::milliseconds) override
    {
        if (unplugged) return fail("no device");
        std::size_t n = std::min<std::size_t>(64, m_pending.size());
        Bytes out(m_pending.begin(), m_pending.begin() + static_cast<long>(n));
        m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<long>(n));
        return out;
    }

private:
    Bytes m_pending;
};

} // namespace kiosk::test
