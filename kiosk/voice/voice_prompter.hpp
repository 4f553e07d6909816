#pragma once
// Speaks prompts on its own thread: say() only hands over the text, so the
// frame loop never waits for synthesis. A new prompt interrupts the one
// being spoken, as a person would expect when they move on quickly.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "voice/prompt_player.hpp"
#include "voice/speech_synthesizer.hpp"

namespace kiosk {

class VoicePrompter final : public PromptPlayer {
public:
    VoicePrompter(SpeechSynthesizer& synthesizer, AudioSink& sink);
    ~VoicePrompter() override;

    void say(std::string text, Language language) override;
    void silence() override;
    void setVolume(int percent) override;

    /// Blocks until every prompt handed over so far is synthesised; for tests
    /// and scenario end.
    void waitIdle();
    std::uint64_t promptsSpoken() const { return m_spoken.load(); }
    std::uint64_t synthesisErrors() const { return m_errors.load(); }

private:
    struct Request {
        std::string text;
        Language language;
        std::uint64_t serial;
    };
    void run();
    void stopPlayback();

    SpeechSynthesizer& m_synth;
    AudioSink& m_sink;
    std::mutex m_mutex;
    std::mutex m_playMutex;  ///< Orders sink.play() after a check against sink.stop().
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::optional<Request> m_pending;
    bool m_busy = false;
    bool m_stop = false;
    bool m_sinkOpen = false;
    std::atomic<std::uint64_t> m_serial{0};
    std::atomic<int> m_volume{80};
    std::atomic<std::uint64_t> m_spoken{0};
    std::atomic<std::uint64_t> m_errors{0};
    std::thread m_thread;
};

} // namespace kiosk
