#pragma once
// The kiosk's command line, parsed without any SDL so that every mistake
// gets a message naming the option and what would be accepted.
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "settings/config_file.hpp"
#include "settings/kiosk_settings.hpp"

namespace kiosk {

enum class WindowMode { Auto, Fullscreen, Windowed };

struct AudioTarget {
    enum class Kind { Device, Null, WavFile } kind = Kind::Device;
    std::string path;  ///< For WavFile.
};

struct LaunchOptions {
    bool showHelp = false;
    bool demo = false;
    WindowMode windowMode = WindowMode::Auto;
    int width = 1920;
    int height = 1080;
    std::string assetsDir;
    std::optional<std::string> scriptPath;
    std::optional<std::string> statsPath;
    AudioTarget audio;
    /// Where the simulated printers put their receipts (PNG) and reports (PDF).
    std::string simulatorOutput = "/tmp/kiosk-sim";
    /// The scanner's device node: /dev/hidrawN (HID POS) or /dev/input/... (keyboard wedge);
    /// empty: the first HID POS scanner found.
    std::string scannerNode;
    /// The CUPS destination for reports; empty: none configured.
    std::string a4Destination;
    /// ESC/POS through this CUPS raw queue instead of a USB receipt printer.
    std::string receiptQueue;
    /// Where the kiosk keeps its databases; empty: /var/lib/kiosk, or simulatorOutput/data in demo and scenario runs.
    std::string dataDir;
    /// Take payments through the simulated channel outside demo mode (for trying a kiosk's hardware end to end).
    bool paymentSimulator = false;
    /// Diagnostics go to stderr always and to this file as well when given (see logging/log.hpp).
    std::optional<std::string> logFile;
    /// The fleet's config file read over settings.db at start; a missing file is fine.
    std::string configPath = kDefaultConfigPath;
    /// Only the fields below that `givenSettings` names override the stored settings and the config file.
    KioskSettings settings;
    /// The config keys the command line set explicitly ("kiosk.dpi", ...): these win over the file.
    std::vector<std::string> givenSettings;
};

/// `effective` (settings.db and the config file) with the settings the command line gave explicitly on top.
KioskSettings withCommandLine(KioskSettings effective, const LaunchOptions& options);

inline constexpr int kMinWindowWidth = 800;
inline constexpr int kMinWindowHeight = 600;
inline constexpr int kMaxWindowSide = 7680;

/// `defaultAssets` is used when --assets is not given.
Result<LaunchOptions> parseLaunchOptions(const std::vector<std::string>& args, const std::string& defaultAssets);
std::string launchUsage();

} // namespace kiosk
