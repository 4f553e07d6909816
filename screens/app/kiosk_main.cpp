// The kiosk executable: a composition root. It builds the parts, hands each
// its dependencies, runs the frame loop and reports why it could not start.
#include <SDL.h>
#include <imgui.h>
#include <backends/imgui_impl_sdl.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/frame_loop.hpp"
#include "app/frame_stats.hpp"
#include "app/screenshot.hpp"
#include "audio/sdl_audio_sink.hpp"
#include "core/clock.hpp"
#include "core/event_queue.hpp"
#include "fonts/font_atlas.hpp"
#include "i18n/catalog.hpp"
#include "logging/log.hpp"
#include "script/script_runner.hpp"
#include "settings/assets_dir.hpp"
#include "settings/launch_options.hpp"
#include "settings/effective_settings.hpp"
#include "settings/startup_settings.hpp"
#include "maintenance/maintainer_mode.hpp"
#include "shell/shell.hpp"
#include "setup/kiosk_devices.hpp"
#include "setup/kiosk_services.hpp"
#include "speech/espeak_synthesizer.hpp"
#include "voice/voice_prompter.hpp"
#include "voice/wav_file_sink.hpp"

namespace {

using namespace kiosk;

int startupError(const std::string& message)
{
    logging::error("startup", message);
    return 2;
}

std::unique_ptr<AudioSink> makeAudioSink(const AudioTarget& target)
{
    switch (target.kind) {
    case AudioTarget::Kind::Null: return std::make_unique<NullAudioSink>();
    case AudioTarget::Kind::WavFile: return std::make_unique<WavFileSink>(target.path);
    case AudioTarget::Kind::Device: return std::make_unique<screens::SdlAudioSink>();
    }
    return std::make_unique<NullAudioSink>();
}

bool desktopPresent() { return std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY"); }

/// A scenario's patient pays the QR code on screen with their phone.
std::function<recovery::RecoveryStatus()> recoveryStatusOf(devices::KioskServices& services)
{
    if (!services.recovery()) return {};
    return [&services] { return services.recovery()->status(); };
}

std::function<void()> recoveryPokeOf(devices::KioskServices& services)
{
    if (!services.recovery()) return {};
    return [&services] { services.recovery()->poke(); };
}

Result<void> phonePays(devices::KioskServices& services, const std::string& orderNo, const std::string& channel)
{
    payment::SimulatedGateway* gateway = services.simulatedGateway();
    if (!gateway) return fail("no simulated payment channel in this run");
    payment::PayChannel c = channel == "wechat"     ? payment::PayChannel::WeChat
                            : channel == "alipay"   ? payment::PayChannel::Alipay
                            : channel == "unionpay" ? payment::PayChannel::UnionPay
                                                    : payment::PayChannel::Unknown;
    if (c == payment::PayChannel::Unknown) return fail("phone-pays takes wechat, alipay or unionpay");
    auto paid = gateway->simulatePhonePays(orderNo, c);
    if (!paid) return fail(paid.error().message);
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    screens::FrameStats stats;
    auto parsed = parseLaunchOptions(std::vector<std::string>(argv + 1, argv + argc), defaultAssetsDir(KIOSK_DEFAULT_ASSETS));
    if (!parsed) return startupError(parsed.error().message);
    LaunchOptions options = std::move(*parsed);
    logging::Log log;
    if (options.logFile)
        if (auto opened = log.openFile(*options.logFile); !opened) return startupError(opened.error().message);
    logging::ScopedInstall logInstalled(log);
    if (options.showHelp) {
        std::fputs(launchUsage().c_str(), stdout);
        return 0;
    }
    auto startup = loadStartupSettings(options);
    if (!startup) return startupError(startup.error().message);
    options.settings = startup->settings;
    logging::info("startup", std::string(options.scriptPath ? "scenario run" : options.demo ? "demo" : "kiosk") +
                                 " starting, kiosk id " + options.settings.kioskId + ", data in " + options.dataDir);
    bool scripted = options.scriptPath.has_value();
    if (scripted && options.audio.kind == AudioTarget::Kind::Device) options.audio.kind = AudioTarget::Kind::Null;

    std::optional<Scenario> scenario;
    if (scripted) {
        auto loaded = loadScenario(*options.scriptPath);
        if (!loaded) return startupError(loaded.error().message);
        scenario = std::move(*loaded);
    }
    auto catalogs = CatalogSet::load(options.assetsDir + "/i18n");
    if (!catalogs) return startupError(catalogs.error().message);
    auto fontFile = screens::FontFile::map(std::getenv("KIOSK_FONT") ? std::getenv("KIOSK_FONT")
                                                                     : screens::kDefaultCjkFont);
    if (!fontFile) return startupError(fontFile.error().message);

    if (scripted) setenv("SDL_VIDEODRIVER", "offscreen", 0);
    // On a desktop (X11, Wayland: the kiosk session runs under cage) and
    // headless, the software renderer needs no GPU, and without this hint SDL
    // loads Mesa to probe for acceleration: a quarter second and 90 MB. On the
    // bare console (KMS/DRM) there is no window surface without acceleration,
    // so there SDL chooses.
    bool softwareRendering = scripted || desktopPresent();
    if (softwareRendering) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    }
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    Uint32 subsystems = SDL_INIT_VIDEO | (options.audio.kind == AudioTarget::Kind::Device ? SDL_INIT_AUDIO : 0);
    if (SDL_Init(subsystems) != 0) return startupError(std::string("SDL could not start: ") + SDL_GetError());

    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    bool fullscreen = options.windowMode == WindowMode::Fullscreen ||
                      (options.windowMode == WindowMode::Auto && !desktopPresent());
    if (fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window* window = SDL_CreateWindow("Hospital kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          options.width, options.height, flags);
    if (!window) return startupError(std::string("cannot open a window: ") + SDL_GetError());
    SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, softwareRendering ? SDL_RENDERER_SOFTWARE : 0);
    if (!renderer) return startupError(std::string("cannot create a renderer: ") + SDL_GetError());

    EventQueue events;
    SystemClock systemClock;
    AdvanceableClock clock(systemClock);
    GlyphDemand glyphs;
    devices::EspeakSynthesizer synthesizer;
    std::unique_ptr<AudioSink> audio = makeAudioSink(options.audio);
    auto voice = std::make_unique<VoicePrompter>(synthesizer, *audio);
    // Simulators in demo and scenario runs, the real adapters otherwise.
    auto kioskDevices = devices::KioskDevices::create(events, options);
    if (!kioskDevices) return startupError(kioskDevices.error().message);
    devices::KioskDevices& hardware = **kioskDevices;
    // The hospital back end (the embedded demo hospital unless another is
    // configured), the payment channel and the worker the services run on.
    auto kioskServices = devices::KioskServices::create(options, clock);
    if (!kioskServices) return startupError(kioskServices.error().message);
    devices::KioskServices& services = **kioskServices;

    screens::BorrowedMemory borrowedFontMemory;
    borrowedFontMemory.install();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowBorderSize = 0;  // screens fill the display edge to edge
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    ImGui_ImplSDL2_InitForSDLRenderer(window);

    int exitCode = 0;
    {
        Shell shell(options.settings, *catalogs, clock, *voice, glyphs,
                    hardware.receiptPrinter()
                        ? services.parts(*hardware.receiptPrinter(), hardware.a4Printer(), events)
                        : std::nullopt);
        // A maintainer's change is read back the way start-up reads settings, so the config file still wins.
        SettingsStore& settingsStore = *startup->store;
        maintenance::MaintainerMode maintainer(
            settingsStore, clock,
            [&settingsStore, &options]() -> Result<KioskSettings> {
                EffectiveSettings effective = KIOSK_TRY(loadEffectiveSettings(settingsStore, options.configPath));
                return withCommandLine(std::move(effective.settings), options);
            },
            hardware.receiptPrinter());
        shell.attachMaintainer(maintainer);
        screens::FontAtlas fonts(std::move(*fontFile), borrowedFontMemory, *catalogs, glyphs);
        screens::FrameLoop loop({window, renderer, shell, events, *catalogs, fonts, clock,
                                 hardware.simulated(), hardware.monitor(), stats});
        std::unique_ptr<screens::ScriptRunner> runner;
        if (scenario)
            runner = std::make_unique<screens::ScriptRunner>(
                std::move(*scenario),
                screens::ScriptContext{shell, clock, events, glyphs, *catalogs, *hardware.simulated(),
                                       hardware.monitor(),
                                       [&services](const std::string& line) { return services.control(line); },
                                       [&services](const std::string& orderNo, const std::string& channel) {
                                           return phonePays(services, orderNo, channel);
                                       },
                                       stats,
                                       [renderer](const std::string& path) {
                                           return screens::saveScreenshot(renderer, path);
                                       },
                                       [&fonts](char32_t c) {
                                           ImFont* body = fonts.font(screens::FontRole::Body);
                                           return c <= 0xFFFF && body->FindGlyphNoFallback(static_cast<ImWchar>(c));
                                       },
                                       recoveryStatusOf(services), recoveryPokeOf(services)});
        exitCode = loop.run(runner.get());
        hardware.disableInput();
        if (scripted) voice->waitIdle();
    }
    if (options.statsPath && !stats.write(*options.statsPath))
        logging::warning("stats", "cannot write " + *options.statsPath);

    voice.reset();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return exitCode;
}
