#include "scanner_testbed.hpp"

#include <doctest/doctest.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace kiosk::test {

namespace {

std::string fixturePath(const std::string& name) { return std::string(KIOSK_USB_FIXTURES) + "/" + name; }

std::string readFixture(const std::string& name)
{
    std::ifstream in(fixturePath(name));
    REQUIRE_MESSAGE(in.good(), "missing fixture " << name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The value of the first line that starts with `prefix`.
std::string lineValue(const std::string& text, const std::string& prefix)
{
    std::size_t at = text.starts_with(prefix) ? 0 : text.find("\n" + prefix);
    REQUIRE_MESSAGE(at != std::string::npos, "no '" << prefix << "' line");
    if (at != 0) ++at;
    std::size_t from = at + prefix.size();
    return text.substr(from, text.find('\n', from) - from);
}

} // namespace

bool waitFor(const std::function<bool()>& done, std::chrono::milliseconds limit)
{
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

const std::vector<std::string>& ScanLog::texts()
{
    for (Event& event : m_events.drain())
        if (auto* scan = std::get_if<CodeScanned>(&event)) m_texts.push_back(std::move(scan->text));
    return m_texts;
}

bool ScanLog::waitForScans(std::size_t count, std::chrono::milliseconds limit)
{
    return waitFor([&] { return texts().size() >= count; }, limit);
}

ScannerBed::ScannerBed(const std::string& fixture) : m_bed(umockdev_testbed_new())
{
    std::string description = readFixture(fixture);
    m_sysPath = "/sys" + lineValue(description, "P: ");
    m_node = lineValue(description, "E: DEVNAME=");
    if (lineValue(description, "E: SUBSYSTEM=") == "input") m_grab = std::make_unique<EvdevGrab>(m_bed, m_node);
    GError* error = nullptr;
    REQUIRE_MESSAGE(umockdev_testbed_add_from_string(m_bed, description.c_str(), &error),
                    (error ? error->message : "add failed"));
}

ScannerBed::~ScannerBed() { g_object_unref(m_bed); }

void ScannerBed::replay(const std::string& evemuFixture)
{
    GError* error = nullptr;
    std::string path = fixturePath(evemuFixture);
    REQUIRE_MESSAGE(umockdev_testbed_load_evemu_events(m_bed, m_node.c_str(), path.c_str(), &error),
                    (error ? error->message : "evemu load failed"));
}

int ScannerBed::master() const
{
    REQUIRE_FALSE(m_unplugged);
    // The master end of the PTY behind the node: what is written here, the adapter reads.
    int fd = umockdev_testbed_get_dev_fd(m_bed, m_node.c_str());
    REQUIRE(fd >= 0);
    return fd;
}

void ScannerBed::send(std::span<const std::uint8_t> bytes)
{
    REQUIRE(::write(master(), bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
}

void ScannerBed::sendEvents(const std::string& evemuFixture)
{
    int fd = master();
    bool whole = true;
    for (const input_event& e : evemuEvents(evemuFixture))
        whole = whole && ::write(fd, &e, sizeof e) == static_cast<ssize_t>(sizeof e);
    REQUIRE(whole);
}

void ScannerBed::unplug()
{
    // Removing the device alone would leave the adapter's descriptor open and silent for ever: umockdev keeps
    // the master end of the node's PTY open (and never closes it, not even with the testbed). Closing it hangs
    // the PTY up, and a hung-up PTY fails a read and reports POLLHUP, as an unplugged hidraw or evdev node does.
    int fd = master();
    m_unplugged = true;
    // A hang-up sends SIGHUP to a session whose controlling terminal the PTY became; the adapters open it
    // without O_NOCTTY, as a real node needs none.
    std::signal(SIGHUP, SIG_IGN);
    ::close(fd);
    umockdev_testbed_uevent(m_bed, m_sysPath.c_str(), "remove");
    umockdev_testbed_remove_device(m_bed, m_sysPath.c_str());
}

std::vector<input_event> evemuEvents(const std::string& evemuFixture)
{
    std::istringstream lines(readFixture(evemuFixture));
    std::vector<input_event> events;
    std::string line;
    while (std::getline(lines, line)) {
        unsigned long sec = 0, usec = 0;
        unsigned type = 0, code = 0;
        int value = 0;
        if (std::sscanf(line.c_str(), "E: %lu.%lu %x %x %d", &sec, &usec, &type, &code, &value) != 5) continue;
        input_event e{};
        e.input_event_sec = static_cast<decltype(e.input_event_sec)>(sec);
        e.input_event_usec = static_cast<decltype(e.input_event_usec)>(usec);
        e.type = static_cast<std::uint16_t>(type);
        e.code = static_cast<std::uint16_t>(code);
        e.value = value;
        events.push_back(e);
    }
    REQUIRE_MESSAGE(!events.empty(), "no events in " << evemuFixture);
    return events;
}

EvdevGrab::EvdevGrab(UMockdevTestbed* bed, const std::string& node) : m_handler(umockdev_ioctl_base_new())
{
    g_signal_connect(m_handler, "handle-ioctl", G_CALLBACK(onIoctl), this);
    g_signal_connect(m_handler, "client-vanished", G_CALLBACK(onVanished), this);
    GError* error = nullptr;
    REQUIRE_MESSAGE(umockdev_testbed_attach_ioctl(bed, node.c_str(), m_handler, &error),
                    (error ? error->message : "attach failed"));
}

EvdevGrab::~EvdevGrab()
{
    g_signal_handlers_disconnect_by_data(m_handler, this);
    g_object_unref(m_handler);
}

int EvdevGrab::grabs() const
{
    std::lock_guard lock(m_mutex);
    return m_grabs;
}

int EvdevGrab::releases() const
{
    std::lock_guard lock(m_mutex);
    return m_releases;
}

bool EvdevGrab::held() const
{
    std::lock_guard lock(m_mutex);
    return m_holder != nullptr;
}

// Runs on the testbed's worker thread. Each descriptor opened on the node is its own client.
gboolean EvdevGrab::onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self)
{
    if (umockdev_ioctl_client_get_request(client) != EVIOCGRAB) return FALSE;  // umockdev's own answer
    auto* grab = static_cast<EvdevGrab*>(self);
    // EVIOCGRAB takes its argument by value, which is what the client's argument data holds.
    unsigned long take = 0;
    std::memcpy(&take, umockdev_ioctl_client_get_arg(client)->data, sizeof take);
    int result = 0;
    int error = 0;
    {
        std::lock_guard lock(grab->m_mutex);
        if (take != 0 && grab->m_holder != nullptr) {
            result = -1, error = EBUSY;  // drivers/input/evdev.c evdev_grab(), even for the holder itself
        } else if (take != 0) {
            grab->m_holder = client;
            ++grab->m_grabs;
        } else if (grab->m_holder == client) {
            grab->m_holder = nullptr;
            ++grab->m_releases;
        } else {
            result = -1, error = EINVAL;  // evdev_ungrab(): not the holder
        }
    }
    umockdev_ioctl_client_complete(client, result, error);
    return TRUE;
}

void EvdevGrab::onVanished(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self)
{
    auto* grab = static_cast<EvdevGrab*>(self);
    std::lock_guard lock(grab->m_mutex);
    if (grab->m_holder == client) grab->m_holder = nullptr;  // closing the descriptor ends its grab
}

} // namespace kiosk::test
