// The Shell's side of maintainer mode: which screen shows which stage, and
// the kiosk's settings replaced when the maintainer changed one.
#include "shell/shell.hpp"

namespace kiosk {

using maintenance::MaintainerStage;

void Shell::maintain(const intent::Maintainer& m)
{
    if (!m_maintainer) return;
    using Action = intent::Maintainer::Action;
    switch (m.action) {
    case Action::CornerTap:
        // Only from the attract screen with nobody being served: a patient's taps never open it.
        if (m_screen == ScreenId::Attract && !m_session && m_maintainer->cornerTap(m_settings.maintainerPinHash))
            goTo(ScreenId::MaintainerPin);
        break;
    case Action::SubmitPin:
        if (m_maintainer->submit(m_settings.maintainerPinHash)) goTo(ScreenId::Maintainer);
        break;
    case Action::Close:
        m_maintainer->close();
        goTo(ScreenId::Attract);
        break;
    case Action::Change:
        if (auto settings = m_maintainer->change(m.key, m.value)) {
            m_settings = std::move(*settings);
            if (m_settings.warningDuration < kMinimumWarning) m_settings.warningDuration = kMinimumWarning;
            if (!m_settings.hospitalName.empty()) m_glyphs.require(m_settings.hospitalName, GlyphScope::Kiosk);
        }
        break;
    case Action::TestPrint: m_maintainer->testPrint(m_settings.kioskId); break;
    }
    changed();
}

void Shell::maintainerTick()
{
    if (!m_maintainer || !m_maintainer->tick(m_settings.maintainerIdleTimeout)) return;
    if (m_screen == ScreenId::MaintainerPin || m_screen == ScreenId::Maintainer) goTo(ScreenId::Attract);
    changed();
}

}  // namespace kiosk
