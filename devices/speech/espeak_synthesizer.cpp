#include "speech/espeak_synthesizer.hpp"

#include <espeak-ng/speak_lib.h>

#include <string>

namespace kiosk::devices {

namespace {
struct CallbackContext {
    const SpeechSynthesizer::ChunkSink* sink;
    bool aborted = false;
};

int onSynth(short* wav, int samples, espeak_EVENT* events)
{
    auto* context = static_cast<CallbackContext*>(events ? events->user_data : nullptr);
    if (!context || !wav || samples <= 0) return 0;
    if (!(*context->sink)(std::span<const std::int16_t>(wav, static_cast<std::size_t>(samples)))) {
        context->aborted = true;
        return 1;  // tells espeak to stop
    }
    return 0;
}
} // namespace

EspeakSynthesizer::EspeakSynthesizer(int wordsPerMinute) : m_wordsPerMinute(wordsPerMinute) {}

EspeakSynthesizer::~EspeakSynthesizer()
{
    if (m_initialised) espeak_Terminate();
}

std::string_view EspeakSynthesizer::voiceFor(Language language)
{
    return language == Language::En ? "en" : "cmn-latn-pinyin";
}

// Initialised on first use, on the voice thread: loading the phoneme data
// takes time that the first frame should not wait for.
Result<void> EspeakSynthesizer::initialise()
{
    if (m_initialised) return {};
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) return fail("espeak-ng could not start: is the espeak-ng-data package installed?");
    m_sampleRate = rate;
    espeak_SetSynthCallback(onSynth);
    espeak_SetParameter(espeakRATE, m_wordsPerMinute, 0);
    m_initialised = true;
    return {};
}

Result<void> EspeakSynthesizer::selectVoice(Language language)
{
    if (auto ok = initialise(); !ok) return ok;
    std::string voice(voiceFor(language));
    if (voice == m_currentVoice) return {};
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK)
        return fail("espeak-ng has no voice '" + voice + "' (install espeak-ng-data)");
    espeak_SetParameter(espeakRATE, m_wordsPerMinute, 0);
    m_currentVoice = voice;
    return {};
}

Result<std::string> EspeakSynthesizer::phonemes(std::string_view text, Language language)
{
    if (auto ok = selectVoice(language); !ok) return std::unexpected(ok.error());
    std::string copy(text);
    const void* cursor = copy.c_str();
    std::string out;
    while (cursor) {
        const char* part = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, 0 /* espeak ASCII phoneme names */);
        if (!part) break;
        if (!out.empty()) out += ' ';
        out += part;
    }
    return out;
}

Result<void> EspeakSynthesizer::synthesize(std::string_view text, Language language, const ChunkSink& sink)
{
    if (auto ok = selectVoice(language); !ok) return ok;
    std::string copy(text);
    CallbackContext context{&sink};
    espeak_ERROR err = espeak_Synth(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                                    &context);
    if (err != EE_OK && !context.aborted) return fail("espeak-ng failed to synthesise a prompt");
    return {};
}

} // namespace kiosk::devices
