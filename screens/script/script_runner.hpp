#pragma once
// Runs a UI scenario against the real application, frame by frame. Input is
// injected at the ImGui IO level: offscreen windows never get focus, so SDL
// mouse events would not reach ImGui. Observations (expect, screenshot,
// check-layout) look at frames drawn after the last action has settled.
#include <chrono>
#include <functional>
#include <optional>
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/frame_stats.hpp"
#include "core/clock.hpp"
#include "core/event_queue.hpp"
#include "fonts/font_atlas.hpp"
#include "metrics.hpp"
#include "recovery/recovery_service.hpp"
#include "script/scenario.hpp"
#include "shell/shell.hpp"
#include "device/device_monitor.hpp"
#include "sim/simulated_devices.hpp"
#include "widgets/frame_record.hpp"

namespace kiosk::screens {

struct ScriptContext {
    Shell& shell;
    AdvanceableClock& clock;
    EventQueue& events;
    const GlyphDemand& glyphs;
    const CatalogSet& catalogs;
    devices::SimulatedDevices& devices;
    DeviceMonitor& monitor;  ///< Poked after a device command, so the UI hears of it at once.
    /// Runs "gateway ..." and "hospital ..." lines against the simulated channel and the demo hospital.
    std::function<Result<std::string>(const std::string&)> simulate;
    /// The patient's phone pays the QR order on screen through the given channel ("wechat").
    std::function<Result<void>(const std::string& orderNo, const std::string& channel)> phonePays;
    FrameStats& stats;
    std::function<Result<void>(const std::string&)> screenshot;
    /// Whether the font atlas in use holds a glyph for the character.
    std::function<bool(char32_t)> atlasHasGlyph;
    /// The background recovery's state, and a way to ask it for a round now; empty without payments.
    std::function<recovery::RecoveryStatus()> recoveryStatus{};
    std::function<void()> pokeRecovery{};
};

class ScriptRunner {
public:
    ScriptRunner(Scenario scenario, ScriptContext context);

    /// Sets the pointer for this frame; call after the platform backend's NewFrame.
    void injectInput(ImGuiIO& io);
    /// Advances the scenario with the frame just drawn (before it is presented).
    void afterFrame(const FrameRecord& record, const Metrics& metrics);

    bool done() const { return m_done; }
    int exitCode() const { return m_failed ? 1 : 0; }
    /// While set, the frame loop runs as in production (blocking waits) until then.
    std::optional<std::chrono::steady_clock::time_point> idleUntil() const { return m_idleUntil; }
    void idleFinished();

private:
    enum class TapPhase { None, Press, Release, Away };
    bool runStep(const ScenarioStep& step, const FrameRecord& record, const Metrics& metrics);
    // script_runner_services.cpp
    bool expectUnsettled(const ScenarioStep& step);
    bool scanSlip(const ScenarioStep& step);
    bool waitFor(bool condition, const ScenarioStep& step, const std::string& whatWeWaitedFor);
    void failStep(const ScenarioStep& step, const std::string& message);
    std::vector<std::string> layoutProblems(const FrameRecord& record, const Metrics& metrics) const;

    Scenario m_scenario;
    ScriptContext m_ctx;
    std::size_t m_index = 0;
    bool m_done = false;
    bool m_failed = false;
    int m_framesSinceAction = 0;
    std::optional<std::chrono::steady_clock::time_point> m_stepStarted;
    std::optional<std::chrono::steady_clock::time_point> m_idleUntil;
    std::optional<std::chrono::steady_clock::time_point> m_waitUntil;
    std::optional<std::uint64_t> m_recoveryRound;  ///< expect-unsettled: the round it waits to see finish.
    TapPhase m_tap = TapPhase::None;
    int m_taps = 0;  ///< Taps since the start or the last count-taps.
    ImVec2 m_tapAt{};
    /// Everything identifying a patient inserted so far, each with how a failure may name it: the runner's
    /// output is a log too, so a full name or ID number is reported by its masked form.
    std::map<std::string, std::string> m_patientStrings;
};

} // namespace kiosk::screens
