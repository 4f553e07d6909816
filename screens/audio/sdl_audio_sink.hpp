#pragma once
// Plays voice prompts on the sound card through SDL's audio queue. If there
// is no usable device (a server room, a CI machine) it says so once and
// drops the audio: a kiosk without speakers still works by screen.
#include <SDL.h>

#include <atomic>

#include "voice/speech_synthesizer.hpp"

namespace kiosk::screens {

class SdlAudioSink final : public AudioSink {
public:
    ~SdlAudioSink() override;
    bool open(int sampleRate) override;
    void play(std::span<const std::int16_t> samples) override;
    void stop() override;

private:
    std::atomic<SDL_AudioDeviceID> m_device{0};
    bool m_failed = false;
};

} // namespace kiosk::screens
