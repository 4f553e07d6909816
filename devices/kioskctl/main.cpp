// kioskctl: the maintainer's command-line tool. Each command does one check
// and exits non-zero with a one-line reason when something is wrong.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "i18n/catalog.hpp"
#include "patient/masking.hpp"
#include "script/scenario.hpp"
#include "sim/sample_identities.hpp"
#include "speech/espeak_synthesizer.hpp"
#include "voice/wav_file_sink.hpp"

namespace {

using namespace kiosk;

const char* kUsage =
    "usage: kioskctl COMMAND [options]\n"
    "commands:\n"
    "  catalog check [--assets DIR]       check the zh-CN, zh-TW and en catalogs against each other\n"
    "  scenario check FILE...             parse UI scenario files and report the first error in each\n"
    "  identities list [--assets DIR]     list the simulator's sample ID cards (names and numbers masked)\n"
    "  say TEXT [--language TAG] --wav FILE   speak TEXT with the kiosk's voice into a WAV file\n"
    "  say TEXT [--language TAG] --phonemes   print the phonemes the kiosk's voice would speak\n"
    "  version                            print the version\n"
    "  help                               this text\n";

std::string assetsFrom(std::vector<std::string>& args)
{
    std::string dir = KIOSK_DEFAULT_ASSETS;
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--assets") {
            dir = args[i + 1];
            args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
            break;
        }
    return dir;
}

int failWith(const std::string& message)
{
    std::fprintf(stderr, "kioskctl: %s\n", message.c_str());
    return 1;
}

int catalogCheck(std::vector<std::string> args)
{
    std::string assets = assetsFrom(args);
    auto set = CatalogSet::load(assets + "/i18n");
    if (!set) return failWith(set.error().message);
    std::printf("catalogs OK: %zu keys in each of zh-CN, zh-TW, en\n",
                set->catalog(Language::ZhCN).entries().size());
    return 0;
}

int scenarioCheck(const std::vector<std::string>& files)
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

int identitiesList(std::vector<std::string> args)
{
    std::string assets = assetsFrom(args);
    auto ids = devices::loadSampleIdentities(assets + "/demo/id_cards.tsv");
    if (!ids) return failWith(ids.error().message);
    for (const auto& id : *ids)
        std::printf("%-14s %-12s %s %04d\n", id.key.c_str(), maskName(id.card.displayName()).c_str(),
                    maskIdNumber(id.card.idNumber).c_str(), id.card.birthDate.year);
    return 0;
}

int say(std::vector<std::string> args)
{
    std::string text;
    std::string wav;
    bool phonemes = false;
    Language language = Language::ZhCN;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--wav" && i + 1 < args.size()) wav = args[++i];
        else if (args[i] == "--phonemes") phonemes = true;
        else if (args[i] == "--language" && i + 1 < args.size()) {
            auto l = languageFromTag(args[++i]);
            if (!l) return failWith("--language takes zh-CN, zh-TW or en");
            language = *l;
        } else text = args[i];
    }
    devices::EspeakSynthesizer synth;
    if (phonemes && !text.empty()) {
        auto p = synth.phonemes(text, language);
        if (!p) return failWith(p.error().message);
        std::printf("%s\n", p->c_str());
        return 0;
    }
    if (text.empty() || wav.empty()) return failWith("say needs TEXT and --wav FILE (or --phonemes)");
    WavFileSink sink(wav);
    if (!sink.open(synth.sampleRate())) return failWith("cannot write " + wav);
    bool opened = false;
    int peak = 0;
    auto result = synth.synthesize(text, language, [&](std::span<const std::int16_t> pcm) {
        if (!opened) opened = sink.open(synth.sampleRate());  // the rate is known once espeak started
        for (std::int16_t s : pcm) peak = std::max(peak, s < 0 ? -static_cast<int>(s) : static_cast<int>(s));
        sink.play(pcm);
        return true;
    });
    if (!result) return failWith(result.error().message);
    std::printf("%s: %llu samples at %d Hz, peak %d\n", wav.c_str(),
                static_cast<unsigned long long>(sink.samplesWritten()), synth.sampleRate(), peak);
    return sink.samplesWritten() > 0 ? 0 : failWith("the voice produced no sound");
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    std::string command = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    auto sub = [&](const char* name) { return !rest.empty() && rest[0] == name; };
    if (command == "version") {
        std::printf("kioskctl %s\n", KIOSK_VERSION);
        return 0;
    }
    if (command == "catalog" && sub("check")) return catalogCheck({rest.begin() + 1, rest.end()});
    if (command == "scenario" && sub("check")) return scenarioCheck({rest.begin() + 1, rest.end()});
    if (command == "identities" && sub("list")) return identitiesList({rest.begin() + 1, rest.end()});
    if (command == "say") return say(rest);
    std::fprintf(stderr, "kioskctl: unknown command '%s'\n%s", command.c_str(), kUsage);
    return 2;
}
