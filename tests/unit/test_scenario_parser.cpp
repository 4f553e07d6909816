#include <doctest/doctest.h>

#include <string>

#include "script/scenario.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

Scenario parseOk(std::string_view text)
{
    auto result = parseScenario(text, "t.scenario");
    if (!result) FAIL(result.error().message);
    return *result;
}

std::string parseError(std::string_view text)
{
    auto result = parseScenario(text, "t.scenario");
    REQUIRE_FALSE(result.has_value());
    return result.error().message;
}

} // namespace

TEST_SUITE("scenario_parser")
{
    TEST_CASE("every command form parses")
    {
        Scenario s = parseOk("# a walkthrough\n"
                             "\n"
                             "tap \"开始办理\"\n"
                             "tap #chrome.home\n"
                             "tap-at 120 45\n"
                             "type \"say \\\"hi\\\" \\\\ bye\"\n"
                             "insert-card zhang-xiaosan\n"
                             "remove-card\n"
                             "card-error\n"
                             "scan \"https://example.invalid/q?x=1\"\n"
                             "advance 45s\n"
                             "wait 500ms\n"
                             "idle 2m\n"
                             "screen patient\n"
                             "overlay timeout-warning\n"
                             "expect \"您好\"\n"
                             "expect-not \"⟦\"\n"
                             "expect-elder on\n"
                             "expect-elder off\n"
                             "expect-no-patient\n"
                             "screenshot out/attract.png\n"
                             "check-layout\n"
                             "  quit  \r\n");
        CHECK(s.fileName == "t.scenario");
        REQUIRE(s.steps.size() == 21);
        const auto& st = s.steps;
        CHECK(st[0].op == ScenarioOp::Tap);
        CHECK(st[0].argument == "开始办理");
        CHECK(st[0].line == 3);
        CHECK(st[1].op == ScenarioOp::Tap);
        CHECK(st[1].argument == "#chrome.home");
        CHECK(st[2].op == ScenarioOp::TapAt);
        CHECK(st[2].x == 120);
        CHECK(st[2].y == 45);
        CHECK(st[3].op == ScenarioOp::Type);
        CHECK(st[3].argument == "say \"hi\" \\ bye");
        CHECK(st[4].op == ScenarioOp::InsertCard);
        CHECK(st[4].argument == "zhang-xiaosan");
        CHECK(st[5].op == ScenarioOp::RemoveCard);
        CHECK(st[6].op == ScenarioOp::CardError);
        CHECK(st[7].op == ScenarioOp::Scan);
        CHECK(st[7].argument == "https://example.invalid/q?x=1");
        CHECK(st[8].op == ScenarioOp::Advance);
        CHECK(st[8].duration == 45s);
        CHECK(st[9].op == ScenarioOp::Wait);
        CHECK(st[9].duration == 500ms);
        CHECK(st[10].op == ScenarioOp::Idle);
        CHECK(st[10].duration == 2min);
        CHECK(st[11].op == ScenarioOp::Screen);
        CHECK(st[11].argument == "patient");
        CHECK(st[12].op == ScenarioOp::Overlay);
        CHECK(st[12].argument == "timeout-warning");
        CHECK(st[13].op == ScenarioOp::Expect);
        CHECK(st[13].argument == "您好");
        CHECK(st[14].op == ScenarioOp::ExpectNot);
        CHECK(st[14].argument == "⟦");
        CHECK(st[15].op == ScenarioOp::ExpectElder);
        CHECK(st[15].argument == "on");
        CHECK(st[16].argument == "off");
        CHECK(st[17].op == ScenarioOp::ExpectNoPatient);
        CHECK(st[18].op == ScenarioOp::Screenshot);
        CHECK(st[18].argument == "out/attract.png");
        CHECK(st[19].op == ScenarioOp::CheckLayout);
        CHECK(st[20].op == ScenarioOp::Quit);
        CHECK(st[20].line == 23);
    }

    TEST_CASE("op names match the command words")
    {
        CHECK(scenarioOpName(ScenarioOp::TapAt) == "tap-at");
        CHECK(scenarioOpName(ScenarioOp::ExpectNoPatient) == "expect-no-patient");
        CHECK(scenarioOpName(ScenarioOp::Quit) == "quit");
    }

    TEST_CASE("an unknown command names file and line and the known commands")
    {
        std::string e = parseError("tap \"a\"\n# comment\n\nclick \"b\"\n");
        CHECK(e.starts_with("t.scenario:4: "));
        CHECK(e.find("unknown command 'click'") != std::string::npos);
        CHECK(e.find("tap-at") != std::string::npos);
    }

    TEST_CASE("text arguments need double quotes")
    {
        std::string e = parseError("quit\ntap 开始\n");
        CHECK(e.starts_with("t.scenario:2: tap: "));
        CHECK(e.find("double quotes") != std::string::npos);
        CHECK(parseError("expect \"open").find("no closing quote") != std::string::npos);
        CHECK(parseError("tap").find("needs a text argument") != std::string::npos);
        CHECK(parseError("tap \"a\" b").find("after the closing quote") != std::string::npos);
    }

    TEST_CASE("durations need a known unit")
    {
        for (const char* bad : {"advance 45", "advance 45h", "wait 1.5s", "idle s", "wait", "advance 45 s"}) {
            INFO(bad);
            std::string e = parseError(bad);
            CHECK(e.starts_with("t.scenario:1: "));
            CHECK((e.find("unit") != std::string::npos || e.find("not a duration") != std::string::npos));
        }
        CHECK(parseError("advance 45h").find("ms, s or m") != std::string::npos);
        CHECK(parseError("advance 99999999999999999999s").find("longer than a day") != std::string::npos);
        CHECK(parseError("wait 25h").find("unit") != std::string::npos);
    }

    TEST_CASE("a widget id is a single word")
    {
        CHECK(parseError("tap #start extra words").find("a #id is one word") != std::string::npos);
    }

    TEST_CASE("extra or missing arguments are errors")
    {
        CHECK(parseError("remove-card now").find("remove-card: takes no argument") != std::string::npos);
        CHECK(parseError("quit 1").find("takes no argument") != std::string::npos);
        CHECK(parseError("screen patient attract").find("takes one word") != std::string::npos);
        CHECK(parseError("insert-card").find("needs an argument") != std::string::npos);
        CHECK(parseError("expect-elder maybe").find("'on' or 'off'") != std::string::npos);
        for (const char* bad : {"tap-at 10", "tap-at 10 20 30", "tap-at -1 20", "tap-at x y", "tap-at"}) {
            INFO(bad);
            CHECK(parseError(bad).find("two whole numbers") != std::string::npos);
        }
    }

    TEST_CASE("a scenario without commands is an error")
    {
        CHECK(parseError("").find("t.scenario: the scenario has no commands") != std::string::npos);
        CHECK(parseError("# only a comment\n\n   \n").find("no commands") != std::string::npos);
    }

    TEST_CASE("device commands: the rest of the line is kept; expect-device checks its names when parsed")
    {
        auto parsed = parseScenario("device printer paper-out-after 300\nexpect-device receipt-printer fault\n", "t.scenario");
        REQUIRE(parsed.has_value());
        REQUIRE(parsed->steps.size() == 2);
        CHECK(parsed->steps[0].op == ScenarioOp::Device);
        CHECK(parsed->steps[0].argument == "printer paper-out-after 300");
        CHECK(parsed->steps[1].op == ScenarioOp::ExpectDevice);
        CHECK(parseError("device").find("device: needs arguments") != std::string::npos);
        for (const char* bad : {"expect-device printer ready", "expect-device reader fine", "expect-device reader",
                                "expect-device reader ready now"}) {
            INFO(bad);
            CHECK(parseError(bad).find("t.scenario:1: expect-device: takes a role") != std::string::npos);
        }
    }

    TEST_CASE("loadScenario names a file it cannot open")
    {
        auto result = loadScenario("/nonexistent/dir/x.scenario");
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message.find("/nonexistent/dir/x.scenario") != std::string::npos);
    }
}
