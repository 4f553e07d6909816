#pragma once
// What the Shell tests share: a recording voice, two patients and a Shell
// wired to the shipped catalogs and a hand-moved clock.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "shell/shell.hpp"

namespace kiosk::test {

class RecordingVoice final : public PromptPlayer {
public:
    void say(std::string text, Language language) override { said.emplace_back(std::move(text), language); }
    void silence() override { ++silences; }
    void setVolume(int percent) override { volumes.push_back(percent); }

    std::vector<std::pair<std::string, Language>> said;
    std::vector<int> volumes;
    int silences = 0;
};

inline IdentityCard card(std::string name, std::string idNumber, CivilDate birth)
{
    IdentityCard c;
    c.name = std::move(name);
    c.idNumber = std::move(idNumber);
    c.birthDate = birth;
    return c;
}

inline const IdentityCard kZhang = card("张小三", "440106198503121234", {1985, 3, 12});
inline const IdentityCard kWang = card("王水淼", "310101195008172346", {1950, 8, 17});

inline CatalogSet loadCatalogs()
{
    auto set = CatalogSet::load(std::string(KIOSK_TEST_ASSETS) + "/i18n");
    if (!set) FAIL(set.error().message);
    return std::move(*set);
}

struct Fixture {
    explicit Fixture(KioskSettings settings = {}) : shell(std::move(settings), catalogs, clock, voice, glyphs) {}
    // Whatever a test does, the Shell must never ask for a key the catalogs lack.
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

} // namespace kiosk::test
