#pragma once
// Pieces every query of the demo hospital shares: storage errors turned into
// BackendErrors, statements prepared with their parameters bound in one call,
// counters for new ids, the text forms of enums in the database, and the one
// place where a slot's live remaining quota is computed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hospital/hospital_backend.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::hospital::demo {

/// A storage failure reaches the kiosk as "the hospital did not answer properly": the call may be retried.
inline BackendError asBackendError(const Error& error)
{
    return BackendError{BackendErrorKind::Unreachable, "demo hospital database: " + error.message};
}
inline BackendError asBackendError(BackendError error) { return error; }

} // namespace kiosk::hospital::demo

// Like KIOSK_TRY, for functions that return a BackendResult: evaluates to the value of a Result<T> or
// BackendResult<T>, or returns its error as a BackendError.
#define DEMO_TRY(expr)                                                                                                 \
    __extension__({                                                                                                    \
        auto _demo_try_result = (expr);                                                                                \
        if (!_demo_try_result)                                                                                         \
            return std::unexpected(::kiosk::hospital::demo::asBackendError(std::move(_demo_try_result.error())));      \
        std::move(*_demo_try_result);                                                                                  \
    })

#define DEMO_TRY_VOID(expr)                                                                                            \
    do {                                                                                                               \
        auto _demo_try_result = (expr);                                                                                \
        if (!_demo_try_result)                                                                                         \
            return std::unexpected(::kiosk::hospital::demo::asBackendError(std::move(_demo_try_result.error())));      \
    } while (0)

namespace kiosk::hospital::demo {

/// Prepares `sql` and binds the arguments to ?1, ?2, … in order.
template <class... Args>
Result<storage::Statement> prepareWith(storage::Database& db, std::string_view sql, const Args&... args)
{
    storage::Statement statement = KIOSK_TRY(db.prepare(sql));
    int index = 0;
    (statement.bind(++index, args), ...);
    return statement;
}

/// Steps through every row, calling onRow(statement) for each.
template <class OnRow>
Result<void> forEachRow(storage::Statement& statement, OnRow&& onRow)
{
    for (;;) {
        if (KIOSK_TRY(statement.step()) == storage::Step::Done) return {};
        onRow(static_cast<const storage::Statement&>(statement));
    }
}

/// The first column of the first row as an integer, if there is a row.
Result<std::optional<std::int64_t>> firstInteger(storage::Statement& statement);

/// The next value of a named counter; the first call returns `first`.
Result<std::int64_t> nextCounter(storage::Database& db, std::string_view name, std::int64_t first);
/// "H" + 00000042 for numberedId("H", 42, 8).
std::string numberedId(std::string_view prefix, std::int64_t number, int digits);

/// Upper-case ASCII letters; ID numbers end in 'X' as printed, whatever a keypad or reader delivered.
std::string upperAscii(std::string_view text);
/// The text with LIKE's wildcards and the escape character escaped with '\', so that it matches literally.
std::string escapeLike(std::string_view text);

std::string_view sexCode(Sex sex);
Sex sexFromCode(std::string_view code);
std::string_view appointmentStatusCode(AppointmentStatus status);
std::optional<AppointmentStatus> appointmentStatusFromCode(std::string_view code);
std::string_view orderKindCode(OrderKind kind);
std::optional<OrderKind> orderKindFromCode(std::string_view code);
std::string_view reportKindCode(ReportKind kind);
std::optional<ReportKind> reportKindFromCode(std::string_view code);
std::string_view reportStatusCode(ReportStatus status);
std::optional<ReportStatus> reportStatusFromCode(std::string_view code);
std::optional<ResultFlag> resultFlagFromCode(std::string_view code);

// Hold states in the database. A hold in state "held" is live until expires_at; after that it no longer
// reserves its place, although its state stays "held" (expiry is a matter of the clock, not of a write).
inline constexpr std::string_view kHoldHeld = "held";
/// Slots this large keep one place for patients aged 65 and over.
inline constexpr int kElderPriorityMinCapacity = 4;
inline constexpr int kElderAge = 65;
inline constexpr std::string_view kHoldBooked = "booked";
inline constexpr std::string_view kHoldReleased = "released";
inline constexpr std::string_view kHoldTaken = "taken";  // its place was given away (takeRemainingPlaces)

/// The columns of a slot `s` with its live remaining quota. ?1 must be bound to the current time in seconds,
/// because live holds are those that have not expired yet.
std::string slotColumns();
/// "SELECT <slot columns> FROM slots s".
std::string slotSelect();
inline constexpr int kSlotColumnCount = 11;
/// Reads the kSlotColumnCount columns that start at `first`.
Slot readSlot(const storage::Statement& row, int first);

/// "SELECT <appointment columns>, <slot columns> FROM appointments a JOIN slots s …"; ?1 is the current time.
std::string appointmentSelect();
Appointment readAppointment(const storage::Statement& row);

} // namespace kiosk::hospital::demo
