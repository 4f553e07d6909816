#include "settings/launch_options.hpp"

#include <algorithm>
#include <charconv>

namespace kiosk {

namespace {

Result<int> parseInt(const std::string& option, const std::string& value, int min, int max)
{
    int out = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc{} || ptr != value.data() + value.size())
        return fail(option + " needs a whole number, got '" + value + "'");
    if (out < min || out > max)
        return fail(option + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                    value);
    return out;
}

Result<std::pair<int, int>> parseSize(const std::string& value)
{
    std::size_t x = value.find('x');
    auto bad = [&](const std::string& why) {
        return fail("unsupported --windowed size '" + value + "': " + why +
                    " (use WIDTHxHEIGHT, for example 1920x1080 or 1080x1920)");
    };
    if (x == std::string::npos) return bad("no 'x' between width and height");
    int w = 0;
    int h = 0;
    auto r1 = std::from_chars(value.data(), value.data() + x, w);
    auto r2 = std::from_chars(value.data() + x + 1, value.data() + value.size(), h);
    if (r1.ec != std::errc{} || r1.ptr != value.data() + x || r2.ec != std::errc{} ||
        r2.ptr != value.data() + value.size())
        return bad("width and height must be whole numbers");
    if (w < kMinWindowWidth || h < kMinWindowHeight)
        return bad("the screens need at least " + std::to_string(kMinWindowWidth) + "x" +
                   std::to_string(kMinWindowHeight));
    if (w > kMaxWindowSide || h > kMaxWindowSide)
        return bad("a side longer than " + std::to_string(kMaxWindowSide) + " pixels is not supported");
    return std::pair{w, h};
}

} // namespace

std::string launchUsage()
{
    return "usage: kiosk [options]\n"
           "  --demo                 simulated devices and the embedded demo hospital\n"
           "  --fullscreen           fill the screen (the default when no desktop is present)\n"
           "  --windowed WxH         a window of that size, e.g. 1920x1080 or 1080x1920\n"
           "  --assets DIR           folder with i18n/, demo/ (default: ../share/kiosk/assets from the binary\n"
           "                         when installed, else the source tree's assets/)\n"
           "  --script FILE          run a UI scenario headless and exit (see README)\n"
           "  --stats FILE           write start-up, frame and memory figures at exit\n"
           "  --audio device|null|wav:FILE   where voice prompts go (default: the sound card)\n"
           "  --language zh-CN|zh-TW|en      default language\n"
           "  --dpi N                physical pixels per inch of the panel (default 96)\n"
           "  --idle-timeout SECONDS inactivity before the countdown (default 60)\n"
           "  --warning SECONDS      countdown length, at least 20 (default 30)\n"
           "  --kiosk-id ID          this terminal's id, printed on help notices\n"
           "  --config FILE          settings over the stored ones (default /etc/kiosk/kiosk.conf; may be absent)\n"
           "  --sim-output DIR       where simulated printers keep receipts and reports (default /tmp/kiosk-sim)\n"
           "  --scanner NODE         /dev/hidrawN (HID POS) or /dev/input/... (keyboard wedge; default: find HID POS)\n"
           "  --a4-printer DEST      CUPS destination for reports (default: none)\n"
           "  --receipt-queue DEST   CUPS raw queue for the receipt printer instead of USB\n"
           "  --data-dir DIR         databases (default /var/lib/kiosk; demo: the --sim-output folder)\n"
           "  --payment-simulator    take payments through the simulated channel (no real money)\n"
           "  --log-file FILE        append diagnostics to FILE as well as stderr (default: stderr only)\n"
           "  --help                 this text\n";
}

Result<LaunchOptions> parseLaunchOptions(const std::vector<std::string>& args, const std::string& defaultAssets)
{
    LaunchOptions o;
    o.assetsDir = defaultAssets;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> Result<std::string> {
            if (i + 1 >= args.size()) return fail(a + " needs a value (see kiosk --help)");
            return args[++i];
        };
        if (a == "--help" || a == "-h") {
            o.showHelp = true;
        } else if (a == "--demo") {
            o.demo = true;
        } else if (a == "--fullscreen") {
            o.windowMode = WindowMode::Fullscreen;
        } else if (a == "--windowed") {
            auto size = parseSize(KIOSK_TRY(value()));
            if (!size) return std::unexpected(size.error());
            o.windowMode = WindowMode::Windowed;
            o.width = size->first;
            o.height = size->second;
        } else if (a == "--assets") {
            o.assetsDir = KIOSK_TRY(value());
        } else if (a == "--script") {
            o.scriptPath = KIOSK_TRY(value());
        } else if (a == "--stats") {
            o.statsPath = KIOSK_TRY(value());
        } else if (a == "--audio") {
            std::string v = KIOSK_TRY(value());
            if (v == "device") o.audio.kind = AudioTarget::Kind::Device;
            else if (v == "null") o.audio.kind = AudioTarget::Kind::Null;
            else if (v.starts_with("wav:") && v.size() > 4) o.audio = {AudioTarget::Kind::WavFile, v.substr(4)};
            else return fail("--audio takes device, null or wav:FILE, got '" + v + "'");
        } else if (a == "--language") {
            std::string v = KIOSK_TRY(value());
            auto l = languageFromTag(v);
            if (!l) return fail("--language takes zh-CN, zh-TW or en, got '" + v + "'");
            o.settings.defaultLanguage = *l;
            o.givenSettings.push_back("kiosk.default_language");
        } else if (a == "--dpi") {
            o.settings.screenDpi = static_cast<float>(KIOSK_TRY(parseInt(a, KIOSK_TRY(value()), 50, 600)));
            o.givenSettings.push_back("kiosk.dpi");
        } else if (a == "--idle-timeout") {
            o.settings.idleTimeout = std::chrono::seconds(KIOSK_TRY(parseInt(a, KIOSK_TRY(value()), 10, 3600)));
            o.givenSettings.push_back("timeouts.idle_seconds");
        } else if (a == "--warning") {
            o.settings.warningDuration = std::chrono::seconds(
                KIOSK_TRY(parseInt(a, KIOSK_TRY(value()), static_cast<int>(kMinimumWarning.count()), 600)));
            o.givenSettings.push_back("timeouts.warning_seconds");
        } else if (a == "--kiosk-id") {
            o.settings.kioskId = KIOSK_TRY(value());
            o.givenSettings.push_back("kiosk.id");
        } else if (a == "--config") {
            o.configPath = KIOSK_TRY(value());
        } else if (a == "--sim-output") {
            o.simulatorOutput = KIOSK_TRY(value());
        } else if (a == "--scanner") {
            o.scannerNode = KIOSK_TRY(value());
            if (!o.scannerNode.starts_with("/dev/hidraw") && !o.scannerNode.starts_with("/dev/input/"))
                return fail("--scanner takes /dev/hidrawN or a /dev/input/ node, got '" + o.scannerNode + "'");
        } else if (a == "--a4-printer") {
            o.a4Destination = KIOSK_TRY(value());
        } else if (a == "--receipt-queue") {
            o.receiptQueue = KIOSK_TRY(value());
        } else if (a == "--data-dir") {
            o.dataDir = KIOSK_TRY(value());
        } else if (a == "--log-file") {
            o.logFile = KIOSK_TRY(value());
            if (o.logFile->empty()) return fail("--log-file needs a file name");
        } else if (a == "--payment-simulator") {
            o.paymentSimulator = true;
        } else {
            return fail("unknown option '" + a + "' (see kiosk --help)");
        }
    }
    if (o.scriptPath && o.windowMode == WindowMode::Auto) o.windowMode = WindowMode::Windowed;
    if (o.dataDir.empty()) o.dataDir = o.demo || o.scriptPath ? o.simulatorOutput + "/data" : "/var/lib/kiosk";
    return o;
}

KioskSettings withCommandLine(KioskSettings effective, const LaunchOptions& options)
{
    const KioskSettings& given = options.settings;
    for (const std::string& key : options.givenSettings) {
        if (key == "kiosk.default_language") effective.defaultLanguage = given.defaultLanguage;
        else if (key == "kiosk.dpi") effective.screenDpi = given.screenDpi;
        else if (key == "timeouts.idle_seconds") effective.idleTimeout = given.idleTimeout;
        else if (key == "timeouts.warning_seconds") effective.warningDuration = given.warningDuration;
        else if (key == "kiosk.id") effective.kioskId = given.kioskId;
    }
    // A language asked for on the command line is offered even if the stored list leaves it out.
    if (std::find(effective.languages.begin(), effective.languages.end(), effective.defaultLanguage) ==
        effective.languages.end())
        effective.languages.push_back(effective.defaultLanguage);
    // Set on the command line only: never stored, never in the file.
    effective.elderAge = given.elderAge;
    effective.defaultVolume = given.defaultVolume;
    return effective;
}

} // namespace kiosk
