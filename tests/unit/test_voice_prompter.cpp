#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "voice/voice_prompter.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

constexpr int kChunks = 5;
constexpr int kChunkSamples = 4;
constexpr auto kPatience = 2s;  // upper bound for waits that end within milliseconds

// Speaks text of the form "[hold:]VALUE": kChunks chunks whose samples all
// equal VALUE. With "hold:" it stops after the first chunk until release().
// The text "error" fails.
class FakeSynthesizer final : public SpeechSynthesizer {
public:
    Result<void> synthesize(std::string_view text, Language, const ChunkSink& sink) override
    {
        if (text == "error") return fail("cannot speak");
        bool hold = text.starts_with("hold:");
        if (hold) text.remove_prefix(5);
        const std::vector<std::int16_t> chunk(kChunkSamples, static_cast<std::int16_t>(std::stoi(std::string(text))));
        {
            std::lock_guard lock(m_mutex);
            ++m_entered;
        }
        m_changed.notify_all();
        for (int i = 0; i < kChunks; ++i) {
            if (i == 1 && hold) {
                std::unique_lock lock(m_mutex);
                m_changed.wait_for(lock, kPatience, [&] { return m_released; });
            }
            if (!sink(chunk)) {
                std::lock_guard lock(m_mutex);
                ++m_stoppedEarly;
                break;
            }
        }
        {
            std::lock_guard lock(m_mutex);
            ++m_finished;
        }
        return {};
    }
    int sampleRate() const override { return 16000; }

    bool waitEntered(int count)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, kPatience, [&] { return m_entered >= count; });
    }
    void release()
    {
        {
            std::lock_guard lock(m_mutex);
            m_released = true;
        }
        m_changed.notify_all();
    }
    int finished()
    {
        std::lock_guard lock(m_mutex);
        return m_finished;
    }
    int stoppedEarly()
    {
        std::lock_guard lock(m_mutex);
        return m_stoppedEarly;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_released = false;
    int m_entered = 0;
    int m_finished = 0;
    int m_stoppedEarly = 0;
};

class RecordingSink final : public AudioSink {
public:
    bool open(int sampleRate) override
    {
        std::lock_guard lock(m_mutex);
        m_openedAt = sampleRate;
        return true;
    }
    void play(std::span<const std::int16_t> samples) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_chunks.emplace_back(samples.begin(), samples.end());
        }
        m_changed.notify_all();
    }
    void stop() override
    {
        std::lock_guard lock(m_mutex);
        ++m_stops;
    }

    bool waitChunks(std::size_t count)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, kPatience, [&] { return m_chunks.size() >= count; });
    }
    std::vector<std::vector<std::int16_t>> chunks()
    {
        std::lock_guard lock(m_mutex);
        return m_chunks;
    }
    int stops()
    {
        std::lock_guard lock(m_mutex);
        return m_stops;
    }
    int openedAt()
    {
        std::lock_guard lock(m_mutex);
        return m_openedAt;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::vector<std::int16_t>> m_chunks;
    int m_stops = 0;
    int m_openedAt = 0;
};

std::vector<std::int16_t> filled(std::int16_t value) { return std::vector<std::int16_t>(kChunkSamples, value); }

} // namespace

TEST_SUITE("voice_prompter")
{
    TEST_CASE("say() returns while synthesis is still running and waitIdle() waits for it")
    {
        FakeSynthesizer synth;
        RecordingSink sink;
        VoicePrompter voice(synth, sink);
        voice.setVolume(100);
        voice.say("hold:1000", Language::ZhCN);
        REQUIRE(synth.waitEntered(1));
        // Had say() waited for synthesis, the held prompt would have finished by now.
        CHECK(synth.finished() == 0);
        synth.release();
        voice.waitIdle();
        CHECK(synth.finished() == 1);
        CHECK(sink.openedAt() == 16000);
        CHECK(sink.chunks() == std::vector<std::vector<std::int16_t>>(kChunks, filled(1000)));
        CHECK(voice.promptsSpoken() == 1);
        CHECK(voice.synthesisErrors() == 0);
    }

    TEST_CASE("a second prompt interrupts the first")
    {
        FakeSynthesizer synth;
        RecordingSink sink;
        VoicePrompter voice(synth, sink);
        voice.setVolume(100);
        voice.say("hold:1000", Language::ZhCN);
        REQUIRE(sink.waitChunks(1));
        int stopsBefore = sink.stops();
        voice.say("2000", Language::En);
        CHECK(sink.stops() == stopsBefore + 1);  // what is queued is dropped at once
        synth.release();
        voice.waitIdle();

        auto chunks = sink.chunks();
        REQUIRE(chunks.size() == 1 + kChunks);
        CHECK(chunks.front() == filled(1000));
        for (std::size_t i = 1; i < chunks.size(); ++i) CHECK(chunks[i] == filled(2000));
        CHECK(synth.stoppedEarly() == 1);
        CHECK(synth.finished() == 2);
    }

    TEST_CASE("silence() stops the prompt being spoken")
    {
        FakeSynthesizer synth;
        RecordingSink sink;
        VoicePrompter voice(synth, sink);
        voice.say("hold:1000", Language::ZhCN);
        REQUIRE(sink.waitChunks(1));
        voice.silence();
        synth.release();
        voice.waitIdle();
        CHECK(sink.chunks().size() == 1);
        CHECK(synth.stoppedEarly() == 1);
        CHECK(sink.stops() >= 2);
    }

    TEST_CASE("volume 0 plays nothing but still synthesises the whole prompt")
    {
        FakeSynthesizer synth;
        RecordingSink sink;
        VoicePrompter voice(synth, sink);
        voice.setVolume(0);
        voice.say("1000", Language::ZhCN);
        voice.waitIdle();
        CHECK(synth.finished() == 1);
        CHECK(synth.stoppedEarly() == 0);
        CHECK(sink.chunks().empty());
        CHECK(voice.promptsSpoken() == 1);
    }

    TEST_CASE("volume scales samples and out-of-range volumes are clamped")
    {
        FakeSynthesizer synth;
        RecordingSink sink;
        VoicePrompter voice(synth, sink);
        voice.setVolume(50);
        voice.say("1000", Language::ZhCN);
        voice.waitIdle();
        voice.say("-3000", Language::ZhCN);
        voice.waitIdle();
        voice.setVolume(250);
        voice.say("1000", Language::ZhCN);
        voice.waitIdle();
        voice.setVolume(-5);
        voice.say("1000", Language::ZhCN);
        voice.waitIdle();

        auto chunks = sink.chunks();
        REQUIRE(chunks.size() == 3 * kChunks);
        CHECK(chunks[0] == filled(500));
        CHECK(chunks[kChunks] == filled(-1500));
        CHECK(chunks[2 * kChunks] == filled(1000));
        CHECK(voice.promptsSpoken() == 4);
    }

    TEST_CASE("the default volume is 80 percent")
    {
        FakeSynthesizer synth;
        RecordingSink sink;
        VoicePrompter voice(synth, sink);
        voice.say("1000", Language::ZhCN);
        voice.waitIdle();
        auto chunks = sink.chunks();
        REQUIRE_FALSE(chunks.empty());
        CHECK(chunks[0] == filled(800));
    }

    TEST_CASE("a failed synthesis is counted and the next prompt still plays")
    {
        FakeSynthesizer synth;
        RecordingSink sink;
        VoicePrompter voice(synth, sink);
        voice.setVolume(100);
        voice.say("error", Language::ZhCN);
        voice.waitIdle();
        CHECK(voice.synthesisErrors() == 1);
        CHECK(voice.promptsSpoken() == 0);
        voice.say("700", Language::ZhCN);
        voice.waitIdle();
        CHECK(voice.promptsSpoken() == 1);
        CHECK(sink.chunks().size() == kChunks);
    }

    TEST_CASE("waitIdle with nothing said returns")
    {
        FakeSynthesizer synth;
        RecordingSink sink;
        VoicePrompter voice(synth, sink);
        voice.waitIdle();
        CHECK(voice.promptsSpoken() == 0);
        CHECK(sink.chunks().empty());
    }
}
