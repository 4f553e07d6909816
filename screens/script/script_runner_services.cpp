// Scenario steps about the money side of the kiosk: waiting for recovery to
// settle what was left open, and a patient scanning the slip they were given.
#include <cstdio>

#include "script/script_runner.hpp"

namespace kiosk::screens {

bool ScriptRunner::expectUnsettled(const ScenarioStep& step)
{
    if (!m_ctx.recoveryStatus) {
        failStep(step, "no recovery in this run (no payment channel)");
        return false;
    }
    recovery::RecoveryStatus status = m_ctx.recoveryStatus();
    if (!m_recoveryRound) {
        // Only a round that begins after this step counts.
        m_recoveryRound = status.started + 1;
        m_ctx.pokeRecovery();
    }
    bool finished = status.rounds >= *m_recoveryRound;
    bool seen = finished && std::to_string(status.unfinished) == step.argument;
    if (finished && !seen) {
        m_recoveryRound = status.started + 1;
        m_ctx.pokeRecovery();
    }
    if (!waitFor(seen, step,
                 "a recovery round leaving " + step.argument + " unfinished (last: " +
                     std::to_string(status.unfinished) + ", " + status.lastProblem + ")"))
        return false;
    std::printf("%s:%d: recovery: %d unfinished, %d settled since start, %llu rounds\n",
                m_scenario.fileName.c_str(), step.line, status.unfinished, status.settledTotal,
                static_cast<unsigned long long>(status.rounds));
    m_recoveryRound.reset();
    m_framesSinceAction = 0;
    return true;
}

bool ScriptRunner::scanSlip(const ScenarioStep& step)
{
    // The slip the patient took from the printer: its first QR code, read by the kiosk's scanner.
    auto codes = m_ctx.devices.receiptDevice().lastReceiptCodes();
    if (!waitFor(!codes.empty(), step, "a printed slip with a QR code")) return false;
    if (auto ok = m_ctx.devices.scanner().scan(codes.front()); !ok) {
        failStep(step, ok.error().message);
        return false;
    }
    m_framesSinceAction = 0;  // an action: the next step waits for the screen to settle
    return true;
}

} // namespace kiosk::screens
