#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "logging/log.hpp"
#include "logging/redaction.hpp"

using kiosk::logging::Level;
using kiosk::logging::Log;
using kiosk::logging::redactPersonalData;

namespace {

std::string readStream(std::FILE* f)
{
    std::fflush(f);
    std::rewind(f);
    std::string out;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
    return out;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_SUITE("logging")
{
    TEST_CASE("ID numbers are masked, with a digit or an X at the end, and the old 15-digit ones too")
    {
        CHECK(redactPersonalData("card 440106198503121234 read") == "card 4401**********1234 read");
        CHECK(redactPersonalData("id=11010519491231002X;") == "id=1101**********002X;");
        CHECK(redactPersonalData("id=11010519491231002x") == "id=1101**********002x");
        CHECK(redactPersonalData("old 440106850312123") == "old 4401*******2123");
    }

    TEST_CASE("mobile numbers are masked however they are written")
    {
        CHECK(redactPersonalData("phone 18643086363") == "phone 186****6363");
        CHECK(redactPersonalData("+8613811331965.") == "+86138****1965.");
        CHECK(redactPersonalData("tel 138 1133 1965 ok") == "tel 138****1965 ok");
        CHECK(redactPersonalData("tel 138-1133-1965") == "tel 138****1965");
    }

    TEST_CASE("payment codes of every network and bank card numbers are masked")
    {
        CHECK(redactPersonalData("wechat 134567890123456789") == "wechat 1345**********6789");
        CHECK(redactPersonalData("alipay 2812345678901234") == "alipay 2812********1234");
        CHECK(redactPersonalData("unionpay 6212345678901234567") == "unionpay 6212***********4567");
        std::string face = "fp" + std::string(33, 'A');
        CHECK(redactPersonalData("face " + face + " end") == "face fpAA***************************AAAA end");
        // A Luhn-valid Visa test number, together and in groups of four.
        CHECK(redactPersonalData("card 4111111111111111") == "card 4111********1111");
        CHECK(redactPersonalData("card 4111 1111 1111 1111!") == "card 4111********1111!");
    }

    TEST_CASE("order, transaction, slip and report numbers stay readable")
    {
        for (std::string kept : {"order K01-20250301093000-1 paid", "transaction 4200001234202503010000000001",
                                 "transaction 202503012200100000000000000001", "slip HK1:R:K01-0001:1A2B",
                                 "report 310001023760", "took 12345 ms", "at 2025-03-01 09:30",
                                 // 16 digits that are no payment code and fail the Luhn check
                                 "ref 4111111111111112", "patient P00100001", "18 digits 999999999999999999"})
            CHECK(redactPersonalData(kept) == kept);
    }

    TEST_CASE("the text around a match is kept byte for byte, Chinese included")
    {
        CHECK(redactPersonalData("读卡成功：440106198503121234，请稍候") == "读卡成功：4401**********1234，请稍候");
        CHECK(redactPersonalData("") == "");
    }

    TEST_CASE("a line carries the time in UTC, the level and the component, and cannot be split")
    {
        auto at = std::chrono::system_clock::time_point(std::chrono::seconds(1740792600)) +
                  std::chrono::milliseconds(42);
        std::string line = kiosk::logging::formatLine(at, Level::Warning, "scanner", "gone\nINFO fake line");
        CHECK(line == "2025-03-01T01:30:00.042Z WARN  [scanner] gone\\x0AINFO fake line");
    }

    TEST_CASE("the log writes redacted lines to its console and its file, and skips levels below its minimum")
    {
        std::FILE* console = std::tmpfile();
        REQUIRE(console);
        auto path = std::filesystem::temp_directory_path() / ("kiosk-log-test-" + std::to_string(::getpid()) + ".log");
        std::filesystem::remove(path);
        {
            Log log(Level::Info, console);
            REQUIRE(log.openFile(path.string()));
            log.write(Level::Debug, "test", "not shown");
            log.write(Level::Info, "test", "scanned 134567890123456789");
            kiosk::logging::install(&log);
            kiosk::logging::error("startup", "phone 18643086363 given");
            kiosk::logging::uninstall();
        }
        std::string written = readStream(console);
        std::fclose(console);
        CHECK(written == readFile(path));
        CHECK(written.find("not shown") == std::string::npos);
        CHECK(written.find("INFO  [test] scanned 1345**********6789\n") != std::string::npos);
        CHECK(written.find("ERROR [startup] phone 186****6363 given\n") != std::string::npos);
        CHECK(written.find("134567890123456789") == std::string::npos);
        CHECK(written.find("18643086363") == std::string::npos);
        std::filesystem::remove(path);
    }

    TEST_CASE("a log file that cannot be opened is an error naming it")
    {
        Log log(Level::Info, nullptr);
        auto opened = log.openFile("/nonexistent-dir/kiosk.log");
        REQUIRE_FALSE(opened);
        CHECK(opened.error().message.find("/nonexistent-dir/kiosk.log") != std::string::npos);
    }

    TEST_CASE("lines from several threads are written whole")
    {
        std::FILE* console = std::tmpfile();
        REQUIRE(console);
        {
            Log log(Level::Info, console);
            std::vector<std::thread> threads;
            for (int t = 0; t < 4; ++t)
                threads.emplace_back([&log, t] {
                    for (int i = 0; i < 200; ++i) log.write(Level::Info, "t" + std::to_string(t), std::string(100, 'x'));
                });
            for (auto& thread : threads) thread.join();
        }
        std::istringstream lines(readStream(console));
        std::fclose(console);
        int count = 0;
        for (std::string line; std::getline(lines, line); ++count)
            CHECK(line.ends_with("] " + std::string(100, 'x')));
        CHECK(count == 800);
    }
}
