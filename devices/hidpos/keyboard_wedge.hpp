#pragma once
// A scanner in keyboard mode "types" each code and presses Enter. The
// transport reads the scanner's own evdev node, grabbed so that its keys
// never reach the UI, and feeds each key event here; this turns key codes
// into text, one scan per Enter (devices.md §3.2). Pure: time comes in with
// each event, nothing sleeps.
//
// Layout: US. Keypad digits count as digits (scanners that type through the
// keypad). Keys with no US character, and keys pressed while Ctrl or Alt is
// held (Alt-code input of Chinese text), spoil the scan: it is dropped with
// the key named, never delivered with a character silently missing.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace kiosk::devices::hidpos {

/// The value of an evdev EV_KEY event.
enum class KeyAction : std::int32_t { Release = 0, Press = 1, Repeat = 2 };

class KeyboardWedge {
public:
    using Clock = std::chrono::steady_clock;

    /// A scanner types a key every 7–16 ms; people type slower than one key per 100 ms. A pause longer than
    /// this inside a scan means the scan was cut off, and what came before it is dropped.
    static constexpr std::chrono::milliseconds kDefaultMaxGap{100};

    explicit KeyboardWedge(std::size_t maxLength = 512, std::chrono::milliseconds maxGap = kDefaultMaxGap);

    /// Feeds one EV_KEY event (Linux key code, action, time read). Returns the scan's text when Enter ends
    /// it, an error when a scan was dropped (too long, cut off, a key without a character), nothing otherwise.
    std::optional<Result<std::string>> key(std::uint16_t code, KeyAction action, Clock::time_point at);

    /// Drops a scan that has waited longer than the gap for its Enter, so that the drop is reported
    /// promptly rather than when the next key arrives. Returns why, if something was dropped.
    std::optional<Error> expire(Clock::time_point now);

    /// True while characters have arrived and Enter has not.
    bool pending() const { return !m_text.empty() || m_overflow || m_badKey.has_value(); }
    /// Forgets the scan in progress and the modifier state (the transport calls it when the node is reopened).
    void reset();

private:
    void clearScan();
    std::optional<Error> dropIfStale(Clock::time_point at);

    std::size_t m_maxLength;
    std::chrono::milliseconds m_maxGap;
    std::string m_text;
    bool m_overflow = false;
    std::optional<std::uint16_t> m_badKey;
    bool m_leftShift = false;
    bool m_rightShift = false;
    bool m_capsLock = false;
    /// One bit per Ctrl and Alt key held down.
    std::uint8_t m_heldCtrlAlt = 0;
    Clock::time_point m_lastKey{};
};

} // namespace kiosk::devices::hidpos
