#include "script/scenario.hpp"

#include <array>
#include <charconv>
#include <fstream>
#include <sstream>
#include <utility>

#include "device/device_report.hpp"

namespace kiosk {

namespace {

enum class Arg { None, Text, Word, Words, Duration, OnOff, Point };

struct CommandSpec {
    std::string_view name;
    ScenarioOp op;
    Arg arg;
};

constexpr std::array kCommands{
    CommandSpec{"tap", ScenarioOp::Tap, Arg::Text},
    CommandSpec{"tap-at", ScenarioOp::TapAt, Arg::Point},
    CommandSpec{"type", ScenarioOp::Type, Arg::Text},
    CommandSpec{"insert-card", ScenarioOp::InsertCard, Arg::Word},
    CommandSpec{"remove-card", ScenarioOp::RemoveCard, Arg::None},
    CommandSpec{"card-error", ScenarioOp::CardError, Arg::None},
    CommandSpec{"scan", ScenarioOp::Scan, Arg::Text},
    CommandSpec{"scan-slip", ScenarioOp::ScanSlip, Arg::None},
    CommandSpec{"device", ScenarioOp::Device, Arg::Words},
    CommandSpec{"expect-device", ScenarioOp::ExpectDevice, Arg::Words},
    CommandSpec{"count-taps", ScenarioOp::CountTaps, Arg::None},
    CommandSpec{"expect-taps", ScenarioOp::ExpectTaps, Arg::Word},
    CommandSpec{"gateway", ScenarioOp::Gateway, Arg::Words},
    CommandSpec{"hospital", ScenarioOp::Hospital, Arg::Words},
    CommandSpec{"phone-pays", ScenarioOp::PhonePays, Arg::Word},
    CommandSpec{"expect-unsettled", ScenarioOp::ExpectUnsettled, Arg::Word},
    CommandSpec{"advance", ScenarioOp::Advance, Arg::Duration},
    CommandSpec{"wait", ScenarioOp::Wait, Arg::Duration},
    CommandSpec{"idle", ScenarioOp::Idle, Arg::Duration},
    CommandSpec{"screen", ScenarioOp::Screen, Arg::Word},
    CommandSpec{"overlay", ScenarioOp::Overlay, Arg::Word},
    CommandSpec{"expect", ScenarioOp::Expect, Arg::Text},
    CommandSpec{"expect-not", ScenarioOp::ExpectNot, Arg::Text},
    CommandSpec{"expect-elder", ScenarioOp::ExpectElder, Arg::OnOff},
    CommandSpec{"expect-no-patient", ScenarioOp::ExpectNoPatient, Arg::None},
    CommandSpec{"screenshot", ScenarioOp::Screenshot, Arg::Word},
    CommandSpec{"check-layout", ScenarioOp::CheckLayout, Arg::None},
    CommandSpec{"quit", ScenarioOp::Quit, Arg::None},
};

std::string knownCommands()
{
    std::string out;
    for (const auto& c : kCommands) {
        if (!out.empty()) out += ", ";
        out += c.name;
    }
    return out;
}

std::string_view trimLeft(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

std::string_view trim(std::string_view s)
{
    s = trimLeft(s);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// A quoted string with \" and \\ escapes, or a bare word up to the line's end.
Result<std::string> parseText(std::string_view rest)
{
    if (rest.empty()) return fail("needs a text argument");
    if (rest.front() != '"') {
        if (rest.front() == '#') {  // widget id
            if (rest.find_first_of(" \t") != std::string_view::npos) return fail("a #id is one word");
            return std::string(rest);
        }
        return fail("text must be in double quotes, e.g. \"开始\" (or #id for a widget id)");
    }
    std::string out;
    for (std::size_t i = 1; i < rest.size(); ++i) {
        char c = rest[i];
        if (c == '\\' && i + 1 < rest.size()) {
            out.push_back(rest[++i]);
        } else if (c == '"') {
            if (!trim(rest.substr(i + 1)).empty()) return fail("unexpected text after the closing quote");
            return out;
        } else {
            out.push_back(c);
        }
    }
    return fail("the quoted text has no closing quote");
}

Result<std::chrono::milliseconds> parseDuration(std::string_view word)
{
    std::size_t digits = 0;
    while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
    if (digits == 0) return fail("'" + std::string(word) + "' is not a duration (use e.g. 500ms, 45s, 2m)");
    long long n = 0;
    auto [ptr, ec] = std::from_chars(word.data(), word.data() + digits, n);
    if (ec != std::errc{} || n > 24LL * 3600 * 1000)
        return fail("'" + std::string(word) + "' is longer than a day");
    std::string_view unit = word.substr(digits);
    if (unit == "ms") return std::chrono::milliseconds(n);
    if (unit == "s") return std::chrono::milliseconds(n * 1000);
    if (unit == "m") return std::chrono::milliseconds(n * 60'000);
    return fail("'" + std::string(word) + "' has no known unit (use ms, s or m)");
}

} // namespace

std::string_view scenarioOpName(ScenarioOp op)
{
    for (const auto& c : kCommands)
        if (c.op == op) return c.name;
    return "?";
}

Result<Scenario> parseScenario(std::string_view text, std::string fileName)
{
    Scenario scenario{fileName, {}};
    int lineNo = 0;
    std::istringstream in{std::string(text)};
    std::string raw;
    while (std::getline(in, raw)) {
        ++lineNo;
        std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        auto where = [&] { return fileName + ":" + std::to_string(lineNo) + ": "; };

        std::size_t space = line.find_first_of(" \t");
        std::string_view name = line.substr(0, space);
        std::string_view rest = space == std::string_view::npos ? std::string_view{} : trim(line.substr(space));

        const CommandSpec* spec = nullptr;
        for (const auto& c : kCommands)
            if (c.name == name) spec = &c;
        if (!spec)
            return fail(where() + "unknown command '" + std::string(name) + "' (known: " + knownCommands() + ")");

        ScenarioStep step{lineNo, spec->op, {}, {}};
        auto bad = [&](const std::string& why) { return fail(where() + std::string(name) + ": " + why); };
        switch (spec->arg) {
        case Arg::None:
            if (!rest.empty()) return bad("takes no argument");
            break;
        case Arg::Text: {
            auto t = parseText(rest);
            if (!t) return bad(t.error().message);
            step.argument = std::move(*t);
            break;
        }
        case Arg::Word:
            if (rest.empty()) return bad("needs an argument");
            if (rest.find_first_of(" \t") != std::string_view::npos) return bad("takes one word");
            step.argument = std::string(rest);
            break;
        case Arg::Words:
            if (rest.empty()) return bad("needs arguments");
            step.argument = std::string(rest);
            break;
        case Arg::Duration: {
            auto d = parseDuration(rest);
            if (!d) return bad(d.error().message);
            step.duration = *d;
            break;
        }
        case Arg::Point: {
            std::istringstream words{std::string(rest)};
            std::string extra;
            if (!(words >> step.x >> step.y) || (words >> extra) || step.x < 0 || step.y < 0)
                return bad("takes two whole numbers of pixels, X and Y");
            break;
        }
        case Arg::OnOff:
            if (rest != "on" && rest != "off") return bad("takes 'on' or 'off'");
            step.argument = std::string(rest);
            break;
        }
        if (step.op == ScenarioOp::ExpectDevice) {
            std::istringstream words(step.argument);
            std::string role, health, extra;
            words >> role >> health >> extra;
            if (!parseDeviceRole(role) || !parseDeviceHealth(health) || !extra.empty())
                return bad("takes a role (reader, scanner, receipt-printer, a4-printer) and a health (ready, "
                           "warning, fault, missing, unknown)");
        }
        scenario.steps.push_back(std::move(step));
    }
    if (scenario.steps.empty()) return fail(fileName + ": the scenario has no commands");
    return scenario;
}

Result<Scenario> loadScenario(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(path + ": cannot open the scenario file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parseScenario(buffer.str(), path);
}

} // namespace kiosk
