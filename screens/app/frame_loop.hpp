#pragma once
// The SDL frame loop. It sleeps until something happens: input, an event
// from a worker, a timer the shell asked for, the clock's next minute, or
// the countdown's next animation step. It never touches a device, the
// database or the network; results arrive through the EventQueue.
#include <SDL.h>

#include <condition_variable>
#include <mutex>
#include <optional>

#include "app/frame_stats.hpp"
#include "app/service_notifier.hpp"
#include "core/clock.hpp"
#include "core/event_queue.hpp"
#include "fonts/font_atlas.hpp"
#include "render/sdl_imgui_renderer.hpp"
#include "shell/shell.hpp"
#include "device/device_monitor.hpp"
#include "sim/simulated_devices.hpp"
#include "widgets/frame_record.hpp"

namespace kiosk::screens {

class ScriptRunner;

struct FrameLoopParts {
    SDL_Window* window;
    SDL_Renderer* renderer;
    Shell& shell;
    EventQueue& events;
    const CatalogSet& catalogs;
    FontAtlas& fonts;
    const Clock& clock;
    devices::SimulatedDevices* demo;  ///< Demo hotkeys insert cards and break devices; null with real devices.
    DeviceMonitor& monitor;
    FrameStats& stats;
};

class FrameLoop {
public:
    explicit FrameLoop(FrameLoopParts parts);
    ~FrameLoop();
    /// Runs until the window closes or the script ends; returns the exit code.
    int run(ScriptRunner* script);

private:
    void handleSdlEvent(const SDL_Event& event, bool scripted);
    void handleDemoKey(const SDL_Keysym& keysym);
    void renderFrame(ScriptRunner* script);
    /// `frameDue`: whether a frame is due when the wait times out (it is not
    /// when the loop only wakes to ping the watchdog).
    void waitForWork(int timeoutMs, bool frameDue);
    int msUntilNextFrame() const;
    void wake();

    FrameLoopParts m_parts;
    SdlImguiRenderer m_renderer;
    FrameRecord m_record;
    /// systemd's readiness, status and watchdog, from the environment it started the kiosk with.
    ServiceNotifier m_notifier = ServiceNotifier::fromEnvironment();
    Uint32 m_wakeEvent = 0;
    /// SDL waits efficiently only on desktop drivers; elsewhere (offscreen,
    /// dummy) it polls every millisecond, so the loop waits on this instead.
    bool m_sdlCanWait = false;
    std::mutex m_wakeMutex;
    std::condition_variable m_wakeCv;
    bool m_woken = false;
    int m_pendingFrames = 2;
    /// False while only time has passed since a frame that declared an
    /// animated region: then just that region is redrawn.
    bool m_fullRedraw = true;
    bool m_canRedrawPart = false;
    std::optional<SDL_Rect> m_animatedRegion;
    bool m_quit = false;
    bool m_scripted = false;  ///< Input comes from the scenario; real input is ignored.
    std::uint64_t m_lastRevision = 0;
    std::chrono::steady_clock::time_point m_lastFrame{};
};

} // namespace kiosk::screens
