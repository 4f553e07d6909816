#include "session/session.hpp"

namespace kiosk {

Session::Session(SessionId id, Instant started, WallTime startedWall)
    : m_id(id), m_started(started), m_startedWall(startedWall), m_lastActivity(started)
{
}

Session::~Session()
{
    if (m_patient) m_patient->wipe();
}

void Session::identify(IdentityCard card)
{
    if (m_patient) m_patient->wipe();
    m_patient = std::move(card);
}

} // namespace kiosk
