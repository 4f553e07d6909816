#include <doctest/doctest.h>

#include <regex>

#include "shell_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

TEST_SUITE("shell")
{
    TEST_CASE("starts on the attract screen and speaks its prompt")
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
        for (char32_t c : std::u32string_view(U"张*三")) CHECK(chars.contains(c));
        CHECK_FALSE(chars.contains(U'小'));  // hidden by the mask, so never rasterised
        CHECK(f.glyphs.sessionCharacterCount() == 3);
    }

    TEST_CASE("a patient born in 1950 gets elder mode automatically and one born in 1985 does not")
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
        // Kiosk id and the session's local start time, so it stays unique across restarts.
        CHECK(std::regex_match(f.shell.referenceNumber(), std::regex(R"(K-042-20261\d{3}-\d{6})")));
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

    TEST_CASE("changing language or elder mode on the attract screen is undone by the inactivity timeout")
    {
        test::Fixture fx;
        REQUIRE(fx.shell.session() == nullptr);
        fx.shell.apply(intent::SetLanguage{Language::En});
        fx.shell.apply(intent::ToggleElderMode{});
        fx.shell.apply(intent::ToggleMute{});
        REQUIRE(fx.shell.session() != nullptr);  // the person in front of the kiosk is now timed
        CHECK(fx.shell.screen() == ScreenId::Attract);
        fx.idle(std::chrono::seconds(61));
        CHECK(fx.shell.overlay() == Overlay::None);  // no countdown for nobody on the attract screen
        CHECK(fx.shell.session() == nullptr);
        CHECK(fx.shell.prefs().language == Language::ZhCN);
        CHECK_FALSE(fx.shell.prefs().elderMode);
        CHECK_FALSE(fx.shell.prefs().muted);
    }

    TEST_CASE("Home without a session ends nothing")
    {
        test::Fixture fx;
        fx.shell.apply(intent::Home{});
        CHECK(fx.shell.sessionsEnded() == 0);
        fx.shell.apply(intent::Start{});
        fx.shell.apply(intent::Home{});
        CHECK(fx.shell.sessionsEnded() == 1);
    }
}
