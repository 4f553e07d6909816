#pragma once
// What the CUPS tests share: the ports and paths run.sh hands over, a TCP
// listener standing in for a network receipt printer, and waiting for a job
// to end.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "device/a4_printer.hpp"

namespace kiosk::test {

inline const char* envValue(const char* name)
{
    const char* v = std::getenv(name);
    REQUIRE_MESSAGE(v != nullptr, name << " is not set: run this through tests/cups/run.sh");
    return v;
}

inline int envPort(const char* name) { return std::atoi(envValue(name)); }

/// What the listener does when the sender has sent everything.
enum class AtEndOfData {
    HangUp,    ///< Closes the connection, as a printer that took the job does.
    HoldOpen,  ///< Keeps it open until destroyed: the job never completes.
};

// A one-shot TCP listener standing in for a network receipt printer.
class RawListener {
public:
    explicit RawListener(int port, AtEndOfData atEnd = AtEndOfData::HangUp) : m_atEnd(atEnd)
    {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(m_socket, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(m_socket, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(::listen(m_socket, 1) == 0);
        m_thread = std::thread([this] {
            int client = ::accept(m_socket, nullptr, nullptr);
            if (client < 0) return;
            if (m_atEnd == AtEndOfData::HoldOpen) m_heldClient = client;
            char buffer[4096];
            ssize_t n = 0;
            while ((n = ::read(client, buffer, sizeof buffer)) > 0) m_received.insert(m_received.end(), buffer, buffer + n);
            if (m_atEnd == AtEndOfData::HangUp) ::close(client);
        });
    }
    ~RawListener()
    {
        ::shutdown(m_socket, SHUT_RDWR);
        ::close(m_socket);
        // A held connection is ended here, also when the sender never finished.
        if (int held = m_heldClient; held >= 0) ::shutdown(held, SHUT_RDWR);
        if (m_thread.joinable()) m_thread.join();
        if (int held = m_heldClient; held >= 0) ::close(held);
    }
    std::vector<std::uint8_t> takeAfterClose()
    {
        if (m_thread.joinable()) m_thread.join();
        return m_received;
    }

private:
    AtEndOfData m_atEnd;
    int m_socket = -1;
    std::atomic<int> m_heldClient = -1;
    std::thread m_thread;
    std::vector<std::uint8_t> m_received;
};

inline PrintJob waitForEnd(A4Printer& printer, int jobId, std::chrono::seconds limit)
{
    PrintJob last{jobId, PrintJobState::Unknown, {}};
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        auto job = printer.job(jobId);
        REQUIRE_MESSAGE(job.has_value(), (job ? "" : job.error().message));
        last = *job;
        if (isFinal(last.state)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return last;
}

} // namespace kiosk::test
