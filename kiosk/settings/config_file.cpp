#include "settings/config_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "settings/setting_fields.hpp"
#include "settings/setting_text.hpp"
#include "settings/setting_validation.hpp"
#include "text/utf8.hpp"

namespace kiosk {

namespace {

// A config file is a page of text; anything much larger is not one.
constexpr std::size_t kMaxConfigBytes = 1 << 20;

std::string nearestSection(std::string_view name)
{
    for (const std::string& s : settingSections())
        if (editDistance(name, s) <= 2) return s;
    return {};
}

class Parser {
public:
    explicit Parser(ConfigFile& out) : m_out(out) {}

    void line(int number, std::string_view raw)
    {
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        if (number == 1 && raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);  // a BOM from some editors
        Utf8Error error;
        if (!decodeUtf8(raw, &error)) {
            std::string key = keyOf(raw);
            problem(number, key,
                    (key.empty() ? "" : key + ": ") + "the line is not valid UTF-8 (byte " +
                        std::to_string(error.offset + 1) + "); save the file as UTF-8");
            return;
        }
        std::string_view text = trimmed(raw);
        if (text.empty() || text.starts_with('#')) return;
        if (text.starts_with('[')) return section(number, text);
        std::size_t eq = text.find('=');
        if (eq == std::string_view::npos)
            return problem(number, "", "malformed line: expected 'key = value', '[section]' or a '#' comment");
        std::string_view name = trimmed(text.substr(0, eq));
        std::string_view value = trimmed(text.substr(eq + 1));
        if (name.empty()) return problem(number, "", "malformed line: no key before '='");
        if (m_skippingSection) return;  // its section was reported once
        if (m_section.empty()) {
            std::string hint = nearestSettingKey(name);
            return problem(number, std::string(name),
                           std::string(name) + ": a key before any [section] line" +
                               (hint.empty() ? "" : " (did you mean [" + hint.substr(0, hint.find('.')) + "]?)"));
        }
        entry(number, m_section + "." + std::string(name), value);
    }

private:
    // The key of a line that is not valid UTF-8, if the part before '=' is readable.
    std::string keyOf(std::string_view raw) const
    {
        std::size_t eq = raw.find('=');
        if (eq == std::string_view::npos || m_section.empty()) return {};
        std::string_view name = trimmed(raw.substr(0, eq));
        if (name.empty() || !decodeUtf8(name)) return {};
        return m_section + "." + std::string(name);
    }

    void section(int number, std::string_view text)
    {
        if (!text.ends_with(']') || text.size() < 3) {
            m_skippingSection = true;  // its keys would land in the wrong place
            return problem(number, "", "malformed section line: expected '[name]'");
        }
        std::string name(trimmed(text.substr(1, text.size() - 2)));
        auto sections = settingSections();
        if (std::find(sections.begin(), sections.end(), name) != sections.end()) {
            m_section = name;
            m_skippingSection = false;
            return;
        }
        m_section.clear();
        m_skippingSection = true;
        std::string hint = nearestSection(name);
        problem(number, "",
                "unknown section [" + name + "]" + (hint.empty() ? "" : " (did you mean [" + hint + "]?)") +
                    "; its keys are ignored");
    }

    void entry(int number, const std::string& key, std::string_view value)
    {
        const SettingField* field = findSettingField(key);
        if (!field) {
            std::string hint = nearestSettingKey(key);
            return problem(number, key, key + ": unknown key" + (hint.empty() ? "" : " (did you mean " + hint + "?)"));
        }
        if (auto [it, fresh] = m_seen.emplace(key, number); !fresh)
            return problem(number, key,
                           key + ": given twice (first on line " + std::to_string(it->second) +
                               "); this line is ignored");
        KioskSettings scratch;
        if (auto ok = field->apply(scratch, value); !ok) return problem(number, key, ok.error().message);
        m_out.overrides.push_back({key, std::string(value), number});
    }

    void problem(int number, std::string key, std::string message)
    {
        m_out.problems.push_back({m_out.path, number, std::move(key), std::move(message)});
    }

    ConfigFile& m_out;
    std::string m_section;
    bool m_skippingSection = false;
    std::map<std::string, int> m_seen;
};

const ConfigOverride* overrideOf(const ConfigFile& config, std::string_view key)
{
    for (const ConfigOverride& o : config.overrides)
        if (o.key == key) return &o;
    return nullptr;
}

void dropOverride(ConfigFile& config, std::string_view key)
{
    std::erase_if(config.overrides, [key](const ConfigOverride& o) { return o.key == key; });
}

} // namespace

ConfigFile parseConfigText(std::string_view text, const std::string& path)
{
    ConfigFile out;
    out.path = path;
    Parser parser(out);
    int number = 0;
    while (!text.empty() || number == 0) {
        std::size_t nl = text.find('\n');
        parser.line(++number, text.substr(0, nl));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

Result<ConfigFile> readConfigFile(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
        return fail("the config file " + path + " is not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot read the config file " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return fail("cannot read the config file " + path);
    std::string text = buffer.str();
    if (text.size() > kMaxConfigBytes)
        return fail("the config file " + path + " is larger than 1 MiB; it is not a kiosk config file");
    return parseConfigText(text, path);
}

KioskSettings applyOverrides(const KioskSettings& settings, ConfigFile& config)
{
    KioskSettings out = settings;
    for (const ConfigOverride& o : config.overrides)
        if (const SettingField* field = findSettingField(o.key)) (void)field->apply(out, o.value);
    // The one check that spans two keys: the default language must be on
    // offer. The default given in the file is dropped first, then the list.
    for (std::string_view key : {"kiosk.default_language", "kiosk.languages"}) {
        auto consistent = validateDefaultLanguage(out.defaultLanguage, out.languages);
        if (consistent) break;
        const ConfigOverride* o = overrideOf(config, key);
        if (!o) continue;
        std::string why = key == "kiosk.default_language"
                              ? consistent.error().message
                              : o->key + ": " + o->value + " leaves out the default language " +
                                    std::string(languageTag(out.defaultLanguage));
        config.problems.push_back({config.path, o->line, o->key, why + "; the line is ignored"});
        if (key == "kiosk.default_language") out.defaultLanguage = settings.defaultLanguage;
        else out.languages = settings.languages;
        dropOverride(config, key);
    }
    std::stable_sort(config.problems.begin(), config.problems.end(),
              [](const SettingProblem& a, const SettingProblem& b) { return a.line < b.line; });
    return out;
}

} // namespace kiosk
