#include "hospital/price_cache.hpp"

#include <algorithm>
#include <cctype>

namespace kiosk::hospital {

namespace {

std::string upper(std::string text)
{
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

Result<void> PriceCache::sync(HospitalBackend& hospital, WallTime now)
{
    auto all = hospital.searchPrices("", kSyncLimit);
    if (!all) return fail("price catalogue not synced: " + all.error().message);
    std::lock_guard lock(m_mutex);
    m_items = std::move(*all);
    m_syncedAt = now;
    return {};
}

bool PriceCache::empty() const
{
    std::lock_guard lock(m_mutex);
    return m_items.empty();
}

std::optional<WallTime> PriceCache::syncedAt() const
{
    std::lock_guard lock(m_mutex);
    return m_syncedAt;
}

std::vector<PriceItem> PriceCache::search(const std::string& query, int limit) const
{
    std::string q = upper(query);
    std::vector<std::pair<int, const PriceItem*>> ranked;
    std::lock_guard lock(m_mutex);
    for (const PriceItem& item : m_items) {
        std::string initials = upper(item.pinyinInitials);
        bool named = item.name.find(query) != std::string::npos;
        int rank = initials == q ? 0 : initials.starts_with(q) ? 1 : named ? 2 : -1;
        if (rank >= 0) ranked.emplace_back(rank, &item);
    }
    // Stable: within a rank the hospital's own order stays.
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<PriceItem> out;
    for (const auto& [rank, item] : ranked) {
        if (static_cast<int>(out.size()) >= limit) break;
        out.push_back(*item);
    }
    return out;
}

BackendResult<std::vector<PriceItem>> CachingHospital::searchPrices(const std::string& query, int limit)
{
    auto live = m_inner.searchPrices(query, limit);
    if (live || live.error().kind != BackendErrorKind::Unreachable || m_prices.empty()) return live;
    return m_prices.search(query, limit);
}

} // namespace kiosk::hospital
