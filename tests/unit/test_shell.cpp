#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "shell/shell.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

class RecordingVoice final : public PromptPlayer {
public:
    void say(std::string text, Language language) override { said.emplace_back(std::move(text), language); }
    void silence() override { ++silences; }
    void setVolume(int percent) override { volumes.push_back(percent); }

    std::vector<std::pair<std::string, Language>> said;
    std::vector<int> volumes;
    int silences = 0;
};

IdentityCard card(std::string name, std::string idNumber, CivilDate birth)
{
    IdentityCard c;
    c.name = std::move(name);
    c.idNumber = std::move(idNumber);
    c.birthDate = birth;
    return c;
}

const IdentityCard kZhang = card("张小三", "440106198503121234", {1985, 3, 12});
const IdentityCard kWang = card("王水淼", "310101195008172346", {1950, 8, 17});

CatalogSet loadCatalogs()
{
    auto set = CatalogSet::load(std::string(KIOSK_TEST_ASSETS) + "/i18n");
    if (!set) FAIL(set.error().message);
    return std::move(*set);
}

struct Fixture {
    explicit Fixture(KioskSettings settings = {}) : shell(std::move(settings), catalogs, clock, voice, glyphs) {}
    ~Fixture() { CHECK(catalogs.missingKeys().empty()); }

    std::string text(std::string_view key, Language l = Language::ZhCN) const { return catalogs.text(l, key); }
    std::pair<std::string, Language> lastSaid() const
    {
        REQUIRE_FALSE(voice.said.empty());
        return voice.said.back();
    }
    void insert(const IdentityCard& c) { shell.handle(CardInserted{c}); }
    void idle(Duration d)
    {
        clock.advance(d);
        shell.tick();
    }

    CatalogSet catalogs = loadCatalogs();
    ManualClock clock;
    RecordingVoice voice;
    GlyphDemand glyphs;
    Shell shell;
};

} // namespace

TEST_SUITE("shell")
{
    TEST_CASE("starts on the attract screen, speaking its prompt")
    {
        Fixture f;
        CHECK(f.shell.screen() == ScreenId::Attract);
        CHECK(f.shell.overlay() == Overlay::None);
        CHECK(f.shell.session() == nullptr);
        REQUIRE(f.voice.said.size() == 1);
        CHECK(f.lastSaid() == std::pair{f.text("voice.attract"), Language::ZhCN});
        CHECK(f.voice.volumes == std::vector<int>{80});
        CHECK_FALSE(f.shell.nextDeadline().has_value());
    }

    TEST_CASE("Start opens identification with a session")
    {
        Fixture f;
        f.shell.apply(intent::Start{});
        CHECK(f.shell.screen() == ScreenId::Identify);
        REQUIRE(f.shell.session() != nullptr);
        CHECK(f.shell.session()->patient() == nullptr);
        CHECK(f.lastSaid().first == f.text("voice.identify"));
    }

    TEST_CASE("a card shows the patient screen and prepares the name's glyphs")
    {
        Fixture f;
        f.shell.apply(intent::Start{});
        f.insert(kZhang);
        CHECK(f.shell.screen() == ScreenId::Patient);
        REQUIRE(f.shell.session() != nullptr);
        REQUIRE(f.shell.session()->patient() != nullptr);
        CHECK(f.shell.session()->patient()->name == "张小三");
        CHECK(f.lastSaid().first == f.text("voice.patient"));
        auto chars = f.glyphs.characters();
        for (char32_t c : std::u32string_view(U"张小三*")) CHECK(chars.contains(c));
        CHECK(f.glyphs.sessionCharacterCount() == 4);
    }

    TEST_CASE("a patient born in 1950 gets elder mode automatically; one born in 1985 does not")
    {
        Fixture elder;
        elder.insert(kWang);  // straight from the attract screen
        CHECK(elder.shell.screen() == ScreenId::Patient);
        CHECK(elder.shell.prefs().elderMode);
        CHECK(elder.shell.prefs().elderModeAutomatic);
        CHECK(elder.shell.notice() == Notice::ElderModeOn);

        Fixture adult;
        adult.insert(kZhang);
        CHECK_FALSE(adult.shell.prefs().elderMode);
        CHECK(adult.shell.notice() == Notice::None);
    }

    TEST_CASE("inactivity shows a countdown that runs down")
    {
        Fixture f;
        f.insert(kZhang);
        f.idle(59s);
        CHECK(f.shell.overlay() == Overlay::None);
        CHECK_FALSE(f.shell.warningRemaining().has_value());
        f.idle(1s);
        CHECK(f.shell.overlay() == Overlay::TimeoutWarning);
        CHECK(f.shell.warningRemaining() == Duration(30s));
        CHECK(f.lastSaid().first == f.text("voice.timeout_warning"));
        f.idle(12s);
        CHECK(f.shell.warningRemaining() == Duration(18s));
        CHECK(f.shell.session() != nullptr);
    }

    TEST_CASE("ExtendTime clears the countdown and restarts the idle timer")
    {
        Fixture f;
        f.insert(kZhang);
        f.idle(60s);
        REQUIRE(f.shell.overlay() == Overlay::TimeoutWarning);
        f.clock.advance(5s);
        f.shell.apply(intent::ExtendTime{});
        CHECK(f.shell.overlay() == Overlay::None);
        CHECK_FALSE(f.shell.warningRemaining().has_value());
        CHECK(f.shell.nextDeadline() == f.clock.now() + 60s);
        f.idle(59s);
        CHECK(f.shell.overlay() == Overlay::None);
    }

    TEST_CASE("Touch postpones the countdown, but does not answer it once shown")
    {
        Fixture f;
        f.insert(kZhang);
        f.idle(50s);
        f.shell.apply(intent::Touch{});
        f.idle(50s);
        CHECK(f.shell.overlay() == Overlay::None);
        f.idle(10s);
        REQUIRE(f.shell.overlay() == Overlay::TimeoutWarning);
        // The countdown's own buttons decide; a stray touch leaves it running.
        f.shell.apply(intent::Touch{});
        CHECK(f.shell.overlay() == Overlay::TimeoutWarning);
        CHECK(f.shell.warningRemaining() == Duration(30s));
    }

    TEST_CASE("when the countdown ends the session and everything the patient set are gone")
    {
        Fixture f;
        f.insert(kWang);
        f.shell.apply(intent::SetLanguage{Language::En});
        f.shell.apply(intent::ToggleMute{});
        f.shell.apply(intent::VolumeUp{});
        f.idle(60s);
        f.idle(29s);
        CHECK(f.shell.session() != nullptr);
        CHECK(f.shell.sessionsEnded() == 0);
        f.idle(1s);
        CHECK(f.shell.session() == nullptr);
        CHECK(f.shell.screen() == ScreenId::Attract);
        CHECK(f.shell.overlay() == Overlay::None);
        CHECK(f.shell.notice() == Notice::None);
        CHECK(f.shell.prefs().language == Language::ZhCN);
        CHECK_FALSE(f.shell.prefs().elderMode);
        CHECK_FALSE(f.shell.prefs().muted);
        CHECK(f.shell.prefs().volume == 80);
        CHECK(f.voice.volumes.back() == 80);
        CHECK(f.glyphs.sessionCharacterCount() == 0);
        CHECK_FALSE(f.glyphs.characters().contains(U'淼'));
        CHECK(f.shell.sessionsEnded() == 1);
        CHECK(f.lastSaid() == std::pair{f.text("voice.attract"), Language::ZhCN});
        CHECK_FALSE(f.shell.nextDeadline().has_value());
    }

    TEST_CASE("a countdown shorter than 20 s is raised to 20 s")
    {
        KioskSettings settings;
        settings.warningDuration = 5s;
        settings.idleTimeout = 30s;
        Fixture f(settings);
        CHECK(f.shell.settings().warningDuration == 20s);
        f.insert(kZhang);
        f.idle(30s);
        CHECK(f.shell.warningRemaining() == Duration(20s));
        f.idle(19s);
        CHECK(f.shell.session() != nullptr);
        f.idle(1s);
        CHECK(f.shell.session() == nullptr);
    }

    TEST_CASE("a different card during a session starts a new one without the first patient")
    {
        Fixture f;
        f.insert(kWang);
        REQUIRE(f.shell.session() != nullptr);
        SessionId first = f.shell.session()->id();
        f.insert(kWang);  // the same card again keeps the session
        CHECK(f.shell.session()->id() == first);

        f.insert(kZhang);
        REQUIRE(f.shell.session() != nullptr);
        CHECK(f.shell.session()->id() != first);
        REQUIRE(f.shell.session()->patient() != nullptr);
        CHECK(f.shell.session()->patient()->name == "张小三");
        CHECK(f.shell.sessionsEnded() == 1);
        CHECK(f.shell.screen() == ScreenId::Patient);
        CHECK_FALSE(f.shell.prefs().elderMode);  // that was the first patient's
        auto chars = f.glyphs.characters();
        for (char32_t c : {U'王', U'水', U'淼'}) CHECK_FALSE(chars.contains(c));
        CHECK(chars.contains(U'张'));
    }

    TEST_CASE("a failed read asks for the card again")
    {
        Fixture f;
        f.shell.handle(CardReadFailed{"test"});
        CHECK(f.shell.screen() == ScreenId::Identify);
        CHECK(f.shell.session() != nullptr);
        CHECK(f.shell.notice() == Notice::CardReadFailed);
        CHECK(f.lastSaid().first == f.text(noticeKey(Notice::CardReadFailed)));
    }

    TEST_CASE("SetLanguage switches language and speaks the screen's prompt again")
    {
        Fixture f;
        f.shell.apply(intent::Start{});
        f.shell.apply(intent::OpenLanguage{});
        CHECK(f.shell.overlay() == Overlay::Language);
        f.shell.apply(intent::SetLanguage{Language::En});
        CHECK(f.shell.prefs().language == Language::En);
        CHECK(f.shell.overlay() == Overlay::None);
        CHECK(f.lastSaid() == std::pair{f.text("voice.identify", Language::En), Language::En});
        f.shell.apply(intent::SetLanguage{Language::ZhTW});
        CHECK(f.lastSaid() == std::pair{f.text("voice.identify", Language::ZhTW), Language::ZhTW});
    }

    TEST_CASE("CallStaff opens its overlay with a reference naming the kiosk")
    {
        KioskSettings settings;
        settings.kioskId = "K-042";
        Fixture f(settings);
        f.shell.apply(intent::Start{});
        f.shell.apply(intent::CallStaff{});
        CHECK(f.shell.overlay() == Overlay::CallStaff);
        CHECK(f.lastSaid().first == f.text("voice.call_staff"));
        CHECK(f.shell.referenceNumber().find("K-042") != std::string::npos);
        CHECK(f.shell.referenceNumber() == "K-042-0001");
        f.shell.apply(intent::CloseOverlay{});
        CHECK(f.shell.overlay() == Overlay::None);
    }

    TEST_CASE("volume and mute change the preferences and the player")
    {
        Fixture f;
        f.shell.apply(intent::VolumeUp{});
        CHECK(f.shell.prefs().volume == 100);
        CHECK(f.voice.volumes.back() == 100);
        f.shell.apply(intent::VolumeUp{});
        CHECK(f.shell.prefs().volume == 100);
        f.shell.apply(intent::VolumeDown{});
        CHECK(f.shell.prefs().volume == 80);
        CHECK(f.voice.volumes.back() == 80);

        f.shell.apply(intent::ToggleMute{});
        CHECK(f.shell.prefs().muted);
        CHECK(f.voice.volumes.back() == 0);
        auto saidBefore = f.voice.said.size();
        f.shell.apply(intent::VolumeDown{});
        CHECK(f.shell.prefs().volume == 60);
        CHECK(f.voice.volumes.back() == 0);  // still muted, and silent
        CHECK(f.voice.said.size() == saidBefore);
        f.shell.apply(intent::VolumeUp{});
        CHECK_FALSE(f.shell.prefs().muted);
        CHECK(f.voice.volumes.back() == 80);

        for (int i = 0; i < 10; ++i) f.shell.apply(intent::VolumeDown{});
        CHECK(f.shell.prefs().volume == 20);
    }

    TEST_CASE("CloseOverlay closes other overlays but not the countdown")
    {
        Fixture f;
        f.shell.apply(intent::Start{});
        f.shell.apply(intent::OpenSound{});
        CHECK(f.shell.overlay() == Overlay::Sound);
        f.shell.apply(intent::CloseOverlay{});
        CHECK(f.shell.overlay() == Overlay::None);
        f.idle(60s);
        REQUIRE(f.shell.overlay() == Overlay::TimeoutWarning);
        f.shell.apply(intent::CloseOverlay{});
        CHECK(f.shell.overlay() == Overlay::TimeoutWarning);
        CHECK(f.shell.warningRemaining().has_value());
    }

    TEST_CASE("nextDeadline is the idle timeout, then the end of the countdown")
    {
        Fixture f;
        CHECK_FALSE(f.shell.nextDeadline().has_value());
        f.shell.apply(intent::Start{});
        Instant started = f.clock.now();
        CHECK(f.shell.nextDeadline() == started + 60s);
        f.clock.advance(10s);
        f.shell.apply(intent::Touch{});
        CHECK(f.shell.nextDeadline() == started + 70s);
        f.idle(60s);
        REQUIRE(f.shell.overlay() == Overlay::TimeoutWarning);
        CHECK(f.shell.nextDeadline() == started + 100s);
        f.shell.apply(intent::Home{});
        CHECK_FALSE(f.shell.nextDeadline().has_value());
        CHECK(f.shell.screen() == ScreenId::Attract);
    }
}
