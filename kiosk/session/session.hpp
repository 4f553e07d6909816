#pragma once
// Everything about the patient in front of the kiosk lives here and nowhere
// else. The Session is destroyed when the patient finishes, cancels or walks
// away; its destructor wipes what it held.
#include <cstdint>
#include <optional>

#include "core/clock.hpp"
#include "core/events.hpp"
#include "patient/identity_card.hpp"

namespace kiosk {

class Session {
public:
    Session(SessionId id, Instant started, WallTime startedWall);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    SessionId id() const { return m_id; }
    Instant started() const { return m_started; }
    WallTime startedWall() const { return m_startedWall; }

    void identify(IdentityCard card);
    /// The identified patient, or nullptr before identification.
    const IdentityCard* patient() const { return m_patient ? &*m_patient : nullptr; }

    Instant lastActivity() const { return m_lastActivity; }
    void touch(Instant now) { m_lastActivity = now; }

private:
    SessionId m_id;
    Instant m_started;
    WallTime m_startedWall;
    Instant m_lastActivity;
    std::optional<IdentityCard> m_patient;
};

} // namespace kiosk
