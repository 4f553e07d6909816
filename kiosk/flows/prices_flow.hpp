#pragma once
// Price lookup (价格查询) as a state machine: anyone, identified or not, types
// pinyin initials or digits on the keypad and sees matching entries of the
// hospital's price list. The search runs a moment after the last key rather
// than on every key, and only the answer to the latest query is ever shown.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "flows/flow_context.hpp"
#include "hospital/hospital_types.hpp"

namespace kiosk::flows {

enum class PricesStage {
    Idle,       ///< Nothing typed: the screen shows how to search.
    Searching,  ///< A query waits for its debounce or for the hospital's answer.
    Results,
    NoResults,
    Unreachable,  ///< The hospital did not answer; earlier results, if any, stay (outdated()).
};

std::string_view pricesStageName(PricesStage stage);

/// Keys the keypad sends besides letters and digits.
inline constexpr char kKeyBackspace = '\b';
inline constexpr char kKeyClear = 0x18;  // ASCII CAN

class PricesFlow {
public:
    /// Enough for a screenful or two; a longer list means the query should be longer.
    static constexpr int kMaxResults = 50;
    /// The longest pinyin initials in a price list are about a dozen letters.
    static constexpr std::size_t kMaxQueryLength = 16;
    /// Time after the last key before the search goes out: one query per word, not per key.
    static constexpr std::chrono::milliseconds kDebounce{300};

    explicit PricesFlow(FlowContext& context);

    /// A key from the keypad: 'A'–'Z' (lower case is taken as upper), '0'–'9', kKeyBackspace or kKeyClear.
    void key(char c);
    /// Sends the search once the debounce has passed.
    void tick();
    std::optional<Instant> nextDeadline() const { return m_searchAt; }

    PricesStage stage() const { return m_stage; }
    const std::string& query() const { return m_query; }
    /// The items shown: the latest answer, or an earlier one while searching or unreachable.
    const std::vector<hospital::PriceItem>& results() const { return m_results; }
    /// The query `results()` answer.
    const std::string& resultsQuery() const { return m_resultsQuery; }
    /// The results shown do not answer the current query, or could not be refreshed.
    bool outdated() const;
    /// Changes whenever results() is replaced (a list starts again on its first page).
    std::uint64_t resultsVersion() const { return m_resultsVersion; }
    /// How many searches went to the hospital (for tests of the debounce).
    int searchesSent() const { return m_searchesSent; }

private:
    void queryChanged();
    void search();

    FlowContext& m_ctx;
    PricesStage m_stage = PricesStage::Idle;
    std::string m_query;
    std::optional<Instant> m_searchAt;
    /// Counts query changes; an answer for an older generation is stale and dropped.
    std::uint64_t m_generation = 0;
    std::vector<hospital::PriceItem> m_results;
    std::string m_resultsQuery;
    std::uint64_t m_resultsVersion = 0;
    int m_searchesSent = 0;
};

} // namespace kiosk::flows
