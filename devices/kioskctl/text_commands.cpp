// Commands about text and voice: catalogs, scenarios, sample identities, speech.
#include <algorithm>
#include <cstdio>

#include "i18n/catalog.hpp"
#include "kioskctl/commands.hpp"
#include "patient/masking.hpp"
#include "script/scenario.hpp"
#include "sim/sample_identities.hpp"
#include "speech/espeak_synthesizer.hpp"
#include "voice/wav_file_sink.hpp"

namespace kiosk::ctl {

int catalogCheck(Args args)
{
    std::string assets = takeAssetsDir(args);
    auto set = CatalogSet::load(assets + "/i18n");
    if (!set) return failWith(set.error().message);
    std::printf("catalogs OK: %zu keys in each of zh-CN, zh-TW, en\n", set->catalog(Language::ZhCN).entries().size());
    return 0;
}

int scenarioCheck(Args files)
{
    if (files.empty()) return failWith("scenario check needs at least one FILE");
    int status = 0;
    for (const auto& f : files) {
        auto s = loadScenario(f);
        if (!s) {
            std::fprintf(stderr, "%s\n", s.error().message.c_str());
            status = 1;
        } else {
            std::printf("%s: %zu steps OK\n", f.c_str(), s->steps.size());
        }
    }
    return status;
}

int identitiesList(Args args)
{
    std::string assets = takeAssetsDir(args);
    auto ids = devices::loadSampleIdentities(assets + "/demo/id_cards.tsv");
    if (!ids) return failWith(ids.error().message);
    for (const auto& id : *ids)
        std::printf("%-16s %-12s %s %04d\n", id.key.c_str(), maskName(id.card.displayName()).c_str(),
                    maskIdNumber(id.card.idNumber).c_str(), id.card.birthDate.year);
    return 0;
}

int say(Args args)
{
    std::string wav;
    std::string tag = "zh-CN";
    takeOption(args, "--wav", wav);
    takeOption(args, "--language", tag);
    bool phonemes = takeFlag(args, "--phonemes");
    auto language = languageFromTag(tag);
    if (!language) return failWith("--language takes zh-CN, zh-TW or en");
    if (args.size() != 1) return failWith("say needs one TEXT and --wav FILE (or --phonemes)");
    const std::string& text = args[0];

    devices::EspeakSynthesizer synth;
    if (phonemes) {
        auto p = synth.phonemes(text, *language);
        if (!p) return failWith(p.error().message);
        std::printf("%s\n", p->c_str());
        return 0;
    }
    if (wav.empty()) return failWith("say needs --wav FILE (or --phonemes)");
    WavFileSink sink(wav);
    bool opened = false;
    int peak = 0;
    auto result = synth.synthesize(text, *language, [&](std::span<const std::int16_t> pcm) {
        if (!opened) opened = sink.open(synth.sampleRate());  // the rate is known once espeak has started
        for (std::int16_t s : pcm) peak = std::max(peak, s < 0 ? -static_cast<int>(s) : static_cast<int>(s));
        sink.play(pcm);
        return true;
    });
    if (!result) return failWith(result.error().message);
    if (!opened) return failWith("cannot write " + wav);
    std::printf("%s: %llu samples at %d Hz, peak %d\n", wav.c_str(),
                static_cast<unsigned long long>(sink.samplesWritten()), synth.sampleRate(), peak);
    return sink.samplesWritten() > 0 ? 0 : failWith("the voice produced no sound");
}

} // namespace kiosk::ctl
