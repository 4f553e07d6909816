#include "fonts/font_atlas.hpp"

#include <chrono>

#include "text/utf8.hpp"

namespace kiosk::screens {

namespace {

// Noto Sans CJK collection faces: 2 = SC, 3 = TC. Traditional text gets the
// TC face so that characters take their Taiwanese forms.
int faceFor(Language language) { return language == Language::ZhTW ? 3 : 2; }

void addText(std::set<char32_t>& set, std::string_view utf8)
{
    for (char32_t c : decodeUtf8Lossy(utf8))
        if (c >= 0x20) set.insert(c);
}

ImVector<ImWchar> toRanges(const std::set<char32_t>& chars)
{
    ImFontGlyphRangesBuilder builder;
    for (char32_t c : chars)
        if (c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));  // ImGui 1.86 is built with 16-bit ImWchar
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    return ranges;
}

} // namespace

bool isTitleKey(std::string_view key)
{
    return key.starts_with("title.") || key.starts_with("hero.") || key.starts_with("hospital.");
}

FontAtlas::FontAtlas(FontFile file, BorrowedMemory& borrowed, const CatalogSet& catalogs, const GlyphDemand& demand)
    : m_file(std::move(file)), m_borrowed(borrowed), m_catalogs(catalogs), m_demand(demand)
{
    m_borrowed.lend(m_file.data(), m_file.size());
}

FontAtlas::~FontAtlas()
{
    if (ImGui::GetCurrentContext()) ImGui::GetIO().Fonts->Clear();  // frees nothing of the mapping (borrowed)
    m_borrowed.unlend(m_file.data());
}

bool FontAtlas::update(Language language, const Metrics& metrics)
{
    std::uint64_t generation = m_demand.generation();
    bool same = m_built && language == m_language && m_sizes[0] == metrics.bodySize &&
                m_sizes[1] == metrics.titleSize && m_sizes[2] == metrics.clockSize && generation == m_generation;
    if (same) return false;
    build(language, metrics);
    m_generation = generation;
    return true;
}

void FontAtlas::build(Language language, const Metrics& metrics)
{
    auto started = std::chrono::steady_clock::now();
    std::set<char32_t> body;
    std::set<char32_t> title;
    for (char32_t c = 0x20; c < 0x7F; ++c) body.insert(c);
    for (const auto& [key, value] : m_catalogs.catalog(language).entries()) {
        addText(body, value);
        if (isTitleKey(key)) addText(title, value);
    }
    for (Language other : kAllLanguages) addText(body, m_catalogs.text(other, "lang.self"));
    for (char32_t c : m_demand.characters()) {
        body.insert(c);
        title.insert(c);
    }
    for (char32_t c = 0x20; c < 0x7F; ++c) title.insert(c);
    std::set<char32_t> clock;
    addText(clock, "0123456789: ");

    m_ranges[0] = toRanges(body);
    m_ranges[1] = toRanges(title);
    m_ranges[2] = toRanges(clock);

    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const float sizes[3] = {metrics.bodySize, metrics.titleSize, metrics.clockSize};
    for (int i = 0; i < 3; ++i) {
        ImFontConfig config;
        // "Owned" stops ImGui from copying the mapped file; BorrowedMemory
        // stops it from freeing it.
        config.FontDataOwnedByAtlas = true;
        config.FontNo = faceFor(language);
        config.OversampleH = 1;  // CJK at these sizes gains nothing from oversampling; it triples the atlas
        config.OversampleV = 1;
        config.PixelSnapH = true;
        m_fonts[i] = atlas->AddFontFromMemoryTTF(const_cast<void*>(m_file.data()), static_cast<int>(m_file.size()),
                                                 sizes[i], &config, m_ranges[i].Data);
        m_sizes[i] = sizes[i];
    }
    if (!atlas->Build()) {
        // Cannot happen with a font that passed FontFile::map; keep the old glyphs out of use.
        m_built = false;
        return;
    }

    m_body = std::move(body);
    m_language = language;
    m_built = true;
    m_stats.width = atlas->TexWidth;
    m_stats.height = atlas->TexHeight;
    m_stats.glyphs = 0;
    for (ImFont* f : m_fonts) m_stats.glyphs += static_cast<std::size_t>(f->Glyphs.Size);
    ++m_stats.rebuilds;
    m_stats.lastBuildMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

ImFont* FontAtlas::font(FontRole role) const { return m_fonts[static_cast<int>(role)]; }

float FontAtlas::size(FontRole role) const { return m_sizes[static_cast<int>(role)]; }

} // namespace kiosk::screens
