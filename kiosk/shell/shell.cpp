#include "shell/shell.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "logging/log.hpp"
#include "patient/masking.hpp"
#include "scan/scan_classifier.hpp"

namespace kiosk {

namespace {
template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;  // clang 16 does not deduce aggregates by itself

constexpr int kVolumeStep = 20;
} // namespace

Shell::Shell(KioskSettings settings, const CatalogSet& catalogs, const Clock& clock, PromptPlayer& voice,
             GlyphDemand& glyphs, std::optional<ServiceParts> services)
    : m_settings(std::move(settings)), m_catalogs(catalogs), m_clock(clock), m_voice(voice), m_glyphs(glyphs)
{
    if (services) m_services.emplace(*services, clock, catalogs);
    for (DeviceRole role : kAllDeviceRoles) m_devices[static_cast<std::size_t>(role)].role = role;
    if (m_settings.warningDuration < kMinimumWarning) m_settings.warningDuration = kMinimumWarning;
    m_prefs.language = m_settings.defaultLanguage;
    m_prefs.volume = std::clamp(m_settings.defaultVolume, 0, 100);
    m_voice.setVolume(m_prefs.volume);
    if (!m_settings.hospitalName.empty()) m_glyphs.require(m_settings.hospitalName, GlyphScope::Kiosk);
    speak(voiceKeyFor(m_screen));
}

Shell::~Shell() = default;

void Shell::handle(const Event& event)
{
    std::visit(Overloaded{
                   [&](const CardInserted& e) { identify(e.card); },
                   [&](const CardRemoved&) {},
                   [&](const CardReadFailed&) {
                       if (!m_session) startSession();
                       noteActivity();
                       if (m_screen != ScreenId::Patient) goTo(ScreenId::Identify);
                       setNotice(Notice::CardReadFailed);
                       speak(noticeKey(Notice::CardReadFailed));
                   },
                   [&](const CodeScanned& e) {
                       // What was scanned, for support: the kind and the masked text, never the code itself.
                       ScanClassification scan = classifyScan(e.text);
                       logging::info("scan", std::string(scanKindName(scan.kind)) + " " + maskForLog(scan) +
                                                 (m_session ? ", session " + std::to_string(m_session->id()) : ""));
                       if (m_session && m_services && m_services->codeScanned(e.text)) {
                           noteActivity();
                           changed();
                           return;
                       }
                       if (openReportByCode(e.text)) return;
                       if (openTransactionByCode(e.text)) return;
                       // A code no service takes here: say so instead of ignoring the patient.
                       if (!m_session) startSession();
                       noteActivity();
                       if (m_screen == ScreenId::Attract) goTo(ScreenId::Identify);
                       setNotice(Notice::CodeNotRecognised);
                       speak(noticeKey(Notice::CodeNotRecognised));
                   },
                   [&](const DeviceChanged& e) {
                       // Shown where it matters (the identify screen names a missing
                       // reader or scanner); never interrupts the patient otherwise.
                       m_devices[static_cast<std::size_t>(e.report.role)] = e.report;
                       changed();
                   },
                   [&](const HospitalChanged& e) {
                       // The home screens say which services wait for the hospital.
                       m_hospitalReachable = e.reachable;
                       changed();
                   },
                   [&](const FlowReply& e) {
                       if (!m_session || !m_services || !m_services->deliver(e, m_session->id())) return;
                       requireServiceGlyphs();
                       changed();
                   },
               },
               event);
}

void Shell::apply(const Intent& intent)
{
    std::visit(Overloaded{
                   [&](const intent::Touch&) {
                       // During the countdown a touch lands on its overlay, whose own
                       // buttons and background decide between "more time" and "end".
                       if (!m_warningStarted) noteActivity();
                       if (m_maintainer) m_maintainer->touch();
                   },
                   [&](const intent::Start&) {
                       if (!m_session) startSession();
                       goTo(ScreenId::Identify);
                   },
                   [&](const intent::Home&) {
                       // With money moving, leaving would orphan an open payment: ask
                       // the flow to stop instead (it closes the order, or finishes if paid).
                       if (m_services && m_services->busy()) {
                           noteActivity();
                           m_services->cancel();
                           changed();
                           return;
                       }
                       endSession();
                   },
                   [&](const intent::SetLanguage& e) {
                       beginInteraction();
                       if (m_prefs.language != e.language) {
                           m_prefs.language = e.language;
                           changed();
                       }
                       if (m_overlay == Overlay::Language) m_overlay = Overlay::None;
                       speak(voiceKeyFor(m_screen));
                   },
                   [&](const intent::ToggleElderMode&) {
                       beginInteraction();
                       m_prefs.elderMode = !m_prefs.elderMode;
                       m_prefs.elderModeAutomatic = false;
                       if (m_notice == Notice::ElderModeOn) m_notice = Notice::None;
                       changed();
                   },
                   [&](const intent::ExtendTime&) { noteActivity(); },
                   [&](const intent::CallStaff&) {
                       beginInteraction();
                       openOverlay(Overlay::CallStaff);
                       speak("voice.call_staff");
                   },
                   [&](const intent::OpenSound&) {
                       beginInteraction();
                       openOverlay(Overlay::Sound);
                   },
                   [&](const intent::OpenLanguage&) {
                       beginInteraction();
                       openOverlay(Overlay::Language);
                   },
                   [&](const intent::CloseOverlay&) {
                       if (m_overlay != Overlay::TimeoutWarning) openOverlay(Overlay::None);
                   },
                   [&](const intent::ToggleMute&) {
                       beginInteraction();
                       m_prefs.muted = !m_prefs.muted;
                       m_voice.setVolume(m_prefs.muted ? 0 : m_prefs.volume);
                       changed();
                   },
                   [&](const intent::VolumeUp&) {
                       beginInteraction();
                       m_prefs.volume = std::min(100, m_prefs.volume + kVolumeStep);
                       m_prefs.muted = false;
                       m_voice.setVolume(m_prefs.volume);
                       speak(voiceKeyFor(m_screen));
                       changed();
                   },
                   [&](const intent::OpenService& e) { openService(e.service); },
                   [&](const intent::Choose& e) {
                       noteActivity();
                       if (m_services) m_services->choose(e.id);
                       changed();
                   },
                   [&](const intent::Confirm&) {
                       noteActivity();
                       if (m_services) m_services->confirm();
                       changed();
                   },
                   [&](const intent::Back&) {
                       noteActivity();
                       if (m_services) m_services->back();
                       changed();
                   },
                   [&](const intent::CancelService&) {
                       noteActivity();
                       if (m_services) m_services->cancel();
                       if (m_services && m_services->cancelled()) leaveService();
                       changed();
                   },
                   [&](const intent::Page& e) {
                       noteActivity();
                       if (m_services) m_services->turnPage(e.delta);
                       changed();
                   },
                   [&](const intent::Rate& e) {
                       noteActivity();
                       if (m_services) m_services->rate(e.score);
                       changed();
                   },
                   [&](const intent::Reprint&) {
                       noteActivity();
                       if (m_services) m_services->reprint();
                       changed();
                   },
                   [&](const intent::KeyInput& e) {
                       if (m_screen == ScreenId::MaintainerPin && m_maintainer) {
                           m_maintainer->key(e.key);
                           changed();
                           return;
                       }
                       noteActivity();
                       if (m_services) m_services->keyInput(e.key);
                       changed();
                   },
                   [&](const intent::Maintainer& e) { maintain(e); },
                   [&](const intent::LeaveService&) {
                       noteActivity();
                       leaveService();
                   },
                   [&](const intent::VolumeDown&) {
                       beginInteraction();
                       m_prefs.volume = std::max(kVolumeStep, m_prefs.volume - kVolumeStep);
                       m_voice.setVolume(m_prefs.muted ? 0 : m_prefs.volume);
                       if (!m_prefs.muted) speak(voiceKeyFor(m_screen));
                       changed();
                   },
               },
               intent);
}

void Shell::tick()
{
    maintainerTick();
    if (!m_session) return;
    if (m_services && m_services->active()) {
        m_services->tick();
        if (m_services->cancelled()) leaveService();
        // While money or a booking moves, the patient is waiting on their
        // phone or the printer, not idle: the flow's own deadlines govern.
        if (m_services->busy()) m_session->touch(m_clock.now());
    }
    Instant now = m_clock.now();
    if (m_warningStarted) {
        if (now - *m_warningStarted >= m_settings.warningDuration) endSession();
        return;
    }
    if (now - m_session->lastActivity() >= m_settings.idleTimeout) {
        // Someone changed the language or sound on the attract screen and left:
        // nobody to ask and no details to clear, so just put the defaults back.
        if (m_screen == ScreenId::Attract && !m_session->patient()) {
            endSession();
            return;
        }
        m_warningStarted = now;
        m_overlay = Overlay::TimeoutWarning;
        changed();
        speak("voice.timeout_warning");
    }
}

std::optional<Duration> Shell::warningRemaining() const
{
    if (!m_warningStarted) return std::nullopt;
    Duration left = m_settings.warningDuration - (m_clock.now() - *m_warningStarted);
    return std::max(left, Duration::zero());
}

std::optional<Instant> Shell::nextDeadline() const
{
    if (m_maintainer && !m_session) return m_maintainer->deadline(m_settings.maintainerIdleTimeout);
    if (!m_session) return std::nullopt;
    if (m_warningStarted) return *m_warningStarted + m_settings.warningDuration;
    Instant idle = m_session->lastActivity() + m_settings.idleTimeout;
    if (m_services) {
        if (auto flow = m_services->nextDeadline()) return std::min(idle, *flow);
    }
    return idle;
}

std::string Shell::referenceNumber() const
{
    // Kiosk id and the session's start in local time: unique per kiosk (one
    // session a second at most), survives restarts, and staff can find it in
    // the kiosk's records by time.
    return m_settings.kioskId + "-" +
           formatLocalTime(m_session ? m_session->startedWall() : m_clock.wallNow(), "%Y%m%d-%H%M%S");
}

void Shell::goTo(ScreenId screen)
{
    if (m_screen == screen) return;
    // Leaving maintainer mode's screens by any way (home, a card placed) leaves the mode, audited.
    if (m_maintainer && screen != ScreenId::MaintainerPin && screen != ScreenId::Maintainer) m_maintainer->close();
    m_screen = screen;
    m_notice = Notice::None;
    if (m_overlay != Overlay::TimeoutWarning) m_overlay = Overlay::None;
    changed();
    speak(voiceKeyFor(screen));
}

void Shell::openOverlay(Overlay overlay)
{
    if (m_overlay == overlay) return;
    m_overlay = overlay;
    changed();
}

void Shell::startSession()
{
    m_session = std::make_unique<Session>(m_nextSessionId++, m_clock.now(), m_clock.wallNow());
    logging::info("session", "session " + std::to_string(m_session->id()) + " started");
    m_warningStarted.reset();
    changed();
}

void Shell::beginInteraction()
{
    // Changing how the kiosk looks or sounds, even on the attract screen,
    // starts a session: its inactivity timeout is what puts the defaults back
    // for the next person.
    if (!m_session) startSession();
    noteActivity();
}

void Shell::endSession()
{
    if (m_services) m_services->close();
    if (m_session) {
        ++m_sessionsEnded;
        logging::info("session", "session " + std::to_string(m_session->id()) + " ended; its data is cleared");
    }
    m_session.reset();
    m_glyphs.clearSession();
    m_warningStarted.reset();
    m_prefs = DisplayPrefs{};
    m_prefs.language = m_settings.defaultLanguage;
    m_prefs.volume = std::clamp(m_settings.defaultVolume, 0, 100);
    m_voice.setVolume(m_prefs.volume);
    m_overlay = Overlay::None;
    m_notice = Notice::None;
    changed();
    if (m_screen != ScreenId::Attract) {
        m_screen = ScreenId::Attract;
        speak(voiceKeyFor(m_screen));
    } else {
        m_voice.silence();
    }
}

void Shell::identify(const IdentityCard& card)
{
    // A different person's card during a session starts a fresh session: the
    // previous patient's data must not carry over to the new one.
    if (m_session && m_session->patient() && m_session->patient()->idNumber != card.idNumber) {
        // Not while this patient's money or booking is in flight: that must finish first.
        if (m_services && m_services->busy()) return;
        endSession();
    }
    if (!m_session) startSession();
    noteActivity();

    // Prepare the glyphs before the name is first drawn. Only the masked
    // name is ever shown, so the hidden characters never reach the atlas.
    m_glyphs.require(maskName(card.displayName()), GlyphScope::Session);

    int age = ageOn(card.birthDate, localDate(m_clock.wallNow()));
    bool elder = card.birthDate.year > 0 && age >= m_settings.elderAge;
    m_session->identify(card);
    // Who it is stays out of the log: the session number is enough to follow it.
    logging::info("session", "session " + std::to_string(m_session->id()) + ": ID card read" +
                                 (elder ? " (elder mode on by age)" : ""));
    if (elder && !m_prefs.elderMode) {
        m_prefs.elderMode = true;
        m_prefs.elderModeAutomatic = true;
    }
    goTo(ScreenId::Patient);
    if (elder) m_notice = Notice::ElderModeOn;
    changed();
}

void Shell::noteActivity()
{
    if (!m_session) return;
    m_session->touch(m_clock.now());
    if (m_warningStarted) {
        m_warningStarted.reset();
        if (m_overlay == Overlay::TimeoutWarning) m_overlay = Overlay::None;
        changed();
    }
}

void Shell::speak(std::string_view voiceKey)
{
    m_voice.say(m_catalogs.text(m_prefs.language, voiceKey), m_prefs.language);
}

void Shell::setNotice(Notice notice)
{
    m_notice = notice;
    changed();
}

} // namespace kiosk
