#include "i18n/catalog.hpp"

#include <fstream>
#include <sstream>

#include "text/utf8.hpp"

namespace kiosk {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool validKey(std::string_view key)
{
    if (key.empty()) return false;
    for (char c : key) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

Result<std::string> unescape(std::string_view value)
{
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '\\') {
            out.push_back(value[i]);
            continue;
        }
        if (i + 1 >= value.size()) return fail("a value ends with a lone backslash");
        char next = value[++i];
        if (next == 'n') out.push_back('\n');
        else if (next == '\\') out.push_back('\\');
        else return fail(std::string("unknown escape '\\") + next + "' (use \\n or \\\\)");
    }
    return out;
}

} // namespace

Result<Catalog> Catalog::parse(std::string_view text, std::string_view fileName)
{
    Catalog catalog;
    std::map<std::string, int, std::less<>> firstLine;
    int lineNo = 0;
    std::size_t pos = 0;
    auto where = [&](int line) { return std::string(fileName) + ":" + std::to_string(line) + ": "; };

    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(pos, end - pos);
        ++lineNo;
        pos = end + 1;

        Utf8Error bad;
        if (!decodeUtf8(raw, &bad))
            return fail(where(lineNo) + "invalid UTF-8 at column " + std::to_string(bad.offset + 1) +
                        " (save the file as UTF-8)");
        std::string_view line = trim(raw);
        if (lineNo == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
        if (line.empty() || line.front() == '#') {
            if (end == text.size()) break;
            continue;
        }
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos)
            return fail(where(lineNo) + "expected 'key = value', found no '='");
        std::string_view key = trim(line.substr(0, eq));
        std::string_view value = trim(line.substr(eq + 1));
        if (!validKey(key))
            return fail(where(lineNo) + "key '" + std::string(key) +
                        "' is not valid (use lower-case letters, digits, '.', '_' and '-')");
        if (value.empty()) return fail(where(lineNo) + "key '" + std::string(key) + "' has an empty value");
        if (auto it = firstLine.find(key); it != firstLine.end())
            return fail(where(lineNo) + "duplicate key '" + std::string(key) + "' (first defined on line " +
                        std::to_string(it->second) + ")");
        auto unescaped = unescape(value);
        if (!unescaped) return fail(where(lineNo) + unescaped.error().message);
        firstLine.emplace(std::string(key), lineNo);
        catalog.m_entries.emplace(std::string(key), std::move(*unescaped));
        if (end == text.size()) break;
    }
    if (catalog.m_entries.empty()) return fail(std::string(fileName) + ": the catalog has no entries");
    return catalog;
}

Result<Catalog> Catalog::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(path + ": cannot open the catalog file (is --assets pointing at the assets folder?)");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), path);
}

const std::string* Catalog::find(std::string_view key) const
{
    auto it = m_entries.find(key);
    return it == m_entries.end() ? nullptr : &it->second;
}

CatalogSet::CatalogSet(CatalogSet&& other) noexcept
    : m_catalogs(std::move(other.m_catalogs)), m_missing(other.m_missing.load()),
      m_missingKeys(std::move(other.m_missingKeys))
{
}

CatalogSet& CatalogSet::operator=(CatalogSet&& other) noexcept
{
    m_catalogs = std::move(other.m_catalogs);
    m_missing = other.m_missing.load();
    m_missingKeys = std::move(other.m_missingKeys);
    return *this;
}

Result<CatalogSet> CatalogSet::fromCatalogs(std::vector<std::pair<Language, Catalog>> catalogs)
{
    CatalogSet set;
    for (auto& [language, catalog] : catalogs) set.m_catalogs.emplace(language, std::move(catalog));
    for (Language l : kAllLanguages)
        if (!set.m_catalogs.contains(l)) return fail("no catalog for " + std::string(languageTag(l)));

    // Every language must carry every key: a gap is a load error naming both.
    const Catalog& reference = set.m_catalogs.at(Language::ZhCN);
    for (Language l : kAllLanguages) {
        const Catalog& other = set.m_catalogs.at(l);
        for (const auto& [key, value] : reference.entries())
            if (!other.find(key))
                return fail(std::string(languageTag(l)) + ".catalog: missing key '" + key +
                            "' (present in zh-CN.catalog)");
        for (const auto& [key, value] : other.entries())
            if (!reference.find(key))
                return fail("zh-CN.catalog: missing key '" + key + "' (present in " +
                            std::string(languageTag(l)) + ".catalog)");
    }
    return set;
}

Result<CatalogSet> CatalogSet::load(const std::string& i18nDir)
{
    std::vector<std::pair<Language, Catalog>> catalogs;
    for (Language l : kAllLanguages) {
        auto catalog = Catalog::load(i18nDir + "/" + std::string(languageTag(l)) + ".catalog");
        if (!catalog) return std::unexpected(catalog.error());
        catalogs.emplace_back(l, std::move(*catalog));
    }
    return fromCatalogs(std::move(catalogs));
}

const Catalog& CatalogSet::catalog(Language language) const { return m_catalogs.at(language); }

std::string CatalogSet::text(Language language, std::string_view key) const
{
    auto it = m_catalogs.find(language);
    if (it != m_catalogs.end())
        if (const std::string* value = it->second.find(key)) return *value;
    ++m_missing;
    {
        std::lock_guard lock(m_missingMutex);
        m_missingKeys.emplace(key);
    }
    return "\u27E6" + std::string(key) + "\u27E7";
}

std::string CatalogSet::format(Language language, std::string_view key, const TextArgs& args) const
{
    return substitute(text(language, key), args);
}

std::vector<std::string> CatalogSet::missingKeys() const
{
    std::lock_guard lock(m_missingMutex);
    return {m_missingKeys.begin(), m_missingKeys.end()};
}

std::string substitute(std::string_view pattern, const TextArgs& args)
{
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            std::size_t close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                std::string_view name = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [argName, value] : args)
                    if (argName == name) {
                        out += value;
                        replaced = true;
                        break;
                    }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push_back(pattern[i++]);
    }
    return out;
}

} // namespace kiosk
