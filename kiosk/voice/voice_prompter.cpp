#include "voice/voice_prompter.hpp"

#include <algorithm>
#include <vector>

namespace kiosk {

VoicePrompter::VoicePrompter(SpeechSynthesizer& synthesizer, AudioSink& sink)
    : m_synth(synthesizer), m_sink(sink), m_thread([this] { run(); })
{
}

VoicePrompter::~VoicePrompter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        ++m_serial;
    }
    m_wake.notify_all();
    m_thread.join();
}

void VoicePrompter::say(std::string text, Language language)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = Request{std::move(text), language, ++m_serial};
    }
    stopPlayback();
    m_wake.notify_all();
}

void VoicePrompter::silence()
{
    {
        std::lock_guard lock(m_mutex);
        m_pending.reset();
        ++m_serial;
    }
    stopPlayback();
}

void VoicePrompter::stopPlayback()
{
    // Under the play lock, so a chunk of the superseded prompt that passed
    // its check cannot reach the sink after this returns.
    std::lock_guard lock(m_playMutex);
    m_sink.stop();
}

void VoicePrompter::setVolume(int percent) { m_volume = std::clamp(percent, 0, 100); }

void VoicePrompter::waitIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [&] { return !m_pending && !m_busy; });
}

void VoicePrompter::run()
{
    std::vector<std::int16_t> scaled;
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_idle.notify_all();
            m_wake.wait(lock, [&] { return m_stop || m_pending.has_value(); });
            if (m_stop) return;
            request = std::move(*m_pending);
            m_pending.reset();
            m_busy = true;
        }
        if (!m_sinkOpen) m_sinkOpen = m_sink.open(m_synth.sampleRate());

        auto result = m_synth.synthesize(request.text, request.language, [&](std::span<const std::int16_t> pcm) {
            if (m_serial.load() != request.serial) return false;  // superseded or silenced
            int volume = m_volume.load();
            if (volume == 0) return true;  // keep timing identical; just make no sound
            scaled.assign(pcm.begin(), pcm.end());
            for (auto& s : scaled) s = static_cast<std::int16_t>(s * volume / 100);
            std::lock_guard lock(m_playMutex);
            if (m_serial.load() != request.serial) return false;
            m_sink.play(scaled);
            return true;
        });
        if (result) ++m_spoken;
        else ++m_errors;

        std::lock_guard lock(m_mutex);
        m_busy = false;
    }
}

} // namespace kiosk
