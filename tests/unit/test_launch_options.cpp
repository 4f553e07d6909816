#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "settings/launch_options.hpp"

using namespace kiosk;

namespace {

LaunchOptions parseOk(const std::vector<std::string>& args)
{
    auto result = parseLaunchOptions(args, "/default/assets");
    if (!result) FAIL(result.error().message);
    return *result;
}

std::string parseError(const std::vector<std::string>& args)
{
    auto result = parseLaunchOptions(args, "/default/assets");
    REQUIRE_FALSE(result.has_value());
    return result.error().message;
}

} // namespace

TEST_SUITE("launch_options")
{
    TEST_CASE("no arguments gives the defaults")
    {
        LaunchOptions o = parseOk({});
        CHECK_FALSE(o.showHelp);
        CHECK_FALSE(o.demo);
        CHECK(o.windowMode == WindowMode::Auto);
        CHECK(o.assetsDir == "/default/assets");
        CHECK(o.audio.kind == AudioTarget::Kind::Device);
        CHECK(o.settings.defaultLanguage == Language::ZhCN);
        CHECK(o.settings.warningDuration == std::chrono::seconds(30));
        CHECK_FALSE(o.scriptPath.has_value());
    }

    TEST_CASE("--windowed takes portrait and landscape sizes")
    {
        LaunchOptions portrait = parseOk({"--windowed", "1080x1920"});
        CHECK(portrait.windowMode == WindowMode::Windowed);
        CHECK(portrait.width == 1080);
        CHECK(portrait.height == 1920);
        LaunchOptions landscape = parseOk({"--windowed", "1920x1080"});
        CHECK(landscape.width == 1920);
        CHECK(landscape.height == 1080);
        LaunchOptions smallest = parseOk({"--windowed", "800x600"});
        CHECK(smallest.width == 800);
    }

    TEST_CASE("bad --windowed sizes are rejected naming the option and the value")
    {
        for (const char* bad : {"100x100", "abc", "1920x", "x1080", "1920x1080x", "1920*1080", "-1920x1080",
                                "1920X1080", "799x600", "800x599", "7681x1080", " 1920x1080", ""}) {
            INFO("--windowed '", bad, "'");
            std::string e = parseError({"--windowed", bad});
            CHECK(e.find("unsupported --windowed size") != std::string::npos);
            CHECK(e.find(std::string("'") + bad + "'") != std::string::npos);
        }
        CHECK(parseError({"--windowed", "100x100"}).find("at least 800x600") != std::string::npos);
    }

    TEST_CASE("an option without its value says so")
    {
        CHECK(parseError({"--windowed"}).find("--windowed needs a value") != std::string::npos);
        CHECK(parseError({"--demo", "--audio"}).find("--audio needs a value") != std::string::npos);
    }

    TEST_CASE("--warning below 20 seconds is rejected and 20 is accepted")
    {
        std::string e = parseError({"--warning", "10"});
        CHECK(e.find("--warning") != std::string::npos);
        CHECK(e.find("20") != std::string::npos);
        CHECK(parseOk({"--warning", "20"}).settings.warningDuration == std::chrono::seconds(20));
        CHECK(parseError({"--warning", "twenty"}).find("whole number") != std::string::npos);
        CHECK(parseError({"--warning", "30s"}).find("whole number") != std::string::npos);
    }

    TEST_CASE("--idle-timeout and --dpi and --kiosk-id")
    {
        LaunchOptions o = parseOk({"--idle-timeout", "90", "--dpi", "160", "--kiosk-id", "K-042"});
        CHECK(o.settings.idleTimeout == std::chrono::seconds(90));
        CHECK(o.settings.screenDpi == doctest::Approx(160.0));
        CHECK(o.settings.kioskId == "K-042");
        CHECK(parseError({"--idle-timeout", "5"}).find("--idle-timeout") != std::string::npos);
        CHECK(parseError({"--dpi", "10000"}).find("--dpi") != std::string::npos);
    }

    TEST_CASE("an unknown option is named")
    {
        std::string e = parseError({"--demo", "--fullscren"});
        CHECK(e.find("unknown option '--fullscren'") != std::string::npos);
        CHECK(parseError({"demo"}).find("'demo'") != std::string::npos);
    }

    TEST_CASE("--audio takes device or null or wav:FILE")
    {
        LaunchOptions wav = parseOk({"--audio", "wav:/tmp/out.wav"});
        CHECK(wav.audio.kind == AudioTarget::Kind::WavFile);
        CHECK(wav.audio.path == "/tmp/out.wav");
        CHECK(parseOk({"--audio", "null"}).audio.kind == AudioTarget::Kind::Null);
        CHECK(parseOk({"--audio", "wav:x.wav", "--audio", "device"}).audio.kind == AudioTarget::Kind::Device);
        CHECK(parseError({"--audio", "wav:"}).find("--audio") != std::string::npos);
        CHECK(parseError({"--audio", "speaker"}).find("'speaker'") != std::string::npos);
    }

    TEST_CASE("--language takes a catalog tag")
    {
        CHECK(parseOk({"--language", "en"}).settings.defaultLanguage == Language::En);
        CHECK(parseOk({"--language", "zh-TW"}).settings.defaultLanguage == Language::ZhTW);
        std::string e = parseError({"--language", "fr"});
        CHECK(e.find("--language") != std::string::npos);
        CHECK(e.find("'fr'") != std::string::npos);
    }

    TEST_CASE("flags and paths and a script implying a window")
    {
        LaunchOptions o = parseOk({"--demo", "--assets", "/opt/kiosk/assets", "--script", "a.scenario", "--stats",
                                   "stats.json", "--help"});
        CHECK(o.demo);
        CHECK(o.showHelp);
        CHECK(o.assetsDir == "/opt/kiosk/assets");
        CHECK(o.scriptPath == "a.scenario");
        CHECK(o.statsPath == "stats.json");
        CHECK(o.windowMode == WindowMode::Windowed);
        CHECK(parseOk({"--script", "a.scenario", "--fullscreen"}).windowMode == WindowMode::Fullscreen);
        CHECK(parseOk({"-h"}).showHelp);
        CHECK(launchUsage().find("--windowed") != std::string::npos);
    }

    TEST_CASE("a log file is optional and needs a name when given")
    {
        CHECK_FALSE(parseOk({}).logFile.has_value());
        CHECK(parseOk({"--log-file", "/var/log/kiosk/kiosk.log"}).logFile == "/var/log/kiosk/kiosk.log");
        CHECK(parseError({"--log-file"}).find("--log-file needs a value") != std::string::npos);
        CHECK(parseError({"--log-file", ""}).find("--log-file") != std::string::npos);
        CHECK(launchUsage().find("--log-file") != std::string::npos);
    }
}

TEST_CASE("--config names the config file; /etc/kiosk/kiosk.conf without it")
{
    CHECK(parseOk({}).configPath == "/etc/kiosk/kiosk.conf");
    CHECK(parseOk({"--config", "/tmp/k.conf"}).configPath == "/tmp/k.conf");
    CHECK(parseError({"--config"}).find("--config needs a value") != std::string::npos);
}

TEST_CASE("only the settings given on the command line win over the stored ones and the file")
{
    KioskSettings fromFile;
    fromFile.kioskId = "K-FILE";
    fromFile.idleTimeout = std::chrono::seconds(90);
    fromFile.screenDpi = 160;
    fromFile.hospitalName = "测试医院";
    fromFile.languages = {Language::ZhCN};

    KioskSettings untouched = withCommandLine(fromFile, parseOk({"--windowed", "1920x1080"}));
    CHECK(untouched == fromFile);

    KioskSettings merged =
        withCommandLine(fromFile, parseOk({"--kiosk-id", "K-CLI", "--language", "en", "--warning", "45"}));
    CHECK(merged.kioskId == "K-CLI");
    CHECK(merged.defaultLanguage == Language::En);
    CHECK(merged.warningDuration == std::chrono::seconds(45));
    CHECK(merged.idleTimeout == std::chrono::seconds(90));
    CHECK(merged.screenDpi == 160);
    CHECK(merged.hospitalName == "测试医院");
    // The language asked for is offered even though the file's list left it out.
    CHECK(merged.languages == std::vector<Language>{Language::ZhCN, Language::En});
}
