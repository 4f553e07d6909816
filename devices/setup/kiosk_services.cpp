#include "setup/kiosk_services.hpp"

#include <charconv>
#include <filesystem>
#include <sstream>

#include "logging/log.hpp"
#include "setup/fault_injection.hpp"

namespace kiosk::devices {

Result<std::unique_ptr<KioskServices>> KioskServices::create(const LaunchOptions& options, const Clock& clock)
{
    std::error_code ec;
    std::filesystem::create_directories(options.dataDir, ec);
    if (ec) return fail("cannot create the data folder " + options.dataDir + ": " + ec.message());
    auto services = std::make_unique<KioskServices>();
    services->m_clock = &clock;
    auto journal = journal::Journal::open(options.dataDir + "/journal.db", clock);
    if (!journal) return std::unexpected(journal.error());
    services->m_journal = std::move(*journal);
    if (auto mode = services->m_journal->storageMode(); !mode || mode->journalMode != "wal" || mode->synchronous != 2)
        return fail("the journal " + options.dataDir + "/journal.db is not in WAL mode with synchronous=FULL; "
                    "refusing to take payments without durable records");
    if (auto crashAt = faultInjectionFromEnvironment()) services->m_journal->setFaultHook(std::move(*crashAt));
    // Finished transactions older than the retention are deleted at each start; unfinished ones never are.
    auto retention = std::chrono::days(options.settings.journalRetentionDays);
    if (auto purged = services->m_journal->purgeBefore(clock.wallNow() - retention); !purged)
        logging::warning("journal", "old transactions not purged: " + purged.error().message);
    else if (*purged > 0)
        logging::info("journal", std::to_string(*purged) + " finished transactions older than " +
                                     std::to_string(options.settings.journalRetentionDays) + " days purged");
    auto hospital = hospital::DemoHospital::open(options.dataDir + "/demo-hospital.db",
                                                 options.assetsDir + "/demo/hospital", clock);
    if (!hospital) return std::unexpected(hospital.error());
    services->m_hospital = std::move(*hospital);
    services->m_cachingHospital =
        std::make_unique<hospital::CachingHospital>(*services->m_hospital, services->m_prices);
    bool simulatedPayments = options.demo || options.scriptPath || options.paymentSimulator;
    if (simulatedPayments) {
        auto gateway = payment::SimulatedGateway::open(options.dataDir + "/simulated-gateway.db", clock);
        if (!gateway) return std::unexpected(gateway.error());
        services->m_gateway = std::move(*gateway);
    }
    auto feedback = FeedbackStore::open(options.dataDir + "/feedback.db");
    if (!feedback) return std::unexpected(feedback.error());
    services->m_feedback = std::move(*feedback);
    services->m_worker = std::make_unique<flows::WorkerThread>();
    if (services->m_gateway) {
        services->m_recovery = std::make_unique<recovery::RecoveryService>(
            *services->m_journal, *services->m_gateway, *services->m_hospital, clock,
            [](const std::string& line) { logging::info("recovery", line); });
        services->m_recovery->start();
    }
    return services;
}

std::optional<ServiceParts> KioskServices::parts(ReceiptPrinter& receiptPrinter, A4Printer* a4Printer,
                                                 EventQueue& events)
{
    if (!m_gateway) return std::nullopt;
    watchHospital(events);
    recovery::RecoveryService* recovery = m_recovery.get();
    return ServiceParts{*m_cachingHospital,
                        *m_gateway,
                        receiptPrinter,
                        *m_worker,
                        events,
                        a4Printer,
                        &m_reportRenderer,
                        m_feedback.get(),
                        m_journal.get(),
                        [recovery] {
                            if (recovery) recovery->poke();
                        }};
}

void KioskServices::watchHospital(EventQueue& events)
{
    if (m_watch) return;
    recovery::RecoveryService* recovery = m_recovery.get();
    m_watch = std::make_unique<hospital::HospitalWatch>(
        *m_hospital,
        [&events, recovery](bool reachable, const std::string& detail) {
            if (reachable) logging::info("hospital", "the hospital system answers");
            else logging::warning("hospital", "the hospital system does not answer: " + detail);
            events.post(HospitalChanged{reachable, detail});
            // Back: what was accepted while it was away is forwarded now, in journal order.
            if (reachable && recovery) recovery->poke();
        },
        [this](bool reachable) {
            // The catalogue for price lookups while the hospital is away, synced hourly while it answers.
            auto synced = m_prices.syncedAt();
            if (reachable && (!synced || m_clock->wallNow() - *synced > std::chrono::hours(1)))
                (void)m_prices.sync(*m_hospital, m_clock->wallNow());
        });
    m_watch->start();
}

Result<std::string> KioskServices::control(const std::string& command)
{
    std::istringstream words(command);
    std::string target, action, argument;
    words >> target >> action >> argument;
    auto unknown = [&] {
        return fail("'" + command + "' is not understood (gateway succeed|password|decline|never-answer|late|"
                    "unreachable; hospital reachable|unreachable|slow MS|expire-holds|take-slot SLOT)");
    };
    if (target == "gateway") {
        if (!m_gateway) return fail("no simulated payment channel in this run");
        using payment::GatewayBehaviour;
        GatewayBehaviour b;
        if (action == "succeed") b = GatewayBehaviour::Succeed;
        else if (action == "password") b = GatewayBehaviour::NeedsPassword;
        else if (action == "decline") b = GatewayBehaviour::Decline;
        else if (action == "never-answer") b = GatewayBehaviour::NeverAnswer;
        else if (action == "late") b = GatewayBehaviour::SucceedLate;
        else if (action == "unreachable") b = GatewayBehaviour::Unreachable;
        else return unknown();
        m_gateway->setBehaviour(b);
        return "payment channel: " + action;
    }
    if (target == "hospital") {
        if (action == "reachable" || action == "unreachable") {
            m_hospital->setUnreachable(action == "unreachable");
            if (m_watch) m_watch->poke();
        } else if (action == "slow") {
            int ms = 0;
            auto [end, ec] = std::from_chars(argument.data(), argument.data() + argument.size(), ms);
            if (ec != std::errc{} || end != argument.data() + argument.size() || ms < 0)
                return fail("hospital slow needs milliseconds, e.g. 'hospital slow 2000'");
            m_hospital->setLatency(std::chrono::milliseconds(ms));
        } else if (action == "expire-holds") {
            if (auto ok = m_hospital->expireHoldsNow(); !ok) return fail(ok.error().message);
        } else if (action == "take-slot") {
            if (argument.empty()) return fail("hospital take-slot needs a slot id");
            if (auto ok = m_hospital->takeRemainingPlaces(argument); !ok) return fail(ok.error().message);
        } else {
            return unknown();
        }
        return "hospital: " + action + (argument.empty() ? "" : " " + argument);
    }
    return unknown();
}

} // namespace kiosk::devices
