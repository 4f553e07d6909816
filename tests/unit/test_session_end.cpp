// When a patient's session ends (they go home, or walk away and the countdown
// runs out), nothing of theirs may stay for the next person: no session, no
// flow with its lists, no patient record, no name among the texts the glyph
// atlas is built from; and what held their data is overwritten, not just freed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/secure_clear.hpp"
#include "fake_gateway.hpp"
#include "fake_hospital.hpp"
#include "shell_fixture.hpp"
#include "step_runner.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using kiosk::test::FakeGateway;
using kiosk::test::FakeHospital;
using kiosk::test::FakeReceiptPrinter;

namespace {

/// A Shell with services on fakes; the worker and the event queue are stepped by hand.
struct SessionRig {
    SessionRig()
    {
        hospital.departmentList = {{"D01", "心血管内科", "内科", "门诊楼3层B区", "高血压、冠心病"}};
    }

    void pump()
    {
        for (;;) {
            bool ran = runner.runOne();
            std::vector<Event> posted = events.drain();
            for (const Event& e : posted) shell.handle(e);
            if (!ran && posted.empty()) return;
        }
    }
    /// Every text the running service offers to the glyph atlas, joined.
    std::string serviceTexts() const
    {
        std::string all;
        if (shell.services()) shell.services()->forEachText([&all](const std::string& s) { all += s + "\n"; });
        return all;
    }
    /// A patient identified and registering, with the department list on screen.
    void startRegistration()
    {
        shell.apply(intent::Start{});
        shell.handle(CardInserted{test::kZhang});
        shell.apply(intent::OpenService{ServiceKind::Registration});
        pump();
        REQUIRE(shell.services());
        REQUIRE(shell.services()->registration());
        REQUIRE(shell.session());
        REQUIRE(shell.session()->patient());
        CHECK(serviceTexts().find("心血管内科") != std::string::npos);
        CHECK(glyphs.sessionCharacterCount() > 0);
    }
    void checkNothingLeft()
    {
        CHECK(shell.session() == nullptr);
        CHECK(shell.screen() == ScreenId::Attract);
        REQUIRE(shell.services());
        CHECK_FALSE(shell.services()->active());
        CHECK(shell.services()->registration() == nullptr);
        std::string texts = serviceTexts();
        CHECK(texts.empty());
        for (std::string part : {"张小三", "张*三", "440106198503121234"}) CHECK(texts.find(part) == std::string::npos);
        CHECK(glyphs.sessionCharacterCount() == 0);
        // 张 is in no catalog text: only the patient's name brought it into the atlas.
        CHECK_FALSE(glyphs.characters().contains(U'张'));
    }

    ManualClock clock;
    CatalogSet catalogs = test::loadCatalogs();
    test::RecordingVoice voice;
    GlyphDemand glyphs;
    FakeHospital hospital{clock};
    FakeGateway gateway{clock};
    FakeReceiptPrinter printer;
    test::StepRunner runner;
    EventQueue events;
    Shell shell{KioskSettings{}, catalogs, clock, voice, glyphs,
                ServiceParts{hospital, gateway, printer, runner, events}};
};

} // namespace

TEST_SUITE("session_end")
{
    TEST_CASE("going home ends the session and leaves no patient, flow or name behind")
    {
        SessionRig rig;
        rig.startRegistration();
        rig.shell.apply(intent::Home{});
        rig.checkNothingLeft();
    }

    TEST_CASE("walking away ends the session the same way when the countdown runs out")
    {
        SessionRig rig;
        rig.startRegistration();
        rig.clock.advance(rig.shell.settings().idleTimeout);
        rig.shell.tick();
        REQUIRE(rig.shell.overlay() == Overlay::TimeoutWarning);
        rig.clock.advance(rig.shell.settings().warningDuration);
        rig.shell.tick();
        rig.checkNothingLeft();
        CHECK(rig.shell.sessionsEnded() == 1);
    }

    TEST_CASE("secureClear empties a string and gives its buffer back")
    {
        std::string id = "440106198503121234-and-more-to-leave-the-small-string-buffer";
        secureClear(id);
        CHECK(id.empty());
        CHECK(id.capacity() < 20);
        std::optional<std::string> pass = "H01234567";
        secureClear(pass);
        CHECK_FALSE(pass.has_value());
    }

    TEST_CASE("a patient record and an ID card wipe every identifying field")
    {
        hospital::PatientRecord record;
        record.id = "P00100001";
        record.name = "张小三";
        record.idNumber = "440106198503121234";
        record.visitCard = "8810000001";
        record.phone = "18643086363";
        record.birthDate = {1985, 3, 12};
        record.wipe();
        CHECK(record.name.empty());
        CHECK(record.idNumber.empty());
        CHECK(record.visitCard.empty());
        CHECK(record.phone.empty());
        CHECK(record.birthDate == CivilDate{});
        CHECK(record.id == "P00100001");  // the hospital's own number, which the flow may still need to log

        IdentityCard card = test::kZhang;
        card.address = "广东省广州市天河区体育西路101号";
        card.passNumber = "H01234567";
        card.wipe();
        CHECK(card.name.empty());
        CHECK(card.idNumber.empty());
        CHECK(card.address.empty());
        CHECK_FALSE(card.passNumber.has_value());
    }
}
