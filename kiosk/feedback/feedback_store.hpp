#pragma once
// The one-tap satisfaction rating at the end of a service, kept for the
// hospital to read later (kioskctl feedback summary). Only what the rating
// needs is stored: when, which kiosk, which service, how it ended and the
// number of faces. Nothing that could identify the patient.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk {

struct Rating {
    WallTime at;
    std::string kioskId;
    std::string service;  ///< "registration", "bills", "reports", "prices"
    bool succeeded = true;
    int score = 0;        ///< 1 (very unhappy) … 5 (very happy)
};

struct RatingSummary {
    int count = 0;
    std::array<int, 5> byScore{};  ///< How many gave 1 … 5.
    double average = 0;
};

class FeedbackStore {
public:
    static Result<std::unique_ptr<FeedbackStore>> open(const std::string& path);
    Result<void> add(const Rating& rating);
    /// Ratings from `from` (inclusive) to `to` (exclusive), for one service or all ("").
    Result<RatingSummary> summary(WallTime from, WallTime to, const std::string& service = "");

private:
    explicit FeedbackStore(std::unique_ptr<storage::Database> db) : m_db(std::move(db)) {}
    std::unique_ptr<storage::Database> m_db;
};

} // namespace kiosk
