#include "voice/wav_file_sink.hpp"

#include <array>
#include <cstring>

namespace kiosk {

namespace {
void put32(std::array<unsigned char, 44>& h, std::size_t at, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i) h[at + i] = static_cast<unsigned char>(v >> (8 * i));
}
void put16(std::array<unsigned char, 44>& h, std::size_t at, std::uint16_t v)
{
    h[at] = static_cast<unsigned char>(v);
    h[at + 1] = static_cast<unsigned char>(v >> 8);
}
} // namespace

WavFileSink::WavFileSink(std::string path) : m_path(std::move(path)) {}

WavFileSink::~WavFileSink()
{
    if (m_file) std::fclose(m_file);
}

bool WavFileSink::open(int sampleRate)
{
    std::lock_guard lock(m_mutex);
    m_sampleRate = sampleRate;
    if (!m_file) m_file = std::fopen(m_path.c_str(), "wb");
    if (!m_file) return false;
    writeHeader();
    return true;
}

void WavFileSink::play(std::span<const std::int16_t> samples)
{
    std::lock_guard lock(m_mutex);
    if (!m_file) return;
    std::fseek(m_file, 0, SEEK_END);
    // WAV is little-endian, as is every machine this kiosk runs on.
    std::fwrite(samples.data(), sizeof(std::int16_t), samples.size(), m_file);
    m_samples += samples.size();
    writeHeader();
}

std::uint64_t WavFileSink::samplesWritten() const
{
    std::lock_guard lock(m_mutex);
    return m_samples;
}

void WavFileSink::writeHeader()
{
    std::array<unsigned char, 44> h{};
    auto dataBytes = static_cast<std::uint32_t>(m_samples * 2);
    std::memcpy(&h[0], "RIFF", 4);
    put32(h, 4, 36 + dataBytes);
    std::memcpy(&h[8], "WAVEfmt ", 8);
    put32(h, 16, 16);
    put16(h, 20, 1);  // PCM
    put16(h, 22, 1);  // mono
    put32(h, 24, static_cast<std::uint32_t>(m_sampleRate));
    put32(h, 28, static_cast<std::uint32_t>(m_sampleRate * 2));
    put16(h, 32, 2);
    put16(h, 34, 16);
    std::memcpy(&h[36], "data", 4);
    put32(h, 40, dataBytes);
    std::fseek(m_file, 0, SEEK_SET);
    std::fwrite(h.data(), 1, h.size(), m_file);
    std::fflush(m_file);
}

} // namespace kiosk
