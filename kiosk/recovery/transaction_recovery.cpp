#include "recovery/transaction_recovery.hpp"

#include <optional>
#include <sstream>
#include <vector>

namespace kiosk::recovery {

using journal::Step;
using journal::StepDetails;
using journal::TransactionKind;
using journal::TransactionRecord;

namespace {

constexpr int kMaxMovesPerRound = 8;

RecoveryResult waiting(std::string why) { return {RecoveryOutcome::Waiting, std::move(why)}; }
RecoveryResult failed(std::string why) { return {RecoveryOutcome::Failed, std::move(why)}; }

std::vector<std::string> splitIds(const std::string& text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string id; std::getline(in, id, ',');)
        if (!id.empty()) out.push_back(id);
    return out;
}

} // namespace

RecoveryResult TransactionRecovery::settle(const std::string& id)
{
    if (!m_journal.claim(id)) return {RecoveryOutcome::Skipped, id + ": in progress at this kiosk"};
    RecoveryResult result = settleClaimed(id);
    m_journal.release(id);
    return result;
}

RecoveryResult TransactionRecovery::settleClaimed(const std::string& id)
{
    for (int move = 0; move < kMaxMovesPerRound; ++move) {
        auto found = m_journal.find(id);
        if (!found) return failed(id + ": " + found.error().message);
        if (!*found) return failed(id + ": not in the journal");
        const TransactionRecord& r = **found;
        if (journal::isFinal(r.lastStep))
            return {RecoveryOutcome::Finished, id + ": " + std::string(journal::stepName(r.lastStep))};

        RecoveryResult stop;
        switch (r.lastStep) {
        case Step::Intent:
        case Step::OrderCreated: stop = findPayment(r); break;
        case Step::Paid: stop = complete(r); break;
        case Step::Booked:
        case Step::Settled:
            // Booked or settled, but the paper never came out; nobody is here
            // to take it now. The patient reprints with the transaction number.
            stop = record(r, Step::PrintFailed,
                          {.note = "not printed: the kiosk stopped before printing; reprint with the number"});
            break;
        case Step::Refunding:
        case Step::RefundFailed: stop = refund(r, "recovery"); break;
        default: return failed(id + ": no recovery for step " + std::string(journal::stepName(r.lastStep)));
        }
        if (stop.outcome == RecoveryOutcome::Moved) continue;
        if (stop.outcome == RecoveryOutcome::Waiting && m_clock.wallNow() - r.startedAt > kGiveUpAfter) {
            std::string note = journal::fitNote("unsettled after 24 h: " + stop.summary);
            auto handed = m_journal.record(id, Step::NeedsStaff, {.note = note});
            if (!handed) return failed(id + ": " + handed.error().message);
            return {RecoveryOutcome::Finished, id + ": handed to staff (" + stop.summary + ")"};
        }
        return stop;
    }
    return waiting(id + ": still moving after " + std::to_string(kMaxMovesPerRound) + " steps");
}

RecoveryResult TransactionRecovery::record(const TransactionRecord& r, Step step, const StepDetails& details)
{
    auto written = m_journal.record(r.id, step, details);
    if (!written) return failed(r.id + ": " + written.error().message);
    return {RecoveryOutcome::Moved, r.id + ": " + std::string(journal::stepName(step))};
}

RecoveryResult TransactionRecovery::findPayment(const TransactionRecord& r)
{
    std::string qr = r.orderNo.empty() ? r.id : r.orderNo;
    // Both orders a payment step may have opened: the QR order and the payment-code order.
    for (const std::string& order : {qr, qr + "C"}) {
        auto status = m_gateway.query(order);
        if (!status) {
            if (status.error().kind == payment::GatewayErrorKind::NotFound) continue;
            return waiting(r.id + ": channel not answering (" + status.error().message + ")");
        }
        auto paid = [&](const payment::PaymentStatus& s) {
            return record(r, Step::Paid,
                          {.paidOrderNo = order,
                           .channel = journal::channelWord(s.channel),
                           .gatewayTransactionId = s.transactionId,
                           .amountFen = s.amount,
                           .note = "payment found by recovery"});
        };
        // A reply about another order or amount is no answer (as in the payment step).
        if (status->orderNo != order || status->amount != r.amountFen)
            return waiting(r.id + ": the channel's reply about " + order + " names another order or amount");
        switch (status->state) {
        case payment::PaymentState::Paid:
        case payment::PaymentState::Refunded: return paid(*status);
        case payment::PaymentState::Closed:
        case payment::PaymentState::Declined: continue;
        case payment::PaymentState::NotPaid:
        case payment::PaymentState::UserPaying: {
            // Nobody is at the kiosk to finish paying: close it, and a close
            // refused because it is paid means it was paid after all.
            auto closed = m_gateway.close(order);
            if (closed || closed.error().kind == payment::GatewayErrorKind::NotFound) continue;
            if (closed.error().kind == payment::GatewayErrorKind::Rejected) {
                auto again = m_gateway.query(order);
                if (again && again->state == payment::PaymentState::Paid) return paid(*again);
            }
            return waiting(r.id + ": could not close order " + order + " (" + closed.error().message + ")");
        }
        }
    }
    releaseHold(r);
    return record(r, Step::Closed, {.note = "not paid; closed by recovery"});
}

RecoveryResult TransactionRecovery::complete(const TransactionRecord& r)
{
    using hospital::BackendErrorKind;
    if (r.kind == TransactionKind::Registration) {
        std::string key = r.id + "-B";
        auto booked = m_hospital.appointmentByKey(key);
        if (!booked && booked.error().kind == BackendErrorKind::NotFound)
            booked = m_hospital.book(r.subjectRef, r.paidOrderNo, key);
        if (booked)
            return record(r, Step::Booked, {.hospitalReference = booked->id, .note = "booked by recovery"});
        if (booked.error().kind == BackendErrorKind::Unreachable)
            return waiting(r.id + ": hospital not answering (" + booked.error().message + ")");
        return refund(r, "booking refused: " + booked.error().message);
    }
    std::string key = r.id + "-S";
    auto invoice = m_hospital.invoiceByKey(key);
    if (!invoice && invoice.error().kind == BackendErrorKind::NotFound)
        invoice = m_hospital.settle(r.patientRef, splitIds(r.subjectRef), r.amountFen, r.paidOrderNo, key);
    if (invoice)
        return record(r, Step::Settled, {.hospitalReference = invoice->id, .note = "settled by recovery"});
    if (invoice.error().kind == BackendErrorKind::Unreachable)
        return waiting(r.id + ": hospital not answering (" + invoice.error().message + ")");
    return refund(r, "settlement refused: " + invoice.error().message);
}

RecoveryResult TransactionRecovery::refund(const TransactionRecord& r, const std::string& why)
{
    if (r.lastStep == Step::Paid || r.lastStep == Step::RefundFailed) {
        auto begun = m_journal.record(r.id, Step::Refunding, {.note = journal::fitNote(why)});
        if (!begun) return failed(r.id + ": " + begun.error().message);
    }
    std::string order = r.paidOrderNo.empty() ? r.orderNo : r.paidOrderNo;
    auto refunded = m_gateway.refund(order, order + "R", "kiosk could not give the service: " + why);
    if (refunded && refunded->done) return record(r, Step::Refunded, {.note = "refunded by recovery"});
    std::string problem = refunded ? "refund accepted, not yet confirmed" : refunded.error().message;
    auto noted = m_journal.record(r.id, Step::RefundFailed, {.note = journal::fitNote(problem)});
    if (!noted) return failed(r.id + ": " + noted.error().message);
    return waiting(r.id + ": refund not done (" + problem + ")");
}

void TransactionRecovery::releaseHold(const TransactionRecord& r)
{
    // A place held for a registration that was never paid goes back to other
    // patients now rather than when the hold runs out.
    if (r.kind == TransactionKind::Registration && !r.subjectRef.empty()) (void)m_hospital.releaseHold(r.subjectRef);
}

} // namespace kiosk::recovery
