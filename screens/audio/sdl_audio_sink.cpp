#include "audio/sdl_audio_sink.hpp"

#include <string>

#include "logging/log.hpp"

namespace kiosk::screens {

SdlAudioSink::~SdlAudioSink()
{
    if (SDL_AudioDeviceID device = m_device.exchange(0)) SDL_CloseAudioDevice(device);
}

bool SdlAudioSink::open(int sampleRate)
{
    if (m_device || m_failed) return m_device != 0;
    SDL_AudioSpec want{};
    want.freq = sampleRate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    SDL_AudioSpec have{};
    SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (device == 0) {
        m_failed = true;
        logging::warning("audio", std::string("no sound output (") + SDL_GetError() + "); voice prompts are off");
        return false;
    }
    SDL_PauseAudioDevice(device, 0);
    m_device = device;
    return true;
}

void SdlAudioSink::play(std::span<const std::int16_t> samples)
{
    if (SDL_AudioDeviceID device = m_device.load())
        SDL_QueueAudio(device, samples.data(), static_cast<Uint32>(samples.size_bytes()));
}

void SdlAudioSink::stop()
{
    if (SDL_AudioDeviceID device = m_device.load()) SDL_ClearQueuedAudio(device);
}

} // namespace kiosk::screens
