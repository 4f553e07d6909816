#pragma once
// Every string a patient sees or hears comes from a catalog in assets/i18n.
// A catalog file is UTF-8 text, one `key = value` per line, `#` starts a
// comment line, `\n` in a value is a line break and `{name}` a placeholder.
#include <atomic>
#include <cstddef>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "i18n/language.hpp"

namespace kiosk {

/// One language's strings.
class Catalog {
public:
    /// Parses catalog text; errors name the file and line ("en.catalog:12: …").
    static Result<Catalog> parse(std::string_view text, std::string_view fileName);
    static Result<Catalog> load(const std::string& path);

    const std::string* find(std::string_view key) const;
    const std::map<std::string, std::string, std::less<>>& entries() const { return m_entries; }

private:
    std::map<std::string, std::string, std::less<>> m_entries;
};

using TextArgs = std::vector<std::pair<std::string_view, std::string>>;

/// The three catalogs, checked against each other at load: a key present in
/// one language and missing in another is an error, not blank text later.
class CatalogSet {
public:
    static Result<CatalogSet> load(const std::string& i18nDir);
    static Result<CatalogSet> fromCatalogs(std::vector<std::pair<Language, Catalog>> catalogs);

    /// The text for `key`; a missing key yields a visible "⟦key⟧" and is
    /// counted, so scenarios and tests fail on it.
    std::string text(Language language, std::string_view key) const;
    /// Like text(), with `{name}` placeholders replaced from args.
    std::string format(Language language, std::string_view key, const TextArgs& args) const;

    const Catalog& catalog(Language language) const;
    std::size_t missingLookups() const { return m_missing.load(); }
    std::vector<std::string> missingKeys() const;

private:
    std::map<Language, Catalog> m_catalogs;
    mutable std::atomic<std::size_t> m_missing{0};
    mutable std::mutex m_missingMutex;
    mutable std::set<std::string> m_missingKeys;

public:
    CatalogSet() = default;
    CatalogSet(CatalogSet&& other) noexcept;
    CatalogSet& operator=(CatalogSet&& other) noexcept;
};

/// Replaces `{name}` placeholders; unknown placeholders are left as they are.
std::string substitute(std::string_view pattern, const TextArgs& args);

} // namespace kiosk
