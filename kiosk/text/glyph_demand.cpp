#include "text/glyph_demand.hpp"

#include "text/utf8.hpp"

namespace kiosk {

void GlyphDemand::require(std::string_view utf8Text, GlyphScope scope)
{
    std::lock_guard lock(m_mutex);
    auto& target = scope == GlyphScope::Kiosk ? m_kiosk : m_session;
    bool grew = false;
    for (char32_t c : decodeUtf8Lossy(utf8Text)) {
        if (c < 0x20) continue;
        if (m_kiosk.contains(c) || target.contains(c)) continue;
        target.insert(c);
        grew = true;
    }
    if (grew) ++m_generation;
}

void GlyphDemand::clearSession()
{
    std::lock_guard lock(m_mutex);
    if (m_session.empty()) return;
    m_session.clear();
    ++m_generation;
}

std::uint64_t GlyphDemand::generation() const
{
    std::lock_guard lock(m_mutex);
    return m_generation;
}

std::set<char32_t> GlyphDemand::characters() const
{
    std::lock_guard lock(m_mutex);
    std::set<char32_t> all = m_kiosk;
    all.insert(m_session.begin(), m_session.end());
    return all;
}

std::size_t GlyphDemand::sessionCharacterCount() const
{
    std::lock_guard lock(m_mutex);
    return m_session.size();
}

} // namespace kiosk
