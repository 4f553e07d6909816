#include "flows/prices_flow.hpp"

namespace kiosk::flows {

std::string_view pricesStageName(PricesStage stage)
{
    switch (stage) {
    case PricesStage::Idle: return "idle";
    case PricesStage::Searching: return "searching";
    case PricesStage::Results: return "results";
    case PricesStage::NoResults: return "no-results";
    case PricesStage::Unreachable: return "unreachable";
    }
    return "?";
}

PricesFlow::PricesFlow(FlowContext& context) : m_ctx(context) {}

void PricesFlow::key(char c)
{
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == kKeyClear) {
        if (m_query.empty()) return;
        m_query.clear();
    } else if (c == kKeyBackspace) {
        if (m_query.empty()) return;
        m_query.pop_back();
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        if (m_query.size() >= kMaxQueryLength) return;
        m_query.push_back(c);
    } else {
        return;
    }
    queryChanged();
}

void PricesFlow::queryChanged()
{
    // Whatever is on its way back now answers a query the patient has moved past.
    ++m_generation;
    if (m_query.empty()) {
        m_searchAt.reset();
        m_stage = PricesStage::Idle;
        m_results.clear();
        m_resultsQuery.clear();
        ++m_resultsVersion;
        return;
    }
    m_stage = PricesStage::Searching;
    m_searchAt = m_ctx.clock.now() + kDebounce;
}

void PricesFlow::tick()
{
    if (!m_searchAt || m_ctx.clock.now() < *m_searchAt) return;
    m_searchAt.reset();
    search();
}

void PricesFlow::search()
{
    ++m_searchesSent;
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, query = m_query, generation = m_generation] {
        auto found = hospital.searchPrices(query, kMaxResults);
        post([this, found = std::move(found), query, generation] {
            if (generation != m_generation) return;
            if (!found) {
                // Any failure reads the same to the patient: the price list cannot be
                // reached now. What was found before stays, marked as possibly old.
                m_stage = PricesStage::Unreachable;
                return;
            }
            m_results = *found;
            m_resultsQuery = query;
            ++m_resultsVersion;
            m_stage = m_results.empty() ? PricesStage::NoResults : PricesStage::Results;
        });
    });
}

bool PricesFlow::outdated() const
{
    return !m_results.empty() && (m_resultsQuery != m_query || m_stage == PricesStage::Unreachable);
}

} // namespace kiosk::flows
