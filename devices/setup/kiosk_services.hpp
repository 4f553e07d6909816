#pragma once
// The back end, the payment channel and the worker the service flows use,
// built from the launch options. The embedded demo hospital is the back end
// when no other is configured. Money is taken only through a configured
// channel: the simulated one in demo and scenario runs, or when asked for
// explicitly; with none, the kiosk identifies patients but offers no
// service that needs payment, rather than pretend to take money.
#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "flows/task_runner.hpp"
#include "hospital/demo/demo_hospital.hpp"
#include "pdf/report_pdf.hpp"
#include "hospital/hospital_watch.hpp"
#include "hospital/price_cache.hpp"
#include "journal/journal.hpp"
#include "payment/simulated_gateway.hpp"
#include "recovery/recovery_service.hpp"
#include "settings/launch_options.hpp"
#include "shell/service_host.hpp"

namespace kiosk::devices {

class KioskServices {
public:
    static Result<std::unique_ptr<KioskServices>> create(const LaunchOptions& options, const Clock& clock);

    /// The parts for the shell, or nothing when no payment channel is configured. Without an A4 printer
    /// (null) reports are not offered.
    std::optional<ServiceParts> parts(ReceiptPrinter& receiptPrinter, A4Printer* a4Printer, EventQueue& events);
    hospital::DemoHospital* demoHospital() { return m_hospital.get(); }
    payment::SimulatedGateway* simulatedGateway() { return m_gateway.get(); }
    journal::Journal& journal() { return *m_journal; }
    /// Null when no payment channel is configured (nothing to recover).
    recovery::RecoveryService* recovery() { return m_recovery.get(); }

    /// "gateway succeed|password|decline|never-answer|late|unreachable", "hospital reachable|unreachable|
    /// slow MS|expire-holds|take-slot SLOT"; for scenarios and the demo. Returns what was done.
    Result<std::string> control(const std::string& command);

private:
    void watchHospital(EventQueue& events);

    const Clock* m_clock = nullptr;
    std::unique_ptr<journal::Journal> m_journal;
    std::unique_ptr<hospital::DemoHospital> m_hospital;
    std::unique_ptr<payment::SimulatedGateway> m_gateway;
    std::unique_ptr<FeedbackStore> m_feedback;
    pdf::PdfReportRenderer m_reportRenderer;
    hospital::PriceCache m_prices;
    std::unique_ptr<hospital::CachingHospital> m_cachingHospital;
    std::unique_ptr<flows::WorkerThread> m_worker;
    std::unique_ptr<hospital::HospitalWatch> m_watch;
    // Last: its thread uses the journal, the hospital and the channel, so it stops first.
    std::unique_ptr<recovery::RecoveryService> m_recovery;
};

} // namespace kiosk::devices
