#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "hidpos/hid_pos_report.hpp"

using namespace kiosk::devices::hidpos;
using namespace std::chrono_literals;

namespace {

using Bytes = std::vector<std::uint8_t>;

const ScanAssembler::Clock::time_point kStart{};

Bytes report(std::string_view symbology, std::string_view data, std::uint8_t flags)
{
    auto r = encodeScanReport(symbology, {reinterpret_cast<const std::uint8_t*>(data.data()), data.size()}, flags);
    return Bytes(r.begin(), r.end());
}

std::string payload(std::size_t size)
{
    std::string out;
    for (std::size_t i = 0; i < size; ++i) out.push_back(static_cast<char>('A' + i % 26));
    return out;
}

bool mentions(const AssemblerOutput& out, std::string_view text)
{
    return out.problem && out.problem->message.find(text) != std::string::npos;
}

} // namespace

TEST_SUITE("hid_pos_report")
{
    TEST_CASE("golden input report: report ID 2, count, AIM id, data, flags at 63")
    {
        Bytes bytes(64, 0);
        bytes[0] = 0x02;
        bytes[1] = 0x05;
        bytes[2] = ']';
        bytes[3] = 'Q';
        bytes[4] = '1';
        const char hello[] = "HELLO";
        for (int i = 0; i < 5; ++i) bytes[5 + i] = static_cast<std::uint8_t>(hello[i]);
        bytes[5 + 5] = 'X';  // beyond the count: not data
        bytes[61] = 0x51;    // vendor Code ID
        bytes[63] = 0x00;

        auto parsed = parseScanReport(bytes);
        REQUIRE(parsed.has_value());
        CHECK(parsed->symbology == "]Q1");
        CHECK(parsed->data == "HELLO");
        CHECK(parsed->codeId == 0x51);
        CHECK_FALSE(parsed->continued());

        bytes[63] = 0x01;
        CHECK(parseScanReport(bytes)->continued());
        bytes[63] = 0xFE;  // every other flag, but not Decode Data Continued
        CHECK_FALSE(parseScanReport(bytes)->continued());
    }

    TEST_CASE("the encoder writes the same layout")
    {
        Bytes bytes = report("]C0", "12345", 0x01);
        REQUIRE(bytes.size() == 64);
        CHECK(bytes[0] == 0x02);
        CHECK(bytes[1] == 5);
        CHECK(bytes[2] == ']');
        CHECK(bytes[4] == '0');
        CHECK(bytes[5] == '1');
        CHECK(bytes[9] == '5');
        CHECK(bytes[10] == 0);
        CHECK(bytes[63] == 0x01);
        CHECK(report("]Q1", payload(80), 0)[1] == 56);  // the encoder never writes past one report
    }

    TEST_CASE("the symbology identifier is made safe to log")
    {
        Bytes bytes = report("", "A", 0);
        bytes[2] = ']';
        bytes[3] = 0x07;
        CHECK(parseScanReport(bytes)->symbology == "]?");
        CHECK(parseScanReport(report("", "A", 0))->symbology.empty());
    }

    TEST_CASE("bad reports are refused with the reason")
    {
        auto reason = [](const Bytes& bytes) {
            auto r = parseScanReport(bytes);
            REQUIRE_FALSE(r.has_value());
            return r.error().message;
        };
        CHECK(reason({}) == "empty HID report");
        Bytes wrongId = report("]Q1", "A", 0);
        wrongId[0] = 0x04;
        CHECK(reason(wrongId).find("report ID 0x04") != std::string::npos);
        CHECK(reason(Bytes{0x02, 0x01, ']'}).find("only 3 bytes") != std::string::npos);
        Bytes oversize = report("]Q1", "A", 0);
        oversize.push_back(0);
        CHECK(reason(oversize).find("65 bytes, longer than the 64") != std::string::npos);
        Bytes badCount = report("]Q1", "A", 0);
        badCount[1] = 57;
        CHECK(reason(badCount).find("byte count 57") != std::string::npos);
    }

    TEST_CASE("one report, one scan")
    {
        ScanAssembler assembler;
        auto out = assembler.feed(report("]Q1", "134567890123456789", 0), kStart);
        REQUIRE(out.scan.has_value());
        CHECK(out.scan->bytes == "134567890123456789");
        CHECK(out.scan->symbology == "]Q1");
        CHECK_FALSE(out.problem.has_value());
        CHECK_FALSE(assembler.pending());
    }

    TEST_CASE("a payload split over three reports is joined")
    {
        const std::string text = payload(130);  // 56 + 56 + 18
        ScanAssembler assembler;
        auto first = assembler.feed(report("]Q1", text.substr(0, 56), kContinuedFlag), kStart);
        CHECK_FALSE(first.scan.has_value());
        CHECK_FALSE(first.problem.has_value());
        CHECK(assembler.pending());
        auto second = assembler.feed(report("]Q1", text.substr(56, 56), kContinuedFlag), kStart + 8ms);
        CHECK_FALSE(second.scan.has_value());
        CHECK(assembler.pending());
        auto third = assembler.feed(report("]Q1", text.substr(112), 0), kStart + 16ms);
        REQUIRE(third.scan.has_value());
        CHECK(third.scan->bytes == text);
        CHECK(third.scan->bytes.size() == 130);
        CHECK_FALSE(third.problem.has_value());
        CHECK_FALSE(assembler.pending());

        // And the next code is read on its own.
        auto next = assembler.feed(report("]Q1", "NEXT", 0), kStart + 500ms);
        REQUIRE(next.scan.has_value());
        CHECK(next.scan->bytes == "NEXT");
    }

    TEST_CASE("continuations that leave the identifier empty still belong to the code")
    {
        ScanAssembler assembler;
        assembler.feed(report("]Q1", "ABC", kContinuedFlag), kStart);
        auto out = assembler.feed(report("", "DEF", 0), kStart + 8ms);
        REQUIRE(out.scan.has_value());
        CHECK(out.scan->bytes == "ABCDEF");
        CHECK(out.scan->symbology == "]Q1");
    }

    TEST_CASE("a report of another ID in the middle is ignored and the code still completes")
    {
        ScanAssembler assembler;
        assembler.feed(report("]Q1", "ABC", kContinuedFlag), kStart);
        Bytes vendor(64, 0);
        vendor[0] = 0xFD;
        auto ignored = assembler.feed(vendor, kStart + 4ms);
        CHECK(mentions(ignored, "report ID 0xFD"));
        CHECK(assembler.pending());
        auto out = assembler.feed(report("]Q1", "DEF", 0), kStart + 8ms);
        REQUIRE(out.scan.has_value());
        CHECK(out.scan->bytes == "ABCDEF");
    }

    TEST_CASE("a count over 56 drops the code and skips the rest of it")
    {
        ScanAssembler assembler;
        assembler.feed(report("]Q1", payload(56), kContinuedFlag), kStart);
        Bytes bad = report("]Q1", payload(56), kContinuedFlag);
        bad[1] = 200;
        auto out = assembler.feed(bad, kStart + 8ms);
        CHECK(mentions(out, "byte count 200"));
        CHECK(mentions(out, "(56 bytes) was dropped"));
        CHECK(mentions(out, "will be skipped"));
        // The tail of the broken code is not delivered as a code of its own.
        CHECK_FALSE(assembler.feed(report("]Q1", "TAIL", 0), kStart + 16ms).scan.has_value());
        auto next = assembler.feed(report("]Q1", "GOOD", 0), kStart + 600ms);
        REQUIRE(next.scan.has_value());
        CHECK(next.scan->bytes == "GOOD");
    }

    TEST_CASE("a bad final report ends the code without skipping the next one")
    {
        ScanAssembler assembler;
        Bytes bad = report("]Q1", "X", 0);
        bad[1] = 57;
        auto out = assembler.feed(bad, kStart);
        CHECK(mentions(out, "byte count 57"));
        CHECK_FALSE(mentions(out, "skipped"));
        auto next = assembler.feed(report("]Q1", "GOOD", 0), kStart + 8ms);
        REQUIRE(next.scan.has_value());
    }

    TEST_CASE("an oversize report is refused and the assembler keeps working")
    {
        ScanAssembler assembler;
        Bytes oversize = report("]Q1", "A", 0);
        oversize.resize(200, 0xAA);
        auto out = assembler.feed(oversize, kStart);
        CHECK(mentions(out, "200 bytes, longer than the 64"));
        CHECK_FALSE(out.scan.has_value());
        auto next = assembler.feed(report("]Q1", "GOOD", 0), kStart + 8ms);
        REQUIRE(next.scan.has_value());
        CHECK(next.scan->bytes == "GOOD");
    }

    TEST_CASE("a truncated report skips until the code's final report")
    {
        ScanAssembler assembler;
        auto out = assembler.feed(Bytes{0x02, 0x05, ']', 'Q'}, kStart);
        CHECK(mentions(out, "only 4 bytes"));
        CHECK(assembler.pending());
        CHECK_FALSE(assembler.feed(report("]Q1", "REST", 0), kStart + 8ms).scan.has_value());
        CHECK_FALSE(assembler.pending());
        CHECK(assembler.feed(report("]Q1", "GOOD", 0), kStart + 16ms).scan.has_value());
    }

    TEST_CASE("a code longer than the bound is dropped with the rest of its reports")
    {
        ScanAssembler assembler(100);
        CHECK_FALSE(assembler.feed(report("]Q1", payload(56), kContinuedFlag), kStart).problem.has_value());
        auto over = assembler.feed(report("]Q1", payload(56), kContinuedFlag), kStart + 8ms);
        CHECK(mentions(over, "longer than 100 bytes"));
        CHECK_FALSE(over.scan.has_value());
        auto tail = assembler.feed(report("]Q1", payload(10), 0), kStart + 16ms);
        CHECK_FALSE(tail.scan.has_value());
        CHECK_FALSE(tail.problem.has_value());  // already reported once
        auto next = assembler.feed(report("]Q1", "GOOD", 0), kStart + 24ms);
        REQUIRE(next.scan.has_value());
        CHECK(next.scan->bytes == "GOOD");
    }

    TEST_CASE("exactly the bound is accepted")
    {
        ScanAssembler assembler(112);
        assembler.feed(report("]Q1", payload(56), kContinuedFlag), kStart);
        auto out = assembler.feed(report("]Q1", payload(56), 0), kStart + 8ms);
        REQUIRE(out.scan.has_value());
        CHECK(out.scan->bytes.size() == 112);
    }

    TEST_CASE("a new symbology mid-code is not a continuation")
    {
        ScanAssembler assembler;
        assembler.feed(report("]Q1", "PARTIAL", kContinuedFlag), kStart);
        auto out = assembler.feed(report("]C0", "202406110042", 0), kStart + 8ms);
        CHECK(mentions(out, "unfinished code (7 bytes) was dropped"));
        REQUIRE(out.scan.has_value());
        CHECK(out.scan->bytes == "202406110042");
        CHECK(out.scan->symbology == "]C0");
    }

    TEST_CASE("a long pause means the rest of the code was lost")
    {
        ScanAssembler assembler(1024, 250ms);
        assembler.feed(report("]Q1", "PARTIAL", kContinuedFlag), kStart);
        auto out = assembler.feed(report("]Q1", "FRESH", 0), kStart + 251ms);
        CHECK(mentions(out, "first 7 bytes were dropped"));
        REQUIRE(out.scan.has_value());
        CHECK(out.scan->bytes == "FRESH");

        // Within the gap the same reports join.
        assembler.feed(report("]Q1", "PART", kContinuedFlag), kStart + 1s);
        auto joined = assembler.feed(report("]Q1", "IAL", 0), kStart + 1s + 250ms);
        REQUIRE(joined.scan.has_value());
        CHECK(joined.scan->bytes == "PARTIAL");
    }

    TEST_CASE("an empty report is reported, not delivered")
    {
        ScanAssembler assembler;
        auto out = assembler.feed(report("]Q1", "", 0), kStart);
        CHECK_FALSE(out.scan.has_value());
        CHECK(mentions(out, "empty scanned-data report"));
        CHECK(mentions(assembler.feed(Bytes{}, kStart), "empty HID report"));
    }

    TEST_CASE("reset forgets the code in progress")
    {
        ScanAssembler assembler;
        assembler.feed(report("]Q1", "OLD", kContinuedFlag), kStart);
        assembler.reset();
        CHECK_FALSE(assembler.pending());
        auto out = assembler.feed(report("]Q1", "NEW", 0), kStart + 1ms);
        REQUIRE(out.scan.has_value());
        CHECK(out.scan->bytes == "NEW");
    }

    TEST_CASE("garbage never breaks the assembler")
    {
        ScanAssembler assembler(300);
        std::uint32_t seed = 12345;
        auto next = [&] {
            seed = seed * 1664525u + 1013904223u;
            return static_cast<std::uint8_t>(seed >> 24);
        };
        auto at = kStart;
        for (int i = 0; i < 2000; ++i) {
            Bytes bytes(next() % 3 == 0 ? next() : 64);
            for (auto& b : bytes) b = next();
            if (!bytes.empty() && next() % 2 == 0) bytes[0] = kScanReportId;
            at += std::chrono::milliseconds(next() % 20);
            auto out = assembler.feed(bytes, at);
            if (out.scan) CHECK(out.scan->bytes.size() <= 300);
        }
        auto good = assembler.feed(report("]Q1", "STILL-WORKS", 0), at + 1s);
        REQUIRE(good.scan.has_value());
        CHECK(good.scan->bytes == "STILL-WORKS");
    }

    TEST_CASE("golden output report 4: trigger and beep bits")
    {
        CHECK(encodeTriggerReport({}) == std::array<std::uint8_t, 2>{0x04, 0x00});
        CHECK(encodeTriggerReport({Trigger::InitiateRead}) == std::array<std::uint8_t, 2>{0x04, 0x04});
        CHECK(encodeTriggerReport({Trigger::PreventRead}) == std::array<std::uint8_t, 2>{0x04, 0x02});
        CHECK(encodeTriggerReport({Trigger::ErrorBeep}) == std::array<std::uint8_t, 2>{0x04, 0x20});
        CHECK(encodeTriggerReport({Trigger::InitiateRead, Trigger::GoodReadBeep}) ==
              std::array<std::uint8_t, 2>{0x04, 0x44});
    }
}
