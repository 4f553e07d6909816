#pragma once
// What workers tell the UI. Each event is plain data; results that answer a
// request carry the id of the session that asked, so that an answer for a
// patient who has left is dropped instead of shown to the next one.
#include <cstdint>
#include <functional>
#include <string>
#include <variant>

#include "device/device_report.hpp"
#include "patient/identity_card.hpp"

namespace kiosk {

using SessionId = std::uint64_t;

/// An ID card was read in the reader's field.
struct CardInserted {
    IdentityCard card;
};

/// The card left the reader's field.
struct CardRemoved {};

/// A card is in the field but could not be read; `reason` is for the log,
/// the patient is told to take the card out and put it back.
struct CardReadFailed {
    std::string reason;
};

/// A scanner read a code (QR or barcode); the text is untrusted input.
struct CodeScanned {
    std::string text;
};

/// A service flow's slow work finished on a worker; `apply` updates the flow
/// on the UI thread, only if the same session and flow are still running.
struct FlowReply {
    SessionId session = 0;
    std::uint64_t flow = 0;
    std::function<void()> apply;
};

/// The hospital's system started or stopped answering; `detail` is for the log.
struct HospitalChanged {
    bool reachable = true;
    std::string detail;
};

using Event =
    std::variant<CardInserted, CardRemoved, CardReadFailed, CodeScanned, DeviceChanged, HospitalChanged, FlowReply>;

} // namespace kiosk
