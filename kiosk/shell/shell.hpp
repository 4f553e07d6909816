#pragma once
// The kiosk shell as a state machine: which screen and overlay are up, the
// patient's Session, display preferences, the inactivity countdown and the
// voice prompt on entry. No drawing, no devices: screens read this and send
// intents; the frame loop feeds it device events and calls tick().
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/events.hpp"
#include "i18n/catalog.hpp"
#include "maintenance/maintainer_mode.hpp"
#include "session/session.hpp"
#include "settings/kiosk_settings.hpp"
#include "shell/service_availability.hpp"
#include "shell/intent.hpp"
#include "shell/screen_id.hpp"
#include "shell/service_host.hpp"
#include "text/glyph_demand.hpp"
#include "voice/prompt_player.hpp"

namespace kiosk {

/// How the screen looks for the person in front of it; reset to the
/// kiosk's defaults when a session ends.
struct DisplayPrefs {
    Language language = Language::ZhCN;
    bool elderMode = false;
    bool elderModeAutomatic = false;  ///< Switched on by age from the ID card.
    bool muted = false;
    int volume = 80;
};

/// A short message on the current screen, as a catalog key.
enum class Notice { None, CardReadFailed, CodeNotRecognised, ElderModeOn };

class Shell {
public:
    /// Without `services` the shell identifies patients but offers no service (tests of the shell alone).
    Shell(KioskSettings settings, const CatalogSet& catalogs, const Clock& clock, PromptPlayer& voice,
          GlyphDemand& glyphs, std::optional<ServiceParts> services = std::nullopt);
    ~Shell();

    void handle(const Event& event);
    void apply(const Intent& intent);
    /// Runs the timers; call once per frame and whenever nextDeadline() passes.
    void tick();

    ScreenId screen() const { return m_screen; }
    Overlay overlay() const { return m_overlay; }
    const Session* session() const { return m_session.get(); }
    const DisplayPrefs& prefs() const { return m_prefs; }
    Notice notice() const { return m_notice; }
    const KioskSettings& settings() const { return m_settings; }
    /// The running service, if any (screens read its flow's state).
    const ServiceHost* services() const { return m_services ? &*m_services : nullptr; }
    /// The last report the device monitor published for a role (Unknown until then).
    const DeviceReport& device(DeviceRole role) const { return m_devices[static_cast<std::size_t>(role)]; }
    bool hospitalReachable() const { return m_hospitalReachable; }
    /// Why a service is switched off right now (a printer, the hospital), or None.
    PauseReason servicePause(ServiceKind kind) const
    {
        return pauseReason(kind, device(DeviceRole::ReceiptPrinter), device(DeviceRole::A4Printer),
                           m_hospitalReachable);
    }

    /// Maintainer mode becomes reachable from the attract screen; `mode` must outlive the shell.
    void attachMaintainer(maintenance::MaintainerMode& mode) { m_maintainer = &mode; }
    const maintenance::MaintainerMode* maintainer() const { return m_maintainer; }

    /// Time left on the inactivity countdown while it is shown.
    std::optional<Duration> warningRemaining() const;
    /// The next moment tick() has something to do, if any.
    std::optional<Instant> nextDeadline() const;
    /// A short reference staff can look up: kiosk id and session number.
    std::string referenceNumber() const;
    /// Counts state changes, so the frame loop knows when to draw.
    std::uint64_t revision() const { return m_revision; }
    std::uint64_t sessionsEnded() const { return m_sessionsEnded; }

private:
    void goTo(ScreenId screen);
    void openOverlay(Overlay overlay);
    void startSession();
    void beginInteraction();
    void endSession();
    void identify(const IdentityCard& card);
    void noteActivity();
    void speak(std::string_view voiceKey);
    void setNotice(Notice notice);
    void changed() { ++m_revision; }
    void openService(ServiceKind kind);
    void leaveService();
    /// Starts printing the report a scanned code names; false if the text is no report code.
    bool openReportByCode(const std::string& text);
    /// Opens the transaction lookup on a scanned transaction slip; false if the text is none.
    bool openTransactionByCode(const std::string& text);
    void requireServiceGlyphs();
    void maintain(const intent::Maintainer& m);
    void maintainerTick();

    KioskSettings m_settings;
    const CatalogSet& m_catalogs;
    const Clock& m_clock;
    PromptPlayer& m_voice;
    GlyphDemand& m_glyphs;

    ScreenId m_screen = ScreenId::Attract;
    Overlay m_overlay = Overlay::None;
    Notice m_notice = Notice::None;
    DisplayPrefs m_prefs;
    std::unique_ptr<Session> m_session;
    std::array<DeviceReport, kAllDeviceRoles.size()> m_devices;
    bool m_hospitalReachable = true;
    std::optional<ServiceHost> m_services;
    maintenance::MaintainerMode* m_maintainer = nullptr;
    std::optional<Instant> m_warningStarted;
    SessionId m_nextSessionId = 1;
    std::uint64_t m_revision = 0;
    std::uint64_t m_sessionsEnded = 0;
};

std::string_view noticeKey(Notice notice);
/// The catalog key of the prompt spoken when `screen` opens.
std::string_view voiceKeyFor(ScreenId screen);

} // namespace kiosk
