#pragma once
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

#include "voice/speech_synthesizer.hpp"

namespace kiosk {

/// Writes everything played into one WAV file, used by tests in place of a
/// sound card. The header is rewritten after every write so the file is
/// valid even if the process is killed.
class WavFileSink final : public AudioSink {
public:
    explicit WavFileSink(std::string path);
    ~WavFileSink() override;
    bool open(int sampleRate) override;
    void play(std::span<const std::int16_t> samples) override;
    void stop() override {}
    std::uint64_t samplesWritten() const;

private:
    void writeHeader();
    std::string m_path;
    std::FILE* m_file = nullptr;
    int m_sampleRate = 22050;
    std::uint64_t m_samples = 0;
    mutable std::mutex m_mutex;
};

} // namespace kiosk
