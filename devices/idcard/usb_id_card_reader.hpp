#pragma once
// The ID-card reader adapter: a SamReaderSession on its own thread, polling
// find-card about three times a second and the SAM module every few seconds,
// posting card events to the kiosk's queue. The transport is opened through
// a factory so that an unplugged reader is simply opened again when it
// returns; meanwhile the adapter is in the Error state.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "core/event_queue.hpp"
#include "device/id_card_reader.hpp"
#include "idcard/sam_reader_session.hpp"
#include "usb/usb_context.hpp"

namespace kiosk::devices::idcard {

class UsbIdCardReader final : public IdCardReader {
public:
    using ChannelFactory = std::function<Result<std::unique_ptr<ByteChannel>>()>;

    UsbIdCardReader(EventQueue& events, ChannelFactory openChannel, std::string name,
                    std::chrono::milliseconds pollInterval = std::chrono::milliseconds(300));
    ~UsbIdCardReader() override;

    Result<void> open() override;
    void enable() override;
    void disable() override;
    DeviceState state() const override { return m_state.load(); }
    std::string describe() const override { return m_name; }
    /// The last transport or SAM error, for the maintainer's device page.
    std::string lastError() const override;
    std::uint64_t cardsRead() const { return m_cardsRead.load(); }

private:
    void run();
    void setError(std::string message);

    EventQueue& m_events;
    ChannelFactory m_openChannel;
    std::string m_name;
    std::chrono::milliseconds m_pollInterval;
    std::atomic<DeviceState> m_state{DeviceState::Closed};
    std::atomic<bool> m_enabled{false};
    std::atomic<bool> m_stop{false};
    std::atomic<std::uint64_t> m_cardsRead{0};
    std::mutex m_deliveryMutex;  ///< Held while posting, and by disable().
    mutable std::mutex m_errorMutex;
    std::string m_lastError;
    std::thread m_thread;
};

/// A reader adapter for the first ID-card reader on the USB bus, found
/// again (by VID:PID) every time it has to be reopened.
std::unique_ptr<UsbIdCardReader> makeUsbIdCardReader(EventQueue& events, usb::UsbContext& context);

} // namespace kiosk::devices::idcard
