#include "app/frame_loop.hpp"

#include <imgui.h>
#include <backends/imgui_impl_sdl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "logging/log.hpp"
#include "metrics.hpp"
#include "screen_router.hpp"
#include "script/script_runner.hpp"
#include "theme.hpp"

namespace kiosk::screens {

namespace {
// The countdown bar moves smoothly at this rate; nothing else animates.
constexpr int kAnimationFrameMs = 33;
// Frames to draw after input so ImGui settles press, release and hover.
constexpr int kFramesAfterInput = 3;

/// What `systemctl status kiosk` shows: the screen, and whether a patient is being served.
std::string serviceStatus(const Shell& shell)
{
    std::string text = shell.session() ? "serving a patient: " : "waiting: ";
    text += screenName(shell.screen());
    text += " screen";
    return text;
}
} // namespace

FrameLoop::FrameLoop(FrameLoopParts parts) : m_parts(parts), m_renderer(parts.renderer)
{
    m_wakeEvent = SDL_RegisterEvents(1);
    // Offscreen and dummy have no input and no way to wake SDL's wait, which
    // would poll every millisecond; every other driver waits properly.
    const char* driver = SDL_GetCurrentVideoDriver();
    m_sdlCanWait = !driver || (std::strcmp(driver, "offscreen") != 0 && std::strcmp(driver, "dummy") != 0);
    m_parts.events.setWaker([this] { wake(); });
    // Only the software renderer keeps the previous frame's pixels for sure;
    // with a GPU the back buffer is undefined after present.
    SDL_RendererInfo info{};
    m_canRedrawPart = SDL_GetRendererInfo(m_parts.renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
}

FrameLoop::~FrameLoop() { m_parts.events.setWaker(nullptr); }

void FrameLoop::wake()
{
    SDL_Event e{};
    e.type = m_wakeEvent;
    SDL_PushEvent(&e);
    {
        std::lock_guard lock(m_wakeMutex);
        m_woken = true;
    }
    m_wakeCv.notify_all();
}

int FrameLoop::msUntilNextFrame() const
{
    if (m_pendingFrames > 0) return 0;
    auto now = std::chrono::steady_clock::now();
    if (m_parts.shell.overlay() == Overlay::TimeoutWarning) {
        auto since = std::chrono::duration_cast<std::chrono::milliseconds>(now - m_lastFrame).count();
        return static_cast<int>(std::max<long long>(0, kAnimationFrameMs - since));
    }
    // The clock on screen shows minutes: wake at the next minute boundary.
    auto wall = m_parts.clock.wallNow().time_since_epoch();
    auto intoMinute = std::chrono::duration_cast<std::chrono::milliseconds>(wall) % std::chrono::minutes(1);
    long long ms = (std::chrono::minutes(1) - intoMinute).count() + 5;
    if (auto deadline = m_parts.shell.nextDeadline()) {
        auto until = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - m_parts.clock.now()).count();
        ms = std::min(ms, std::max<long long>(0, until + 1));
    }
    return static_cast<int>(ms);
}

void FrameLoop::waitForWork(int timeoutMs, bool frameDue)
{
    if (timeoutMs <= 0) return;
    if (m_sdlCanWait) {
        SDL_Event event;
        if (SDL_WaitEventTimeout(&event, timeoutMs)) handleSdlEvent(event, m_scripted);
        else if (frameDue) m_pendingFrames = std::max(m_pendingFrames, 1);  // a timer is due
        return;
    }
    // Capped so that a quit request (SIGTERM becomes SDL_QUIT) is seen soon;
    // a wake-up that finds nothing to do costs a poll and no frame.
    constexpr int kQuitCheckMs = 250;
    std::unique_lock lock(m_wakeMutex);
    bool woken = m_wakeCv.wait_for(lock, std::chrono::milliseconds(std::min(timeoutMs, kQuitCheckMs)),
                                   [&] { return m_woken; });
    m_woken = false;
    if (!woken && frameDue && timeoutMs <= kQuitCheckMs) m_pendingFrames = std::max(m_pendingFrames, 1);
}

void FrameLoop::handleSdlEvent(const SDL_Event& event, bool scripted)
{
    m_fullRedraw = true;
    if (event.type == m_wakeEvent) {
        m_pendingFrames = std::max(m_pendingFrames, 2);
        return;
    }
    switch (event.type) {
    case SDL_QUIT:
        m_quit = true;
        return;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_FINGERDOWN:
    case SDL_KEYDOWN:
        if (!scripted) m_parts.shell.apply(intent::Touch{});
        break;
    case SDL_WINDOWEVENT:
        break;
    default:
        break;
    }
    if (event.type == SDL_KEYDOWN && m_parts.demo && !scripted) handleDemoKey(event.key.keysym);
    if (!scripted) ImGui_ImplSDL2_ProcessEvent(&event);
    m_pendingFrames = std::max(m_pendingFrames, kFramesAfterInput);
}

void FrameLoop::handleDemoKey(const SDL_Keysym& keysym)
{
    // F1–F8 place a sample card, F9 makes the next read fail, F12 takes the card away; F10 and F11 step the
    // receipt and A4 printers through their faults; Shift+F10 / Shift+F11 unplug or replug the reader / scanner.
    devices::SimulatedDevices& demo = *m_parts.demo;
    SDL_Keycode key = keysym.sym;
    bool shift = (keysym.mod & KMOD_SHIFT) != 0;
    std::string done;
    if (key >= SDLK_F1 && key <= SDLK_F8) (void)demo.reader().insertIndex(static_cast<std::size_t>(key - SDLK_F1));
    else if (key == SDLK_F9) demo.reader().failNextRead();
    else if (key == SDLK_F12) demo.reader().remove();
    else if (key == SDLK_F10) done = shift ? demo.toggleReader() : demo.cycleReceiptPrinter();
    else if (key == SDLK_F11) done = shift ? demo.toggleScanner() : demo.cycleA4Printer();
    if (done.empty()) return;
    logging::info("demo", done);
    m_parts.monitor.poke();
}

int FrameLoop::run(ScriptRunner* script)
{
    m_scripted = script != nullptr;
    while (!m_quit) {
        bool idling = script && script->idleUntil();
        int timeout = msUntilNextFrame();
        if (script && !idling) {
            // A scenario keeps frames coming, pausing briefly for workers.
            timeout = std::min(timeout, 5);
        } else if (idling) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*script->idleUntil() -
                                                                               std::chrono::steady_clock::now());
            timeout = std::min<int>(timeout, static_cast<int>(std::max<long long>(0, left.count())));
        }
        if (timeout <= 0) m_pendingFrames = std::max(m_pendingFrames, 1);  // a frame is due now
        // The watchdog's next ping may come before the next frame: the loop
        // then turns once without drawing.
        int wait = timeout;
        if (auto ping = m_notifier.untilNextPing(std::chrono::steady_clock::now()))
            wait = static_cast<int>(std::min<long long>(wait, ping->count()));
        waitForWork(wait, wait >= timeout);
        SDL_Event event;
        while (SDL_PollEvent(&event)) handleSdlEvent(event, script != nullptr);
        m_notifier.loopTurned(std::chrono::steady_clock::now());

        if (idling && std::chrono::steady_clock::now() >= *script->idleUntil()) {
            script->idleFinished();
            m_pendingFrames = std::max(m_pendingFrames, 1);
        }
        if (!m_parts.events.empty()) {
            m_pendingFrames = std::max(m_pendingFrames, 2);
            m_fullRedraw = true;
        }
        if (script && !idling) m_fullRedraw = true;  // scenarios inject input every frame
        if (m_pendingFrames == 0 && script && !idling) m_pendingFrames = 1;
        if (m_pendingFrames == 0) continue;
        renderFrame(script);
        if (script && script->done()) return script->exitCode();
    }
    return 0;
}

void FrameLoop::renderFrame(ScriptRunner* script)
{
    double cpuStart = FrameStats::threadCpuMs();
    m_pendingFrames = std::max(0, m_pendingFrames - 1);
    m_lastFrame = std::chrono::steady_clock::now();

    // Worker results and timers first, so that new text (a name from a card)
    // reaches the glyph atlas before anything draws it.
    for (Event& e : m_parts.events.drain()) m_parts.shell.handle(e);
    m_parts.shell.tick();

    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(m_parts.renderer, &w, &h);
    const DisplayPrefs& prefs = m_parts.shell.prefs();
    Metrics metrics = Metrics::compute(static_cast<float>(w), static_cast<float>(h),
                                       m_parts.shell.settings().screenDpi, prefs.elderMode);
    if (m_parts.fonts.update(prefs.language, metrics)) {
        m_fullRedraw = true;
        m_renderer.uploadFontAtlas();
        const AtlasStats& a = m_parts.fonts.stats();
        m_parts.stats.setAtlas(a.width, a.height, a.glyphs, a.lastBuildMs);
    }

    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplSDL2_NewFrame();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    if (script) script->injectInput(io);
    ImGui::NewFrame();

    m_record.clear();
    const Theme& theme = prefs.elderMode ? Theme::elder() : Theme::normal();
    Ui ui(m_parts.shell, m_parts.catalogs, m_parts.fonts, metrics, theme, m_record, m_parts.clock.wallNow());
    std::vector<Intent> intents = drawFrame(ui);
    ImGui::Render();

    // No SDL_RenderClear: every frame starts with an opaque full-screen fill.
    // A frame caused only by time passing redraws just the animated region;
    // the software renderer keeps the rest of the previous frame.
    std::uint64_t revisionBefore = m_parts.shell.revision();
    std::optional<SDL_Rect> region;
    if (auto r = ui.animatedRegion()) {
        int x0 = static_cast<int>(std::floor(r->x));
        int y0 = static_cast<int>(std::floor(r->y));
        region = SDL_Rect{x0, y0, static_cast<int>(std::ceil(r->right())) - x0, static_cast<int>(std::ceil(r->bottom())) - y0};
    }
    bool partial = m_canRedrawPart && !m_fullRedraw && m_animatedRegion && region &&
                   revisionBefore == m_lastRevision;
    SDL_Rect damage{};
    if (partial) SDL_UnionRect(&*m_animatedRegion, &*region, &damage);  // what was there and what is there now
    m_renderer.render(ImGui::GetDrawData(), partial ? &damage : nullptr);
    m_animatedRegion = region;
    m_fullRedraw = false;
    if (script) script->afterFrame(m_record, metrics);
    bool countdown = m_parts.shell.overlay() == Overlay::TimeoutWarning;
    SDL_RenderPresent(m_parts.renderer);
    m_parts.stats.firstFramePresented();
    m_notifier.firstFramePresented();
    m_notifier.status(serviceStatus(m_parts.shell));
    m_parts.stats.countFrame();
    if (countdown) m_parts.stats.addCountdownFrame(FrameStats::threadCpuMs() - cpuStart);

    for (const Intent& i : intents) m_parts.shell.apply(i);
    if (m_parts.shell.revision() != m_lastRevision) {
        m_lastRevision = m_parts.shell.revision();
        m_pendingFrames = std::max(m_pendingFrames, 2);
        m_fullRedraw = true;
    }
}

} // namespace kiosk::screens
