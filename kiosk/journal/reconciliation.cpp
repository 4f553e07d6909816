#include "journal/reconciliation.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "journal/journal_csv.hpp"

namespace kiosk::journal {

namespace {

using payment::PaymentState;
using payment::StatementLine;

bool reached(const JournalEntry& entry, Step step)
{
    return std::find(entry.steps.begin(), entry.steps.end(), step) != entry.steps.end();
}

bool isRegistration(const JournalEntry& entry) { return entry.record.kind == TransactionKind::Registration; }

bool serviceGiven(const JournalEntry& entry) { return reached(entry, Step::Booked) || reached(entry, Step::Settled); }

bool moneyTaken(const StatementLine& line)
{
    return line.state == PaymentState::Paid || line.state == PaymentState::Refunded || line.refunded > 0;
}

bool refundedAtChannel(const StatementLine& line) { return line.state == PaymentState::Refunded || line.refunded > 0; }

std::string yuan(payment::Fen fen) { return formatYuan(fen) + " yuan"; }

std::string quoted(Step step) { return "'" + std::string(stepName(step)) + "'"; }

std::string dayText(CivilDate day)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", day.year, day.month, day.day);
    return text;
}

std::string stateWords(PaymentState state)
{
    switch (state) {
    case PaymentState::NotPaid: return "not paid";
    case PaymentState::UserPaying: return "still waiting for the patient";
    case PaymentState::Paid: return "paid";
    case PaymentState::Declined: return "declined";
    case PaymentState::Closed: return "closed unpaid";
    case PaymentState::Refunded: return "refunded";
    }
    return "in an unknown state";
}

/// The order the journal counts as paid: the paid order once known, the order it opened before that.
std::string paidOrderOf(const TransactionRecord& r)
{
    if (!r.paidOrderNo.empty()) return r.paidOrderNo;
    return r.orderNo.empty() ? r.id : r.orderNo;
}

StatementLine lineOf(const payment::PaymentStatus& status)
{
    StatementLine line{status.orderNo, status.state, status.channel, status.amount, status.transactionId, 0,
                       status.paidAt};
    // A query does not say how much went back; refunds are always in full.
    if (status.state == PaymentState::Refunded) line.refunded = status.amount;
    return line;
}

// What one side knows of one thing: known and there, known and absent, or not known (no answer).
struct Lookup {
    bool known = false;
    std::optional<StatementLine> line;
};

class Reconciler {
public:
    Reconciler(const ReconcileInput& input, payment::PaymentGateway& gateway, hospital::HospitalBackend& hospital)
        : m_input(input), m_gateway(gateway), m_hospital(hospital)
    {
    }

    Reconciliation run()
    {
        readStatement();
        std::vector<JournalEntry> entries = m_input.transactions;
        std::set<std::string> journaled;
        for (const JournalEntry& e : entries) journaled.insert(e.record.id);
        if (m_channelKnown) claimStatementLines(entries, journaled);
        for (const JournalEntry& e : entries) {
            if (m_channelKnown) checkChannel(e);
            checkHospital(e);
            checkUnfinished(e);
        }
        if (!m_hospitalDown.empty())
            m_out.unchecked.push_back("the hospital did not answer (" + m_hospitalDown + "): " +
                                      std::to_string(m_hospitalSkipped) +
                                      " transaction(s) were not compared with the hospital's records");
        m_out.transactions = static_cast<int>(entries.size());
        return std::move(m_out);
    }

private:
    void add(MismatchKind kind, const std::string& id, const std::string& orderNo, std::string text)
    {
        m_out.mismatches.push_back(Mismatch{kind, id, orderNo, std::move(text)});
    }

    void readStatement()
    {
        auto statement = m_gateway.dailyStatement(m_input.day);
        if (!statement) {
            m_out.unchecked.push_back("the payment channel's statement for " + dayText(m_input.day) +
                                      " could not be read (" + statement.error().message +
                                      "): nothing was compared with the channel");
            return;
        }
        m_channelKnown = true;
        m_out.channelOrders = static_cast<int>(statement->size());
        for (StatementLine& line : *statement) {
            m_statementOrder.push_back(line.orderNo);
            m_statement.emplace(line.orderNo, std::move(line));
        }
    }

    // Every order on the statement that took money must belong to a journal transaction: of this day, or
    // (an order opened just before midnight) of another one, which is then compared too.
    void claimStatementLines(std::vector<JournalEntry>& entries, std::set<std::string>& journaled)
    {
        for (const std::string& orderNo : m_statementOrder) {
            const StatementLine& line = m_statement.at(orderNo);
            std::string id = transactionIdOfOrder(orderNo);
            if (journaled.contains(id) || !moneyTaken(line)) continue;
            if (m_input.findElsewhere) {
                auto found = m_input.findElsewhere(id);
                if (!found) {
                    m_out.unchecked.push_back("order " + orderNo + " could not be looked up in the journal (" +
                                              found.error().message + ")");
                    continue;
                }
                if (*found) {
                    journaled.insert(id);
                    entries.push_back(std::move(**found));
                    continue;
                }
            }
            std::string text = id + ": the channel took " + yuan(line.amount) + " on order " + orderNo +
                               " (channel transaction " + line.transactionId +
                               ") but the journal has no such transaction: money the kiosk does not know about";
            if (refundedAtChannel(line))
                text += "; the channel has since refunded " + yuan(line.refunded);
            else
                text += "; find the patient by the channel transaction and book or refund by hand";
            add(MismatchKind::ChannelPaymentNotJournaled, id, orderNo, std::move(text));
        }
    }

    // The statement's line for an order, or the channel's answer to a query for one the statement does not
    // list (it was opened on another day).
    Lookup channelLine(const std::string& orderNo)
    {
        if (auto it = m_statement.find(orderNo); it != m_statement.end()) return {true, it->second};
        auto status = m_gateway.query(orderNo);
        if (status) return {true, lineOf(*status)};
        if (status.error().kind == payment::GatewayErrorKind::NotFound) return {true, std::nullopt};
        m_out.unchecked.push_back("the channel did not answer a query for order " + orderNo + " (" +
                                  status.error().message + ")");
        return {};
    }

    void checkChannel(const JournalEntry& e)
    {
        const TransactionRecord& r = e.record;
        // The orders the transaction may have opened: the QR order, the payment-code order, and whatever the
        // journal names. Orders off the statement are only asked about if the journal says one was opened.
        std::vector<std::string> orders{r.id, r.id + "C"};
        for (const std::string& named : {r.orderNo, r.paidOrderNo})
            if (!named.empty() && std::find(orders.begin(), orders.end(), named) == orders.end())
                orders.push_back(named);
        bool opened = reached(e, Step::OrderCreated) || reached(e, Step::Paid);
        bool paid = reached(e, Step::Paid);
        std::string paidOrder = paidOrderOf(r);
        std::map<std::string, Lookup> seen;
        for (const std::string& orderNo : orders) {
            bool named = orderNo == r.orderNo || orderNo == r.paidOrderNo;
            if (m_statement.contains(orderNo) || (opened && named) || (paid && orderNo == paidOrder))
                seen[orderNo] = channelLine(orderNo);
        }
        if (paid) checkPaidOrder(e, paidOrder, seen[paidOrder]);
        for (const auto& [orderNo, lookup] : seen) {
            if (!lookup.known || !lookup.line || !moneyTaken(*lookup.line)) continue;
            if (paid && orderNo == paidOrder) continue;
            const StatementLine& line = *lookup.line;
            std::string since = refundedAtChannel(line) ? " (since refunded " + yuan(line.refunded) + ")" : "";
            if (paid) {
                add(MismatchKind::SecondPayment, r.id, orderNo,
                    r.id + ": the channel took " + yuan(line.amount) + " on order " + orderNo + since +
                        " besides the paid order " + paidOrder + ": a double charge; refund order " + orderNo);
                continue;
            }
            bool toldNothingTaken = r.lastStep == Step::Closed || r.lastStep == Step::Declined;
            add(MismatchKind::PaidButJournalNotPaid, r.id, orderNo,
                r.id + ": the channel took " + yuan(line.amount) + " on order " + orderNo + " (channel transaction " +
                    line.transactionId + ")" + since + " but the journal says " + quoted(r.lastStep) +
                    (toldNothingTaken ? ", so the patient was told nothing was taken"
                                      : " and never learned of the payment") +
                    ": book the service or refund the money");
        }
    }

    void checkPaidOrder(const JournalEntry& e, const std::string& orderNo, const Lookup& lookup)
    {
        const TransactionRecord& r = e.record;
        if (!lookup.known) return;
        if (!lookup.line || !moneyTaken(*lookup.line)) {
            std::string channelSays =
                lookup.line ? "shows the order " + stateWords(lookup.line->state) : "has no such order";
            add(MismatchKind::ChannelPaymentMissing, r.id, orderNo,
                r.id + ": the journal says " + yuan(r.amountFen) + " was paid on order " + orderNo +
                    ", but the channel " + channelSays +
                    ": the kiosk may have given a service nobody paid for; check the channel's records");
            return;
        }
        const StatementLine& line = *lookup.line;
        if (line.amount != r.amountFen)
            add(MismatchKind::AmountDiffers, r.id, orderNo,
                r.id + ": the journal has " + yuan(r.amountFen) + " but the channel took " + yuan(line.amount) +
                    " on order " + orderNo + ": the channel's amount is what the patient paid");
        bool journalRefunded = reached(e, Step::Refunded);
        if (journalRefunded && !refundedAtChannel(line))
            add(MismatchKind::RefundNotAtChannel, r.id, orderNo,
                r.id + ": the journal says order " + orderNo + " was refunded, but the channel shows it " +
                    stateWords(line.state) + " with nothing refunded: the patient may not have their " +
                    yuan(line.amount) + " back; refund it at the channel");
        if (!journalRefunded && refundedAtChannel(line))
            add(MismatchKind::RefundNotJournaled, r.id, orderNo,
                r.id + ": the channel refunded " + yuan(line.refunded) + " on order " + orderNo +
                    " but the journal never recorded a refund (last step " + quoted(r.lastStep) + ")" +
                    (serviceGiven(e) ? ": the patient has both the service and the money back" : ""));
    }

    void checkHospital(const JournalEntry& e)
    {
        if (!m_hospitalDown.empty()) {
            ++m_hospitalSkipped;
            return;
        }
        const TransactionRecord& r = e.record;
        bool registration = isRegistration(e);
        std::string key = r.id + (registration ? "-B" : "-S");
        std::string what = registration ? "booking" : "invoice";
        std::optional<std::string> reference;  // The hospital's id, if it has the booking or invoice.
        bool cancelled = false;
        std::optional<hospital::Fen> invoiceTotal;
        hospital::BackendError error;
        if (registration) {
            auto found = m_hospital.appointmentByKey(key);
            if (found) {
                reference = found->id;
                cancelled = found->status == hospital::AppointmentStatus::Cancelled;
            } else {
                error = found.error();
            }
        } else {
            auto found = m_hospital.invoiceByKey(key);
            if (found) {
                reference = found->id;
                invoiceTotal = found->total;
            } else {
                error = found.error();
            }
        }
        if (!reference && error.kind == hospital::BackendErrorKind::Unreachable) {
            // One unanswered call is enough: the rest would each wait for the same timeout.
            m_hospitalDown = error.message;
            ++m_hospitalSkipped;
            return;
        }
        if (!reference && error.kind != hospital::BackendErrorKind::NotFound) {
            m_out.unchecked.push_back("the hospital's answer for key " + key + " was not usable (" + error.message +
                                      ")");
            return;
        }
        bool journalGave = serviceGiven(e);
        std::string done = registration ? "booked" : "settled";
        if (journalGave && !reference)
            add(MismatchKind::NotAtHospital, r.id, paidOrderOf(r),
                r.id + ": the journal says " + done +
                    (r.hospitalReference.empty() ? "" : " (" + r.hospitalReference + ")") +
                    " but the hospital has no " + what + " under key " + key + ": the patient paid " +
                    yuan(r.amountFen) + " for a service the hospital does not know; " +
                    (registration ? "book it at the window" : "settle the bills at the window") + " or refund");
        if (!journalGave && reference && !cancelled) {
            bool refunded = reached(e, Step::Refunded);
            add(MismatchKind::HospitalNotJournaled, r.id, paidOrderOf(r),
                r.id + ": the hospital has " + what + " " + *reference + " under key " + key +
                    " but the journal stopped at " + quoted(r.lastStep) + " without recording it" +
                    (refunded ? ": the patient was refunded and still has the " +
                                    std::string(registration ? "booking" : "bills marked paid")
                              : ": complete the journal's record or undo the " + what));
        }
        if (invoiceTotal && *invoiceTotal != r.amountFen)
            add(MismatchKind::HospitalAmountDiffers, r.id, paidOrderOf(r),
                r.id + ": the hospital's invoice " + *reference + " is for " + yuan(*invoiceTotal) +
                    " but the journal's payment is " + yuan(r.amountFen));
    }

    void checkUnfinished(const JournalEntry& e)
    {
        if (!reached(e, Step::Paid) || serviceGiven(e) || reached(e, Step::Refunded)) return;
        const TransactionRecord& r = e.record;
        std::string given = isRegistration(e) ? "booked" : "settled";
        add(MismatchKind::Unfinished, r.id, paidOrderOf(r),
            r.id + ": paid " + yuan(r.amountFen) + " on order " + paidOrderOf(r) + " but neither " + given +
                " nor refunded in the journal (last step " + quoted(r.lastStep) +
                "): book the service or give the money back");
    }

    const ReconcileInput& m_input;
    payment::PaymentGateway& m_gateway;
    hospital::HospitalBackend& m_hospital;
    Reconciliation m_out;
    bool m_channelKnown = false;
    std::map<std::string, StatementLine> m_statement;
    std::vector<std::string> m_statementOrder;  // The statement's own order, for output that reads like it.
    std::string m_hospitalDown;                 // Why the hospital is taken as down; empty while it answers.
    int m_hospitalSkipped = 0;
};

Result<JournalEntry> entryOf(Journal& journal, TransactionRecord record)
{
    auto history = KIOSK_TRY(journal.history(record.id));
    JournalEntry entry{std::move(record), {}};
    for (const StepRow& row : history) entry.steps.push_back(row.step);
    return entry;
}

} // namespace

std::string_view mismatchKindName(MismatchKind kind)
{
    switch (kind) {
    case MismatchKind::ChannelPaymentNotJournaled: return "channel-payment-not-journaled";
    case MismatchKind::ChannelPaymentMissing: return "channel-payment-missing";
    case MismatchKind::AmountDiffers: return "amount-differs";
    case MismatchKind::PaidButJournalNotPaid: return "paid-but-journal-not-paid";
    case MismatchKind::SecondPayment: return "second-payment";
    case MismatchKind::NotAtHospital: return "not-at-hospital";
    case MismatchKind::HospitalNotJournaled: return "hospital-not-journaled";
    case MismatchKind::HospitalAmountDiffers: return "hospital-amount-differs";
    case MismatchKind::RefundNotAtChannel: return "refund-not-at-channel";
    case MismatchKind::RefundNotJournaled: return "refund-not-journaled";
    case MismatchKind::Unfinished: return "unfinished";
    }
    return "unknown";
}

std::string transactionIdOfOrder(const std::string& orderNo)
{
    // Transaction ids end in a serial number, so a final "C" can only be the payment-code mark.
    if (orderNo.ends_with('C')) return orderNo.substr(0, orderNo.size() - 1);
    return orderNo;
}

Reconciliation reconcile(const ReconcileInput& input, payment::PaymentGateway& gateway,
                         hospital::HospitalBackend& hospital)
{
    return Reconciler(input, gateway, hospital).run();
}

Result<Reconciliation> reconcileDay(Journal& journal, CivilDate day, payment::PaymentGateway& gateway,
                                    hospital::HospitalBackend& hospital)
{
    ReconcileInput input;
    input.day = day;
    auto records = KIOSK_TRY(journal.on(day));
    for (TransactionRecord& record : records) input.transactions.push_back(KIOSK_TRY(entryOf(journal, std::move(record))));
    input.findElsewhere = [&journal](const std::string& id) -> Result<std::optional<JournalEntry>> {
        auto record = KIOSK_TRY(journal.find(id));
        if (!record) return std::optional<JournalEntry>{};
        return std::optional<JournalEntry>(KIOSK_TRY(entryOf(journal, std::move(*record))));
    };
    return reconcile(input, gateway, hospital);
}

} // namespace kiosk::journal
