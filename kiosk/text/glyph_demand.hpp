#pragma once
// Which characters the screen will need beyond the catalog: names read from
// ID cards, doctor and department names from the hospital. The font atlas
// (screens/) holds only glyphs in use and rebuilds between frames when this
// changes; session text is dropped when the patient leaves, so the atlas
// keeps no trace of their name either.
#include <cstdint>
#include <mutex>
#include <set>
#include <string_view>

namespace kiosk {

enum class GlyphScope {
    Kiosk,    ///< Lives as long as the kiosk runs (hospital and doctor names).
    Session,  ///< Dropped when the patient's session ends.
};

class GlyphDemand {
public:
    void require(std::string_view utf8Text, GlyphScope scope);
    void clearSession();
    /// Changes whenever the set of required characters changes.
    std::uint64_t generation() const;
    std::set<char32_t> characters() const;
    std::size_t sessionCharacterCount() const;

private:
    mutable std::mutex m_mutex;
    std::set<char32_t> m_kiosk;
    std::set<char32_t> m_session;
    std::uint64_t m_generation = 0;
};

} // namespace kiosk
