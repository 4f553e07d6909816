#include "script/script_runner.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "logging/log.hpp"
#include "patient/masking.hpp"
#include "text/utf8.hpp"

namespace kiosk::screens {

namespace {
constexpr auto kWaitLimit = std::chrono::seconds(10);
// ImGui needs a frame to see a press and another to settle hover and layout.
constexpr int kSettleFrames = 2;

std::string joinTargets(const FrameRecord& record)
{
    std::string out;
    for (const auto& item : record.items())
        if (item.kind == RecordedItem::Kind::Target) out += (out.empty() ? "" : ", ") + ("#" + item.id);
    return out;
}
} // namespace

ScriptRunner::ScriptRunner(Scenario scenario, ScriptContext context)
    : m_scenario(std::move(scenario)), m_ctx(std::move(context))
{
}

void ScriptRunner::injectInput(ImGuiIO& io)
{
    switch (m_tap) {
    case TapPhase::Press:
        io.MousePos = m_tapAt;
        io.MouseDown[0] = true;
        break;
    case TapPhase::Release:
        io.MousePos = m_tapAt;
        io.MouseDown[0] = false;
        break;
    case TapPhase::Away:
    case TapPhase::None:
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        io.MouseDown[0] = false;
        break;
    }
}

void ScriptRunner::idleFinished()
{
    m_idleUntil.reset();
    m_ctx.stats.idleEnded();
    ++m_index;
    m_framesSinceAction = 0;
}

void ScriptRunner::failStep(const ScenarioStep& step, const std::string& message)
{
    logging::error("scenario", m_scenario.fileName + ":" + std::to_string(step.line) + ": " +
                                   std::string(scenarioOpName(step.op)) + ": " + message);
    m_failed = true;
    m_done = true;
}

bool ScriptRunner::waitFor(bool condition, const ScenarioStep& step, const std::string& what)
{
    if (condition) return true;
    auto now = std::chrono::steady_clock::now();
    if (!m_stepStarted) m_stepStarted = now;
    if (now - *m_stepStarted > kWaitLimit) failStep(step, "waited 10 s for " + what);
    return false;
}

void ScriptRunner::afterFrame(const FrameRecord& record, const Metrics& metrics)
{
    ++m_framesSinceAction;
    // Run as many steps as this frame allows; actions end the frame's turn.
    while (!m_done && !m_idleUntil) {
        if (m_index >= m_scenario.steps.size()) {
            if (m_ctx.catalogs.missingLookups() > 0) {
                std::string keys;
                for (const auto& k : m_ctx.catalogs.missingKeys()) keys += " " + k;
                logging::error("scenario", m_scenario.fileName + ": text keys missing from the catalogs:" + keys);
                m_failed = true;
            } else {
                std::printf("%s: %zu steps passed\n", m_scenario.fileName.c_str(), m_scenario.steps.size());
            }
            m_done = true;
            return;
        }
        const ScenarioStep& step = m_scenario.steps[m_index];
        if (!runStep(step, record, metrics)) return;
        ++m_index;
        m_stepStarted.reset();
    }
}

bool ScriptRunner::runStep(const ScenarioStep& step, const FrameRecord& record, const Metrics& metrics)
{
    using Op = ScenarioOp;
    bool settled = m_framesSinceAction >= kSettleFrames;
    auto acted = [&] {
        m_framesSinceAction = 0;
        return true;
    };
    switch (step.op) {
    case Op::Tap:
    case Op::TapAt: {
        if (m_tap == TapPhase::None) {
            if (!settled) return false;
            if (step.op == Op::TapAt) {
                m_tapAt = ImVec2(static_cast<float>(step.x), static_cast<float>(step.y));
            } else {
                const RecordedItem* target = record.findTarget(step.argument);
                if (!waitFor(target != nullptr, step,
                             "a target '" + step.argument + "' (targets now: " + joinTargets(record) + ")"))
                    return false;
                m_tapAt = ImVec2((target->min.x + target->max.x) * 0.5f, (target->min.y + target->max.y) * 0.5f);
            }
            m_tap = TapPhase::Press;
            ++m_taps;
            m_ctx.shell.apply(intent::Touch{});
            return false;
        }
        // Press, release and move away take one frame each, as a finger would.
        if (m_tap == TapPhase::Press) m_tap = TapPhase::Release;
        else if (m_tap == TapPhase::Release) m_tap = TapPhase::Away;
        else m_tap = TapPhase::None;
        return m_tap == TapPhase::None && acted();
    }
    case Op::Type:
        ImGui::GetIO().AddInputCharactersUTF8(step.argument.c_str());
        m_ctx.shell.apply(intent::Touch{});
        return acted();
    case Op::InsertCard: {
        for (const auto& id : m_ctx.devices.reader().identities())
            if (id.key == step.argument) {
                std::string name = maskName(id.card.displayName());
                std::string number = maskIdNumber(id.card.idNumber);
                m_patientStrings.emplace(id.card.displayName(), "the full name " + name);
                m_patientStrings.emplace(name, "the masked name " + name);
                m_patientStrings.emplace(id.card.idNumber, "the full ID number " + number);
                m_patientStrings.emplace(number, "the masked ID number " + number);
            }
        if (auto ok = m_ctx.devices.reader().insert(step.argument); !ok) {
            failStep(step, ok.error().message);
            return false;
        }
        return acted();
    }
    case Op::RemoveCard:
        m_ctx.devices.reader().remove();
        return acted();
    case Op::CardError:
        m_ctx.devices.reader().failNextRead();
        return acted();
    case Op::Scan:
        if (auto ok = m_ctx.devices.scanner().scan(step.argument); !ok) {
            failStep(step, ok.error().message);
            return false;
        }
        return acted();
    case Op::ScanSlip: return scanSlip(step);
    case Op::Device: {
        auto done = m_ctx.devices.control(step.argument);
        if (!done) {
            failStep(step, done.error().message);
            return false;
        }
        m_ctx.monitor.poke();
        return acted();
    }
    case Op::CountTaps:
        m_taps = 0;
        return acted();
    case Op::ExpectTaps:
        if (std::to_string(m_taps) != step.argument) {
            failStep(step, "expected " + step.argument + " taps since count-taps, there were " + std::to_string(m_taps));
            return false;
        }
        std::printf("%s:%d: %d taps\n", m_scenario.fileName.c_str(), step.line, m_taps);
        return acted();
    case Op::Gateway:
    case Op::Hospital: {
        std::string line = std::string(step.op == Op::Gateway ? "gateway " : "hospital ") + step.argument;
        if (step.op == Op::Hospital && step.argument == "take-slot") {
            // The place the patient is registering for, taken by other patients.
            const ServiceHost* host = m_ctx.shell.services();
            const auto* slot = host && host->registration() ? host->registration()->chosenSlot() : nullptr;
            if (!slot) {
                failStep(step, "take-slot without a slot id needs a chosen time on screen");
                return false;
            }
            line += " " + slot->id;
        }
        auto done = m_ctx.simulate ? m_ctx.simulate(line) : Result<std::string>(fail("no simulated services"));
        if (!done) {
            failStep(step, done.error().message);
            return false;
        }
        return acted();
    }
    case Op::PhonePays: {
        // Waits for the QR code to be on screen, as a patient would.
        const ServiceHost* host = m_ctx.shell.services();
        const flows::PaymentStep* payment = host ? host->payment() : nullptr;
        bool showing = payment && payment->stage() == flows::PaymentStage::AwaitingPatient;
        if (!settled || !waitFor(showing, step, "a payment QR code on screen")) return false;
        if (auto paid = m_ctx.phonePays(payment->qrOrderNo(), step.argument); !paid) {
            failStep(step, paid.error().message);
            return false;
        }
        return acted();
    }
    case Op::ExpectDevice: {
        std::istringstream words(step.argument);
        std::string role, health;
        words >> role >> health;
        const DeviceReport& report = m_ctx.shell.device(*parseDeviceRole(role));
        return settled && waitFor(report.health == *parseDeviceHealth(health), step,
                                  role + " " + health + " (it is " + std::string(deviceHealthName(report.health)) +
                                      ": " + report.detail + ")");
    }
    case Op::ExpectUnsettled: return expectUnsettled(step);
    case Op::Advance:
        m_ctx.clock.advance(step.duration);
        return acted();
    case Op::Wait: {
        auto now = std::chrono::steady_clock::now();
        if (!m_waitUntil) m_waitUntil = now + step.duration;
        if (now < *m_waitUntil) return false;
        m_waitUntil.reset();
        return acted();
    }
    case Op::Idle:
        m_idleUntil = std::chrono::steady_clock::now() + step.duration;
        m_ctx.stats.idleStarted();
        return false;  // idleFinished() moves on
    case Op::Screen: {
        auto want = screenFromName(step.argument);
        if (!want) {
            failStep(step, "no screen named '" + step.argument + "' (attract, identify, patient)");
            return false;
        }
        return settled && waitFor(m_ctx.shell.screen() == *want, step,
                                  "screen '" + step.argument + "'; the screen is '" +
                                      std::string(screenName(m_ctx.shell.screen())) + "'");
    }
    case Op::Overlay: {
        auto want = overlayFromName(step.argument);
        if (!want) {
            failStep(step, "no overlay named '" + step.argument + "'");
            return false;
        }
        return settled && waitFor(m_ctx.shell.overlay() == *want, step,
                                  "overlay '" + step.argument + "'; the overlay is '" +
                                      std::string(overlayName(m_ctx.shell.overlay())) + "'");
    }
    case Op::Expect:
        return settled && waitFor(record.showsText(step.argument), step, "text \"" + step.argument + "\" to show");
    case Op::ExpectNot:
        if (!settled) return false;
        if (record.showsText(step.argument)) {
            failStep(step, "\"" + step.argument + "\" is visible");
            return false;
        }
        return true;
    case Op::ExpectElder: {
        bool want = step.argument == "on";
        return settled && waitFor(m_ctx.shell.prefs().elderMode == want, step,
                                  std::string("elder mode ") + (want ? "on" : "off"));
    }
    case Op::ExpectNoPatient: {
        if (!settled) return false;
        std::string problems;
        if (m_ctx.shell.session()) problems += " a session is still open;";
        if (m_ctx.glyphs.sessionCharacterCount() > 0) problems += " the glyph atlas still holds session characters;";
        for (const auto& [s, label] : m_patientStrings)
            if (!s.empty() && record.showsText(s)) problems += " " + label + " is on screen;";
        // Characters of the patient's name that no catalog text needs must be
        // gone from the atlas itself, not only from the list of demands.
        std::u32string catalogChars;
        for (const auto& [key, value] : m_ctx.catalogs.catalog(m_ctx.shell.prefs().language).entries())
            catalogChars += decodeUtf8Lossy(value);
        for (Language l : kAllLanguages) catalogChars += decodeUtf8Lossy(m_ctx.catalogs.text(l, "lang.self"));
        // Named by code point: the characters in a row would spell the name.
        for (const auto& [s, label] : m_patientStrings)
            for (char32_t c : decodeUtf8Lossy(s))
                if (c >= 0x80 && catalogChars.find(c) == std::u32string::npos && m_ctx.atlasHasGlyph(c)) {
                    char code[16];
                    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
                    problems += " the atlas still holds " + std::string(code) + " from " + label + ";";
                }
        if (!problems.empty()) {
            failStep(step, "patient data left:" + problems);
            return false;
        }
        return true;
    }
    case Op::Screenshot: {
        if (!settled) return false;
        if (auto ok = m_ctx.screenshot(step.argument); !ok) {
            failStep(step, ok.error().message);
            return false;
        }
        return true;
    }
    case Op::CheckLayout: {
        if (!settled) return false;
        auto problems = layoutProblems(record, metrics);
        if (!problems.empty()) {
            std::string all;
            for (const auto& p : problems) all += "\n  " + p;
            failStep(step, std::to_string(problems.size()) + " layout problem(s):" + all);
            return false;
        }
        return true;
    }
    case Op::Quit:
        m_index = m_scenario.steps.size();
        return true;
    }
    return true;
}

std::vector<std::string> ScriptRunner::layoutProblems(const FrameRecord& record, const Metrics& metrics) const
{
    std::vector<std::string> problems;
    constexpr float kSlack = 0.5f;
    auto box = [](const RecordedItem& i) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, "[%.0f,%.0f %.0fx%.0f]", i.min.x, i.min.y, i.max.x - i.min.x,
                      i.max.y - i.min.y);
        return std::string(buffer);
    };
    for (const auto& item : record.items()) {
        bool inside = item.min.x >= -kSlack && item.min.y >= -kSlack && item.max.x <= metrics.width + kSlack &&
                      item.max.y <= metrics.height + kSlack;
        if (!inside) problems.push_back("\"" + item.text + "\" " + box(item) + " is outside the screen");
        if (item.bounds) {
            auto [lo, hi] = *item.bounds;
            bool within = item.min.x >= lo.x - kSlack && item.min.y >= lo.y - kSlack && item.max.x <= hi.x + kSlack &&
                          item.max.y <= hi.y + kSlack;
            if (!within) problems.push_back("\"" + item.text + "\" " + box(item) + " runs out of the content area");
        }
        if (item.kind == RecordedItem::Kind::Target) {
            float w = item.max.x - item.min.x;
            float h = item.max.y - item.min.y;
            if (w + kSlack < metrics.minTarget || h + kSlack < metrics.minTarget)
                problems.push_back("target #" + item.id + " " + box(item) + " is smaller than " +
                                   std::to_string(static_cast<int>(metrics.minTarget)) + " px");
        }
    }
    const auto& items = record.items();
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            const auto& a = items[i];
            const auto& b = items[j];
            if (a.kind != RecordedItem::Kind::Target || b.kind != RecordedItem::Kind::Target) continue;
            if (a.onOverlay != b.onOverlay) continue;
            bool overlap = a.min.x < b.max.x - kSlack && b.min.x < a.max.x - kSlack && a.min.y < b.max.y - kSlack &&
                           b.min.y < a.max.y - kSlack;
            if (overlap) problems.push_back("targets #" + a.id + " and #" + b.id + " overlap");
        }
    for (char32_t c : record.missingGlyphs()) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
        problems.push_back(std::string("glyph ") + buffer + " (" + encodeUtf8(std::u32string(1, c)) +
                           ") is missing and would show as '?'");
    }
    return problems;
}

} // namespace kiosk::screens
