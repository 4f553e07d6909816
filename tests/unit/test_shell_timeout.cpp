#include <doctest/doctest.h>

#include "shell_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

TEST_SUITE("shell")
{
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

    TEST_CASE("Touch postpones the countdown but does not answer it once shown")
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

    TEST_CASE("nextDeadline is the idle timeout and then the end of the countdown")
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
