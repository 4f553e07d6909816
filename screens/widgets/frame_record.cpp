#include "widgets/frame_record.hpp"

namespace kiosk::screens {

void FrameRecord::clear()
{
    m_items.clear();
    m_missing.clear();
    m_overlay = false;
    m_bounds.reset();
}

void FrameRecord::addText(std::string text, ImVec2 min, ImVec2 max)
{
    m_items.push_back({RecordedItem::Kind::Text, {}, std::move(text), min, max, m_overlay, m_bounds});
}

void FrameRecord::addTarget(std::string id, std::string label, ImVec2 min, ImVec2 max)
{
    m_items.push_back({RecordedItem::Kind::Target, std::move(id), std::move(label), min, max, m_overlay, m_bounds});
}

bool FrameRecord::overlayShown() const
{
    for (const auto& item : m_items)
        if (item.onOverlay) return true;
    return false;
}

bool FrameRecord::showsText(std::string_view needle) const
{
    for (const auto& item : m_items)
        if (item.text.find(needle) != std::string::npos) return true;
    return false;
}

const RecordedItem* FrameRecord::findTarget(std::string_view selector) const
{
    bool overlay = overlayShown();
    auto usable = [&](const RecordedItem& i) { return i.kind == RecordedItem::Kind::Target && i.onOverlay == overlay; };
    if (selector.starts_with('#')) {
        std::string_view id = selector.substr(1);
        // "#choice-*": the first target, in drawing order, whose id starts so;
        // for "the first doctor offered" whoever that is today.
        bool prefix = id.ends_with('*');
        if (prefix) id.remove_suffix(1);
        for (const auto& item : m_items)
            if (usable(item) && (prefix ? item.id.starts_with(id) : item.id == id)) return &item;
        return nullptr;
    }
    for (const auto& item : m_items)
        if (usable(item) && item.text == selector) return &item;
    for (const auto& item : m_items)
        if (usable(item) && item.text.find(selector) != std::string::npos) return &item;
    return nullptr;
}

} // namespace kiosk::screens
