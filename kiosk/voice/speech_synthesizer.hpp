#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

#include "core/result.hpp"
#include "i18n/language.hpp"

namespace kiosk {

/// Turns text into 16-bit mono PCM. Called from one worker thread only.
class SpeechSynthesizer {
public:
    virtual ~SpeechSynthesizer() = default;
    /// Receives audio as it is made; returning false stops synthesis early.
    using ChunkSink = std::function<bool(std::span<const std::int16_t>)>;
    /// Synthesises `text`, handing audio to `sink` chunk by chunk.
    virtual Result<void> synthesize(std::string_view text, Language language, const ChunkSink& sink) = 0;
    /// Samples per second of the PCM this synthesiser produces.
    virtual int sampleRate() const = 0;
};

/// Where PCM goes: the sound card, a WAV file, or nowhere.
class AudioSink {
public:
    virtual ~AudioSink() = default;
    /// Prepares for mono 16-bit PCM at `sampleRate`; false if the output is unusable.
    virtual bool open(int sampleRate) = 0;
    /// Queues samples for playback; returns at once.
    virtual void play(std::span<const std::int16_t> samples) = 0;
    /// Drops whatever is queued and not yet heard.
    virtual void stop() = 0;
};

class NullAudioSink final : public AudioSink {
public:
    bool open(int) override { return true; }
    void play(std::span<const std::int16_t>) override {}
    void stop() override {}
};

} // namespace kiosk
