#pragma once
// What a service flow is given: time, a place to run slow work, the way back
// to the UI thread, and the hospital, the payment channel and the receipt
// printer behind their interfaces. The shell builds one per flow; tests build
// one from fakes.
#include <functional>
#include <string>

#include "core/clock.hpp"
#include "device/a4_printer.hpp"
#include "device/device_report.hpp"
#include "documents/report_renderer.hpp"
#include "device/receipt_printer.hpp"
#include "flows/task_runner.hpp"
#include "hospital/hospital_backend.hpp"
#include "i18n/catalog.hpp"
#include "journal/journal.hpp"
#include "payment/payment_gateway.hpp"

namespace kiosk::flows {

struct FlowContext {
    const Clock& clock;
    TaskRunner& runner;
    /// Runs `apply` on the UI thread later, if this flow is still the one on screen; called from jobs.
    std::function<void(std::function<void()> apply)> post;
    hospital::HospitalBackend& hospital;
    payment::PaymentGateway& gateway;
    ReceiptPrinter& receiptPrinter;
    /// The device monitor's last word on a role (read on the UI thread).
    std::function<DeviceReport(DeviceRole)> device;
    const CatalogSet& catalogs;
    Language language = Language::ZhCN;
    std::string kioskId;
    std::string hospitalName;
    /// Unique per flow across restarts: kiosk id and the flow's start time; order and booking keys derive from it.
    std::string transactionPrefix;
    /// For reports; null when the kiosk has no A4 printer (the service is then not offered).
    A4Printer* a4Printer = nullptr;
    ReportRenderer* reportRenderer = nullptr;
    /// The money journal; registration and bill payment refuse money without it.
    /// Null only in tests that are not about money records.
    journal::Journal* journal = nullptr;
};

} // namespace kiosk::flows
