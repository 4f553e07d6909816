#pragma once
// Speech through libespeak-ng. Mandarin uses the cmn-latn-pinyin voice:
// plain "cmn" reads many characters as English pinyin with tone digits.
#include <string>

#include "voice/speech_synthesizer.hpp"

namespace kiosk::devices {

class EspeakSynthesizer final : public SpeechSynthesizer {
public:
    /// Speaking rate in words per minute; slower than espeak's 175 default
    /// so that elderly patients can follow.
    explicit EspeakSynthesizer(int wordsPerMinute = 150);
    ~EspeakSynthesizer() override;

    Result<void> synthesize(std::string_view text, Language language, const ChunkSink& sink) override;
    int sampleRate() const override { return m_sampleRate; }
    /// The phonemes espeak would speak, for checking which voice reads what.
    Result<std::string> phonemes(std::string_view text, Language language);

    static std::string_view voiceFor(Language language);

private:
    Result<void> initialise();
    Result<void> selectVoice(Language language);
    int m_wordsPerMinute;
    int m_sampleRate = 22050;
    bool m_initialised = false;
    std::string m_currentVoice;
};

} // namespace kiosk::devices
