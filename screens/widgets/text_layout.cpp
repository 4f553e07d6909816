#include "widgets/text_layout.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace kiosk::screens {

namespace {

struct Decoded {
    char32_t c;
    std::size_t length;
};

Decoded decodeAt(std::string_view s, std::size_t i)
{
    unsigned int c = 0;
    int n = ImTextCharFromUtf8(&c, s.data() + i, s.data() + s.size());
    return {c, static_cast<std::size_t>(n > 0 ? n : 1)};
}

bool isCjk(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F);
}

// Characters that must not begin a line (a subset of the Chinese kinsoku rules).
bool noLineStart(char32_t c)
{
    switch (c) {
    case U'，': case U'。': case U'、': case U'！': case U'？': case U'：': case U'；': case U'）': case U'」':
    case U'』': case U'》': case U'…': case U'%': case U',': case U'.': case U'!': case U'?': case U':': case U';':
    case U')':
        return true;
    default:
        return false;
    }
}

// Characters that must not end a line.
bool noLineEnd(char32_t c) { return c == U'（' || c == U'「' || c == U'『' || c == U'《' || c == U'('; }

} // namespace

std::vector<std::string_view> breakLines(const ImFont* font, float size, std::string_view text, float width)
{
    std::vector<std::string_view> lines;
    float scale = size / font->FontSize;
    std::size_t lineStart = 0;
    std::size_t lastBreak = std::string_view::npos;  // byte offset where the next line could start
    float lineWidth = 0;
    float widthAtBreak = 0;
    char32_t previous = 0;

    auto emit = [&](std::size_t end, std::size_t next) {
        std::string_view line = text.substr(lineStart, end - lineStart);
        while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
        lines.push_back(line);
        lineStart = next;
        while (lineStart < text.size() && text[lineStart] == ' ') ++lineStart;
    };

    std::size_t i = lineStart;
    while (i < text.size()) {
        Decoded d = decodeAt(text, i);
        if (d.c == '\n') {
            emit(i, i + 1);
            i = lineStart;
            lineWidth = 0;
            lastBreak = std::string_view::npos;
            previous = 0;
            continue;
        }
        bool breakBefore = i > lineStart && !noLineStart(d.c) && !noLineEnd(previous) &&
                           (previous == ' ' || isCjk(d.c) || isCjk(previous));
        if (breakBefore) {
            lastBreak = i;
            widthAtBreak = lineWidth;
        }
        float advance = font->GetCharAdvance(static_cast<ImWchar>(d.c <= 0xFFFF ? d.c : 0xFFFD)) * scale;
        if (lineWidth + advance > width && i > lineStart) {
            if (lastBreak != std::string_view::npos && lastBreak > lineStart) {
                emit(lastBreak, lastBreak);
                lineWidth -= widthAtBreak;
                // Re-measure from the new line start, which may have skipped spaces.
                lineWidth = 0;
                i = lineStart;
                lastBreak = std::string_view::npos;
                previous = 0;
                continue;
            }
            emit(i, i);  // no break opportunity: cut here
            i = lineStart;
            lineWidth = 0;
            lastBreak = std::string_view::npos;
            previous = 0;
            continue;
        }
        lineWidth += advance;
        previous = d.c;
        i += d.length;
    }
    if (lineStart < text.size() || lines.empty()) emit(text.size(), text.size());
    return lines;
}

} // namespace kiosk::screens
