#include "flows/transaction_lookup_flow.hpp"

#include <algorithm>
#include <cctype>

#include "documents/registration_slip.hpp"
#include "flows/prices_flow.hpp"

namespace kiosk::flows {

using journal::Step;
using journal::TransactionKind;

std::string_view lookupStageName(LookupStage stage)
{
    switch (stage) {
    case LookupStage::Entry: return "entry";
    case LookupStage::Looking: return "looking";
    case LookupStage::Found: return "found";
    case LookupStage::NotFound: return "not-found";
    case LookupStage::Unreadable: return "unreadable";
    case LookupStage::Reprinting: return "reprinting";
    }
    return "?";
}

LookupOutcome outcomeOf(Step step)
{
    switch (step) {
    case Step::Booked:
    case Step::Settled:
    case Step::Printed:
    case Step::PrintFailed: return LookupOutcome::ServiceGiven;
    case Step::Refunded: return LookupOutcome::Refunded;
    case Step::Intent:
    case Step::Declined:
    case Step::Closed: return LookupOutcome::NothingTaken;
    // An open order may have been paid a moment before the kiosk stopped: recovery asks the channel.
    case Step::OrderCreated:
    case Step::Paid:
    case Step::Refunding: return LookupOutcome::InProgress;
    case Step::RefundFailed:
    case Step::NeedsStaff: return LookupOutcome::SeeStaff;
    }
    return LookupOutcome::SeeStaff;
}

std::string outcomeKey(LookupOutcome outcome, TransactionKind kind)
{
    switch (outcome) {
    case LookupOutcome::ServiceGiven:
        return kind == TransactionKind::Registration ? "lookup.outcome.registered" : "lookup.outcome.paid";
    case LookupOutcome::Refunded: return "lookup.outcome.refunded";
    case LookupOutcome::NothingTaken: return "lookup.outcome.nothing_taken";
    case LookupOutcome::InProgress: return "lookup.outcome.in_progress";
    case LookupOutcome::SeeStaff: return "lookup.outcome.see_staff";
    }
    return "lookup.outcome.see_staff";
}

std::string outcomeDetailKey(LookupOutcome outcome)
{
    switch (outcome) {
    case LookupOutcome::ServiceGiven: return "lookup.detail.service_given";
    case LookupOutcome::Refunded: return "lookup.detail.refunded";
    case LookupOutcome::NothingTaken: return "lookup.detail.nothing_taken";
    case LookupOutcome::InProgress: return "lookup.detail.in_progress";
    case LookupOutcome::SeeStaff: return "lookup.detail.see_staff";
    }
    return "lookup.detail.see_staff";
}

TransactionLookupFlow::TransactionLookupFlow(FlowContext& context) : m_ctx(context) {}

std::string TransactionLookupFlow::idFromTyped(const std::string& typed, const std::string& kioskId)
{
    // The keypad has no '-': the patient types the digits of the time and the
    // counter after it (20261123185620-1 as 202611231856201), with or without
    // this kiosk's id in front. A number with its dashes (a scan) is taken as it is.
    if (typed.find('-') != std::string::npos) return typed;
    std::string compactKiosk;
    for (char c : kioskId)
        if (c != '-') compactKiosk.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    std::string digits = typed;
    if (!compactKiosk.empty() && digits.starts_with(compactKiosk)) digits = digits.substr(compactKiosk.size());
    constexpr std::size_t kTimeDigits = 14;
    if (digits.size() < kTimeDigits + 1 || digits.size() > kTimeDigits + 3) return "";
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
    std::string counter = digits.substr(kTimeDigits);
    // The counter is written without leading zeros ("-1", "-12").
    if (counter.size() > 1 && counter.front() == '0') return "";
    return kioskId + "-" + digits.substr(0, kTimeDigits) + "-" + counter;
}

void TransactionLookupFlow::key(char c)
{
    if (m_stage != LookupStage::Entry && m_stage != LookupStage::NotFound) return;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == kKeyClear) {
        m_typed.clear();
    } else if (c == kKeyBackspace) {
        if (!m_typed.empty()) m_typed.pop_back();
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        if (m_typed.size() >= kMaxTyped) return;
        m_typed.push_back(c);
    } else {
        return;
    }
    m_stage = LookupStage::Entry;  // a "not found" goes once the patient corrects the number
}

void TransactionLookupFlow::confirm()
{
    if (m_stage != LookupStage::Entry) return;
    std::string id = idFromTyped(m_typed, m_ctx.kioskId);
    if (id.empty()) {
        m_id.clear();
        m_stage = LookupStage::NotFound;
        return;
    }
    lookUp(id);
}

void TransactionLookupFlow::lookUp(const std::string& id)
{
    ++m_generation;
    m_id = id;
    m_record.reset();
    m_reprint = ReprintResult::None;
    if (!m_ctx.journal) {
        m_stage = LookupStage::Unreadable;
        return;
    }
    m_stage = LookupStage::Looking;
    // SQLite: on the worker, never on the UI thread.
    m_ctx.runner.run([journal = m_ctx.journal, post = m_ctx.post, id, generation = m_generation, this] {
        auto found = journal->find(id);
        post([this, found = std::move(found), generation] {
            if (generation != m_generation || m_stage != LookupStage::Looking) return;
            if (!found) {
                m_stage = LookupStage::Unreadable;
                return;
            }
            m_record = *found;
            m_stage = m_record ? LookupStage::Found : LookupStage::NotFound;
        });
    });
}

void TransactionLookupFlow::back()
{
    if (m_stage == LookupStage::Looking || m_stage == LookupStage::Reprinting) return;
    ++m_generation;
    m_stage = LookupStage::Entry;
    m_record.reset();
    m_reprint = ReprintResult::None;
}

std::optional<LookupOutcome> TransactionLookupFlow::outcome() const
{
    if (!m_record) return std::nullopt;
    return outcomeOf(m_record->lastStep);
}

bool TransactionLookupFlow::canReprint() const
{
    return m_record && m_record->kind == TransactionKind::Registration &&
           outcomeOf(m_record->lastStep) == LookupOutcome::ServiceGiven;
}

namespace {

/// The registration slip again, from the hospital's booking: the journal keeps references only.
std::optional<ReceiptDocument> rebuildRegistrationSlip(hospital::HospitalBackend& hospital,
                                                       const journal::TransactionRecord& r, SlipFacts facts,
                                                       const CatalogSet& catalogs, Language language)
{
    auto appointment = hospital.appointmentByKey(r.id + "-B");
    if (!appointment) return std::nullopt;
    facts.appointment = *appointment;
    if (auto departments = hospital.departments()) {
        for (const auto& d : *departments)
            if (d.id == appointment->slot.departmentId) facts.department = d;
    }
    if (auto doctors = hospital.doctors(appointment->slot.departmentId)) {
        for (const auto& d : *doctors)
            if (d.id == appointment->slot.doctorId) facts.doctor = d;
    }
    // The name is printed masked, as on the first slip; without it the line stays empty.
    if (auto patient = hospital.patient(r.patientRef)) facts.patientName = patient->name;
    facts.payment.orderNo = r.paidOrderNo.empty() ? r.orderNo : r.paidOrderNo;
    facts.payment.transactionId = r.gatewayTransactionId;
    facts.payment.amount = r.amountFen;
    facts.payment.state = payment::PaymentState::Paid;
    return buildRegistrationSlip(facts, catalogs, language);
}

} // namespace

void TransactionLookupFlow::reprint()
{
    if (m_stage != LookupStage::Found || !canReprint()) return;
    m_stage = LookupStage::Reprinting;
    SlipFacts facts{};
    facts.hospitalName = m_ctx.hospitalName;
    facts.printedAt = m_ctx.clock.wallNow();
    facts.kioskId = m_ctx.kioskId;
    facts.copy = SlipCopy::Reprint;
    m_ctx.runner.run([&hospital = m_ctx.hospital, &printer = m_ctx.receiptPrinter, &catalogs = m_ctx.catalogs,
                      language = m_ctx.language, post = m_ctx.post, record = *m_record, facts, this] {
        ReprintResult result = ReprintResult::Unavailable;
        if (auto slip = rebuildRegistrationSlip(hospital, record, facts, catalogs, language))
            result = printer.print(*slip).printed ? ReprintResult::Printed : ReprintResult::PrinterFailed;
        // Nothing is journaled: the transaction's last step is final, and a reprint moves no money.
        post([this, result] {
            if (m_stage != LookupStage::Reprinting) return;
            m_reprint = result;
            if (result == ReprintResult::Printed) ++m_reprintsPrinted;
            m_stage = LookupStage::Found;
        });
    });
}

} // namespace kiosk::flows
