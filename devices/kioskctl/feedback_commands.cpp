// kioskctl feedback summary: what patients said with the five faces, for the
// hospital's service office.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "feedback/feedback_store.hpp"
#include "kioskctl/commands.hpp"

namespace kiosk::ctl {

namespace {
/// Midnight local time `daysAgo` days before today.
WallTime localMidnight(int daysAgo)
{
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    local.tm_mday -= daysAgo;
    local.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&local));
}
} // namespace

int feedbackSummary(Args args)
{
    std::string dataDir = "/var/lib/kiosk";
    std::string days = "1";
    std::string service;
    takeOption(args, "--data-dir", dataDir);
    takeOption(args, "--days", days);
    takeOption(args, "--service", service);
    if (!args.empty()) return failWith("unexpected argument '" + args[0] + "' (see kioskctl help)");
    int n = 0;
    try {
        n = std::stoi(days);
    } catch (...) {
        n = 0;
    }
    if (n < 1 || n > 3660) return failWith("--days takes a whole number of days from 1, got '" + days + "'");
    std::string path = dataDir + "/feedback.db";
    if (!std::filesystem::exists(path)) return failWith("no ratings at " + path + " (is --data-dir right?)");
    auto store = FeedbackStore::open(path);
    if (!store) return failWith(store.error().message);
    auto summary = (*store)->summary(localMidnight(n - 1), std::chrono::system_clock::now() + std::chrono::hours(1),
                                     service);
    if (!summary) return failWith(summary.error().message);
    std::printf("ratings over the last %d day(s)%s%s: %d\n", n, service.empty() ? "" : " for ", service.c_str(),
                summary->count);
    static constexpr const char* kNames[] = {"very bad", "bad", "ok", "good", "very good"};
    for (int score = 5; score >= 1; --score)
        std::printf("  %d %-10s %d\n", score, kNames[score - 1], summary->byScore[static_cast<std::size_t>(score - 1)]);
    if (summary->count > 0) std::printf("average %.2f of 5\n", summary->average);
    return 0;
}

} // namespace kiosk::ctl
