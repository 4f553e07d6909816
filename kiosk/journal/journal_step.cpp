#include "journal/journal_step.hpp"

#include <array>
#include <utility>

namespace kiosk::journal {

namespace {

constexpr std::array kStepNames{
    std::pair{Step::Intent, std::string_view("intent")},
    std::pair{Step::OrderCreated, std::string_view("order-created")},
    std::pair{Step::Paid, std::string_view("paid")},
    std::pair{Step::Booked, std::string_view("booked")},
    std::pair{Step::Settled, std::string_view("settled")},
    std::pair{Step::Printed, std::string_view("printed")},
    std::pair{Step::PrintFailed, std::string_view("print-failed")},
    std::pair{Step::Declined, std::string_view("declined")},
    std::pair{Step::Closed, std::string_view("closed")},
    std::pair{Step::Refunding, std::string_view("refunding")},
    std::pair{Step::Refunded, std::string_view("refunded")},
    std::pair{Step::RefundFailed, std::string_view("refund-failed")},
    std::pair{Step::NeedsStaff, std::string_view("needs-staff")},
};

// Whether `to` may follow `from`, ignoring the kind and NeedsStaff.
bool follows(Step from, Step to)
{
    switch (to) {
    // A second OrderCreated is the payment-code order opened next to the QR order.
    case Step::OrderCreated: return from == Step::Intent || from == Step::OrderCreated;
    // A payment code can be charged without a QR order having been recorded first.
    case Step::Paid: return from == Step::Intent || from == Step::OrderCreated;
    case Step::Booked:
    case Step::Settled: return from == Step::Paid;
    case Step::Printed:
    case Step::PrintFailed: return from == Step::Booked || from == Step::Settled;
    case Step::Declined:
    case Step::Closed: return from == Step::Intent || from == Step::OrderCreated;
    // A failed refund is retried under the same refund number.
    case Step::Refunding: return from == Step::Paid || from == Step::RefundFailed;
    case Step::Refunded:
    case Step::RefundFailed: return from == Step::Refunding;
    case Step::Intent:
    case Step::NeedsStaff: return false;
    }
    return false;
}

} // namespace

std::string_view kindName(TransactionKind kind)
{
    return kind == TransactionKind::Registration ? "registration" : "bills";
}

std::optional<TransactionKind> parseKind(std::string_view name)
{
    if (name == "registration") return TransactionKind::Registration;
    if (name == "bills") return TransactionKind::Bills;
    return std::nullopt;
}

std::string_view stepName(Step step)
{
    for (const auto& [s, name] : kStepNames)
        if (s == step) return name;
    return "unknown";
}

std::optional<Step> parseStep(std::string_view name)
{
    for (const auto& [s, n] : kStepNames)
        if (n == name) return s;
    return std::nullopt;
}

bool isFinal(Step step)
{
    switch (step) {
    case Step::Printed:
    case Step::PrintFailed:
    case Step::Declined:
    case Step::Closed:
    case Step::Refunded:
    case Step::NeedsStaff: return true;
    default: return false;
    }
}

Result<void> checkTransition(TransactionKind kind, Step from, Step to)
{
    auto refuse = [&](std::string why) {
        return fail("journal: '" + std::string(stepName(to)) + "' cannot follow '" + std::string(stepName(from)) +
                    "': " + why);
    };
    if (to == Step::Booked && kind != TransactionKind::Registration)
        return refuse("only a registration is booked");
    if (to == Step::Settled && kind != TransactionKind::Bills) return refuse("only bills are settled");
    // Staff may be called on at any point, even after a final step that
    // turns out wrong (a refund the channel later reverses, say).
    if (to == Step::NeedsStaff) {
        if (from == Step::NeedsStaff) return refuse("the transaction is already with staff");
        return {};
    }
    if (isFinal(from)) return refuse("the transaction is finished");
    if (!follows(from, to)) return refuse("steps only move forward");
    return {};
}

} // namespace kiosk::journal
