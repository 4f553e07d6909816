#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

#include "voice/wav_file_sink.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// A file in the temporary folder, removed when the test ends.
struct TempFile {
    explicit TempFile(const std::string& stem)
        : path((fs::temp_directory_path() / (stem + "-" + std::to_string(::getpid()) + ".wav")).string())
    {
        fs::remove(path);
    }
    ~TempFile() { fs::remove(path); }
    std::string path;
};

std::vector<unsigned char> readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t u32(const std::vector<unsigned char>& b, std::size_t at)
{
    return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (std::uint32_t(b[at + 3]) << 24);
}

std::uint16_t u16(const std::vector<unsigned char>& b, std::size_t at)
{
    return static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8));
}

std::string tag(const std::vector<unsigned char>& b, std::size_t at) { return std::string(b.begin() + at, b.begin() + at + 4); }

// Checks a 16-bit mono PCM header and returns the data chunk's size.
std::uint32_t checkHeader(const std::vector<unsigned char>& b, std::uint32_t sampleRate)
{
    REQUIRE(b.size() >= 44);
    CHECK(tag(b, 0) == "RIFF");
    CHECK(u32(b, 4) == b.size() - 8);
    CHECK(tag(b, 8) == "WAVE");
    CHECK(tag(b, 12) == "fmt ");
    CHECK(u32(b, 16) == 16);
    CHECK(u16(b, 20) == 1);  // PCM
    CHECK(u16(b, 22) == 1);  // mono
    CHECK(u32(b, 24) == sampleRate);
    CHECK(u32(b, 28) == sampleRate * 2);
    CHECK(u16(b, 32) == 2);
    CHECK(u16(b, 34) == 16);
    CHECK(tag(b, 36) == "data");
    return u32(b, 40);
}

} // namespace

TEST_SUITE("wav_file_sink")
{
    TEST_CASE("the header's sizes match the samples written after every write")
    {
        TempFile file("kiosk-wav-test");
        WavFileSink sink(file.path);
        REQUIRE(sink.open(22050));
        CHECK(checkHeader(readAll(file.path), 22050) == 0);

        const std::array<std::int16_t, 5> first{0, 1, -1, 32767, -32768};
        sink.play(first);
        // Valid while still open, as if the process were killed here.
        auto bytes = readAll(file.path);
        CHECK(checkHeader(bytes, 22050) == 10);
        CHECK(bytes.size() == 44 + 10);

        std::vector<std::int16_t> second(1000, 1234);
        sink.play(second);
        sink.stop();
        CHECK(sink.samplesWritten() == 1005);
        bytes = readAll(file.path);
        CHECK(checkHeader(bytes, 22050) == 2010);
        REQUIRE(bytes.size() == 44 + 2010);

        auto sample = [&](std::size_t i) { return static_cast<std::int16_t>(u16(bytes, 44 + 2 * i)); };
        for (std::size_t i = 0; i < first.size(); ++i) CHECK(sample(i) == first[i]);
        CHECK(sample(5) == 1234);
        CHECK(sample(1004) == 1234);
    }

    TEST_CASE("the sample rate given to open() is recorded")
    {
        TempFile file("kiosk-wav-rate");
        {
            WavFileSink sink(file.path);
            REQUIRE(sink.open(16000));
            std::vector<std::int16_t> pcm(160, -7);
            sink.play(pcm);
        }
        auto bytes = readAll(file.path);
        CHECK(checkHeader(bytes, 16000) == 320);
        CHECK(static_cast<std::int16_t>(u16(bytes, 44)) == -7);
    }

    TEST_CASE("an unwritable path makes open() fail and play() harmless")
    {
        WavFileSink sink("/nonexistent-dir/x.wav");
        CHECK_FALSE(sink.open(16000));
        std::vector<std::int16_t> pcm(10, 1);
        sink.play(pcm);
        CHECK(sink.samplesWritten() == 0);
    }
}
