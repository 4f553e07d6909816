#pragma once
// Bytes out, bytes in, with timeouts: what a device protocol needs from its
// transport. USB bulk implements it on a kiosk; tests give a scripted one.
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kiosk::devices {

/// How a write ended: everything sent, or how far it got before an error.
struct WriteOutcome {
    std::size_t sent = 0;
    std::size_t total = 0;
    bool timedOut = false;
    std::string error;  ///< Empty when all bytes were sent.
    bool complete() const { return sent == total && error.empty(); }
};

class ByteChannel {
public:
    virtual ~ByteChannel() = default;
    /// Sends all bytes or says how far it got.
    virtual WriteOutcome write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) = 0;
    /// Whatever arrives within the timeout, up to `maxBytes`; empty if nothing came.
    virtual Result<std::vector<std::uint8_t>> read(std::size_t maxBytes, std::chrono::milliseconds timeout) = 0;
};

} // namespace kiosk::devices
