#include "idcard/usb_id_card_reader.hpp"

#include "usb/usb_bulk_device.hpp"

namespace kiosk::devices::idcard {

namespace {
constexpr auto kSamCheckEvery = std::chrono::seconds(3);
constexpr auto kReopenEvery = std::chrono::milliseconds(500);
} // namespace

UsbIdCardReader::UsbIdCardReader(EventQueue& events, ChannelFactory openChannel, std::string name,
                                 std::chrono::milliseconds pollInterval)
    : m_events(events), m_openChannel(std::move(openChannel)), m_name(std::move(name)), m_pollInterval(pollInterval)
{
}

UsbIdCardReader::~UsbIdCardReader()
{
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

Result<void> UsbIdCardReader::open()
{
    if (m_thread.joinable()) return {};
    m_state = DeviceState::Idle;
    m_thread = std::thread([this] { run(); });
    return {};
}

void UsbIdCardReader::enable() { m_enabled = true; }

void UsbIdCardReader::disable()
{
    // Waits for a delivery in progress: no event follows a disable() that returned.
    std::lock_guard lock(m_deliveryMutex);
    m_enabled = false;
}

std::string UsbIdCardReader::lastError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

void UsbIdCardReader::setError(std::string message)
{
    std::lock_guard lock(m_errorMutex);
    m_lastError = std::move(message);
    m_state = DeviceState::Error;
}

void UsbIdCardReader::run()
{
    std::unique_ptr<ByteChannel> channel;
    std::unique_ptr<SamReaderSession> session;
    auto nextSamCheck = std::chrono::steady_clock::now();
    while (!m_stop) {
        if (!session) {
            auto opened = m_openChannel();
            if (!opened) {
                setError(opened.error().message);
                std::this_thread::sleep_for(kReopenEvery);
                continue;
            }
            channel = std::move(*opened);
            session = std::make_unique<SamReaderSession>(*channel);
            nextSamCheck = std::chrono::steady_clock::now();
        }
        auto now = std::chrono::steady_clock::now();
        if (now >= nextSamCheck) {
            nextSamCheck = now + kSamCheckEvery;
            if (auto ok = session->checkSam(); !ok) {
                setError(ok.error().message);
                session.reset();
                channel.reset();
                continue;
            }
        }
        if (!m_enabled) {
            // Not reading while disabled: a card placed now is read once enabled.
            std::this_thread::sleep_for(m_pollInterval);
            continue;
        }
        m_state = DeviceState::Busy;
        auto result = session->poll();
        if (!result) {
            // The transport failed: most often the reader was unplugged. Drop it
            // and open it again until it is back.
            setError(result.error().message);
            session.reset();
            channel.reset();
            continue;
        }
        m_state = DeviceState::Idle;
        {
            std::lock_guard lock(m_deliveryMutex);
            if (!m_enabled) continue;  // disabled during the poll: the result is dropped
            if (auto* card = std::get_if<CardInserted>(&*result)) {
                ++m_cardsRead;
                m_events.post(std::move(*card));
            } else if (std::holds_alternative<CardRemoved>(*result)) {
                m_events.post(CardRemoved{});
            } else if (auto* failed = std::get_if<CardReadFailed>(&*result)) {
                m_events.post(std::move(*failed));
            }
        }
        std::this_thread::sleep_for(m_pollInterval);
    }
}

std::unique_ptr<UsbIdCardReader> makeUsbIdCardReader(EventQueue& events, usb::UsbContext& context)
{
    auto open = [&context]() -> Result<std::unique_ptr<ByteChannel>> {
        for (const usb::UsbDeviceInfo& device : context.enumerate()) {
            auto match = usb::matchAdapter(device);
            if (!match || match->role != usb::DeviceRole::IdCardReader) continue;
            auto opened = usb::UsbBulkDevice::open(context, device, *match);
            if (!opened) return std::unexpected(opened.error());
            return std::unique_ptr<ByteChannel>(std::move(*opened));
        }
        return fail("no ID-card reader on the USB bus");
    };
    return std::make_unique<UsbIdCardReader>(events, std::move(open), "USB ID-card reader");
}

} // namespace kiosk::devices::idcard
