#include "shell/service_host.hpp"

#include <algorithm>
#include <ctime>

namespace kiosk {

using flows::RegistrationStage;


ServiceHost::ServiceHost(ServiceParts parts, const Clock& clock, const CatalogSet& catalogs)
    : m_parts(parts), m_clock(clock), m_catalogs(catalogs)
{
}

void ServiceHost::prepare(SessionId session, Language language, const std::string& kioskId,
                          const std::string& hospitalName, std::function<DeviceReport(DeviceRole)> device)
{
    close();
    m_rated = false;
    m_transactionSlipSent = false;
    m_kioskId = kioskId;
    m_flowId = m_nextFlowId++;
    // Order numbers and booking keys come from this: kiosk, second and flow,
    // unique across restarts of the kiosk (flows start seconds apart at most once a second).
    std::string prefix =
        kioskId + "-" + formatLocalTime(m_clock.wallNow(), "%Y%m%d%H%M%S") + "-" + std::to_string(m_flowId % 100);
    EventQueue& events = m_parts.events;
    auto post = [&events, session, flow = m_flowId](std::function<void()> apply) {
        events.post(FlowReply{session, flow, std::move(apply)});
    };
    m_context = std::make_unique<flows::FlowContext>(flows::FlowContext{
        m_clock, m_parts.runner, post, m_parts.hospital, m_parts.gateway, m_parts.receiptPrinter, std::move(device),
        m_catalogs, language, kioskId, hospitalName, prefix, m_parts.a4Printer, m_parts.reportRenderer,
        m_parts.journal});
}

bool ServiceHost::openReportByCode(const std::string& code, SessionId session, Language language,
                                   const std::string& kioskId, const std::string& hospitalName,
                                   std::function<DeviceReport(DeviceRole)> device)
{
    if (!offers(ServiceKind::Reports)) return false;
    prepare(session, language, kioskId, hospitalName, std::move(device));
    m_reports = std::make_unique<flows::ReportsFlow>(*m_context, code);
    m_reports->start();
    return true;
}

bool ServiceHost::openTransactionByCode(const std::string& id, SessionId session, Language language,
                                        const std::string& kioskId, const std::string& hospitalName,
                                        std::function<DeviceReport(DeviceRole)> device)
{
    prepare(session, language, kioskId, hospitalName, std::move(device));
    m_lookup = std::make_unique<flows::TransactionLookupFlow>(*m_context);
    m_lookup->lookUp(id);
    return true;
}

bool ServiceHost::open(ServiceKind kind, SessionId session, const IdentityCard* patient, Language language,
                       const std::string& kioskId, const std::string& hospitalName,
                       std::function<DeviceReport(DeviceRole)> device)
{
    if (!offers(kind) || (needsPatient(kind) && !patient)) return false;
    prepare(session, language, kioskId, hospitalName, std::move(device));
    if (kind == ServiceKind::Prices) {
        m_prices = std::make_unique<flows::PricesFlow>(*m_context);
    } else if (kind == ServiceKind::TransactionLookup) {
        m_lookup = std::make_unique<flows::TransactionLookupFlow>(*m_context);
    } else if (kind == ServiceKind::CheckIn) {
        m_checkIn = std::make_unique<flows::CheckInFlow>(*m_context, *patient);
        m_checkIn->start();
    } else if (kind == ServiceKind::Registration) {
        m_registration = std::make_unique<flows::RegistrationFlow>(*m_context, *patient);
        m_registration->start();
    } else if (kind == ServiceKind::Bills) {
        m_bills = std::make_unique<flows::BillsFlow>(*m_context, *patient);
        m_bills->start();
    } else {
        m_reports = std::make_unique<flows::ReportsFlow>(*m_context, *patient);
        m_reports->start();
    }
    return true;
}

bool ServiceHost::offers(ServiceKind kind) const
{
    switch (kind) {
    case ServiceKind::Registration:
    case ServiceKind::Bills: return true;
    case ServiceKind::Reports: return m_parts.a4Printer && m_parts.reportRenderer;
    case ServiceKind::Prices: return true;
    case ServiceKind::CheckIn: return true;
    case ServiceKind::TransactionLookup: return true;
    }
    return false;
}

std::optional<ServiceKind> ServiceHost::kind() const
{
    if (m_registration) return ServiceKind::Registration;
    if (m_bills) return ServiceKind::Bills;
    if (m_reports) return ServiceKind::Reports;
    if (m_prices) return ServiceKind::Prices;
    if (m_checkIn) return ServiceKind::CheckIn;
    if (m_lookup) return ServiceKind::TransactionLookup;
    return std::nullopt;
}

const flows::PaymentStep* ServiceHost::payment() const
{
    if (m_registration && m_registration->stage() == RegistrationStage::Paying) return &m_registration->payment();
    if (m_bills && m_bills->stage() == flows::BillsStage::Paying) return &m_bills->payment();
    return nullptr;
}

void ServiceHost::close()
{
    bool hadFlow = m_context != nullptr;
    m_registration.reset();
    m_bills.reset();
    m_reports.reset();
    m_prices.reset();
    m_checkIn.reset();
    m_lookup.reset();
    m_context.reset();
    m_flowId = 0;
    m_pageStage = -1;  // the next flow starts on its first page, not on the page this one was left at
    // The flow's claim on its transaction is gone with it: anything it left
    // open (paid, the hospital not answering) is recovery's now.
    if (hadFlow && m_parts.flowEnded) m_parts.flowEnded();
}

bool ServiceHost::deliver(const FlowReply& reply, SessionId session)
{
    if (!active() || reply.session != session || reply.flow != m_flowId || !reply.apply) return false;
    reply.apply();
    tick();  // a payment's answer may finish the payment step
    return true;
}

void ServiceHost::choose(const std::string& id)
{
    if (m_bills) m_bills->toggle(id);
    if (m_reports) m_reports->toggle(id);
    if (m_checkIn) m_checkIn->choose(id);
    if (!m_registration) return;
    switch (m_registration->stage()) {
    case RegistrationStage::ChooseDepartment: m_registration->chooseDepartment(id); break;
    case RegistrationStage::ChooseSymptom: m_registration->chooseSymptom(id); break;
    case RegistrationStage::ChooseDoctor: m_registration->chooseDoctor(id); break;
    case RegistrationStage::ChoosePeriod: m_registration->choosePeriod(id); break;
    default: break;
    }
}

void ServiceHost::confirm()
{
    if (m_registration) m_registration->confirm();
    if (m_bills) m_bills->confirm();
    if (m_reports) m_reports->confirm();
    if (m_lookup) m_lookup->confirm();
}

void ServiceHost::back()
{
    if (m_registration) m_registration->back();
    if (m_reports) m_reports->back();
    if (m_lookup) m_lookup->back();
}

void ServiceHost::cancel()
{
    if (m_registration) m_registration->cancel();
    if (m_bills) m_bills->cancel();
    if (m_reports) m_reports->cancel();
    if (m_checkIn) m_checkIn->cancel();
}

void ServiceHost::keyInput(char key)
{
    if (m_prices) m_prices->key(key);
    if (m_lookup) m_lookup->key(key);
}

void ServiceHost::reprint()
{
    if (m_lookup) m_lookup->reprint();
}

bool ServiceHost::codeScanned(const std::string& code)
{
    if (!payment()) return false;
    if (m_registration) m_registration->codeScanned(code);
    if (m_bills) m_bills->codeScanned(code);
    return true;
}

void ServiceHost::tick()
{
    if (m_registration) m_registration->tick();
    if (m_bills) m_bills->tick();
    if (m_prices) m_prices->tick();
    printTransactionSlipIfNeeded();
}

std::optional<Instant> ServiceHost::nextDeadline() const
{
    if (m_registration) return m_registration->nextDeadline();
    if (m_bills) return m_bills->nextDeadline();
    if (m_prices) return m_prices->nextDeadline();
    return std::nullopt;
}

bool ServiceHost::busy() const
{
    if (m_bills) return m_bills->busy();
    if (m_reports) return m_reports->busy();
    if (m_checkIn) return m_checkIn->busy();
    if (m_lookup) return m_lookup->stage() == flows::LookupStage::Reprinting;
    if (!m_registration) return false;
    switch (m_registration->stage()) {
    case RegistrationStage::Holding:
    case RegistrationStage::Paying:
    case RegistrationStage::Booking:
    case RegistrationStage::Refunding:
    case RegistrationStage::Printing: return true;
    default: return false;
    }
}

namespace {
int stageOf(const flows::RegistrationFlow* registration, const flows::BillsFlow* bills)
{
    if (registration) return static_cast<int>(registration->stage());
    if (bills) return 100 + static_cast<int>(bills->stage());
    return -1;
}

int stageOf(const flows::RegistrationFlow* registration, const flows::BillsFlow* bills, const flows::ReportsFlow* reports)
{
    if (reports) return 200 + static_cast<int>(reports->stage());
    return stageOf(registration, bills);
}

int stageOf(const flows::RegistrationFlow* registration, const flows::BillsFlow* bills,
            const flows::ReportsFlow* reports, const flows::PricesFlow* prices)
{
    // A new list of prices starts on its first page; the same list (while a
    // search runs, or the hospital is unreachable) keeps the page it is on.
    if (prices) return 300 + static_cast<int>(prices->resultsVersion() % 1'000'000);
    return stageOf(registration, bills, reports);
}

int stageOf(const flows::RegistrationFlow* registration, const flows::BillsFlow* bills,
            const flows::ReportsFlow* reports, const flows::PricesFlow* prices, const flows::CheckInFlow* checkIn)
{
    if (checkIn) return 2'000'000 + static_cast<int>(checkIn->stage());
    return stageOf(registration, bills, reports, prices);
}
} // namespace

int ServiceHost::page() const
{
    if (!active() || m_pageStage != stageOf(m_registration.get(), m_bills.get(), m_reports.get(), m_prices.get(), m_checkIn.get()))
        return 0;
    return m_page;
}

void ServiceHost::turnPage(int delta)
{
    if (!active()) return;
    int stage = stageOf(m_registration.get(), m_bills.get(), m_reports.get(), m_prices.get(), m_checkIn.get());
    m_page = std::max(0, page() + delta);
    m_pageStage = stage;
}

void ServiceHost::rate(int score)
{
    auto service = kind();
    if (!m_parts.feedback || m_rated || !service || score < 1 || score > 5) return;
    m_rated = true;
    static constexpr std::string_view kNames[] = {"registration", "bills", "reports", "prices", "check-in",
                                                  "transaction-lookup"};
    bool succeeded = (m_registration && m_registration->stage() == RegistrationStage::Done) ||
                     (m_bills && m_bills->stage() == flows::BillsStage::Done) ||
                     (m_reports && m_reports->stage() == flows::ReportsStage::Done) ||
                     (m_checkIn && m_checkIn->stage() == flows::CheckInStage::Done);
    Rating rating{m_clock.wallNow(), m_kioskId, std::string(kNames[static_cast<int>(*service)]), succeeded, score};
    FeedbackStore& store = *m_parts.feedback;
    // A database write, so on the worker like every other one.
    m_parts.runner.run([&store, rating] { (void)store.add(rating); });
}

bool ServiceHost::cancelled() const
{
    return (m_registration && m_registration->cancelled()) || (m_bills && m_bills->cancelled()) ||
           (m_reports && m_reports->cancelled()) || (m_checkIn && m_checkIn->cancelled());
}

void ServiceHost::forEachText(const std::function<void(const std::string&)>& use) const
{
    if (m_checkIn) {
        for (const auto& d : m_checkIn->departments()) use(d.name);
        for (const auto& a : m_checkIn->appointments()) use(a.slot.room);
    }
    forEachBillText(use);
    forEachReportText(use);
    forEachPriceText(use);
    if (m_lookup) use("¥");  // the looked-up amount
    if (!m_registration) return;
    use("¥");  // prices; digits and '.' are always in the atlas
    for (const auto& d : m_registration->departments()) {
        use(d.name);
        use(d.category);
        use(d.location);
        use(d.intro);
    }
    for (const auto& entry : m_registration->symptomGuide()) {
        use(entry.symptom);
        use(entry.hint);
    }
    for (const auto& offer : m_registration->doctors()) {
        use(offer.doctor.name);
        use(offer.doctor.title);
        use(offer.doctor.speciality);
        for (const auto& slot : offer.slots) use(slot.room);
    }
    if (const auto& a = m_registration->appointment()) use(a->slot.room);
}

void ServiceHost::forEachReportText(const std::function<void(const std::string&)>& use) const
{
    if (!m_reports) return;
    for (const auto& r : m_reports->reports()) {
        use(r.title);
        use(r.departmentName);
    }
    for (const auto& title : m_reports->failedTitles()) use(title);
}

void ServiceHost::forEachPriceText(const std::function<void(const std::string&)>& use) const
{
    if (!m_prices) return;
    use("¥");
    for (const auto& item : m_prices->results()) {
        use(item.name);
        use(item.specification);
        use(item.unit);
        use(item.category);
    }
}

void ServiceHost::forEachBillText(const std::function<void(const std::string&)>& use) const
{
    if (!m_bills) return;
    use("¥");
    for (const auto& order : m_bills->orders()) {
        use(order.departmentName);
        use(order.doctorName);
        for (const auto& item : order.items) {
            use(item.name);
            use(item.unit);
        }
    }
}

} // namespace kiosk
