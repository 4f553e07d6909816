// kioskctl journal reconcile / export: the money journal for the finance
// office. Reconcile compares a day of the journal with the payment channel and
// the hospital and lists every disagreement; export gives the day as CSV.
//
// Both read the files the kiosk keeps in its data folder (the names are the
// ones devices/setup/kiosk_services.cpp gives them). The channel and the
// hospital reconcile compares with are the simulated channel's ledger and the
// embedded demo hospital: the demo and simulator set-up. A kiosk on a real
// channel and HIS reconciles against their statements through the same
// PaymentGateway and HospitalBackend interfaces.
//
// Exit status: 0 done (reconcile: no mismatch), 1 reconcile found mismatches,
// 2 the command could not do its job (wrong use, a file missing or unreadable,
// or part of the day could not be compared).
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

#include "hospital/demo/demo_hospital.hpp"
#include "journal/journal.hpp"
#include "journal/journal_csv.hpp"
#include "journal/reconciliation.hpp"
#include "kioskctl/commands.hpp"
#include "payment/simulated_gateway.hpp"

namespace kiosk::ctl {

namespace {

constexpr int kMismatches = 1;
constexpr int kError = 2;

int errorOut(const std::string& message)
{
    std::fprintf(stderr, "kioskctl: %s\n", message.c_str());
    return kError;
}

// YYYY-MM-DD and a day that exists (no 2026-02-30).
std::optional<CivilDate> parseDate(const std::string& text)
{
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = 12;  // Noon: no daylight-saving change moves it to another day.
    tm.tm_isdst = -1;
    if (std::mktime(&tm) == -1 || tm.tm_year != y - 1900 || tm.tm_mon != m - 1 || tm.tm_mday != d)
        return std::nullopt;
    return CivilDate{y, m, d};
}

struct DayOptions {
    CivilDate day;
    std::string dataDir = "/var/lib/kiosk";
};

// Takes --date and --data-dir; the error message if they are missing or wrong.
std::optional<std::string> takeDayOptions(Args& args, DayOptions& out)
{
    std::string date;
    if (!takeOption(args, "--date", date)) return "--date YYYY-MM-DD is required";
    auto day = parseDate(date);
    if (!day) return "--date takes a day as YYYY-MM-DD, got '" + date + "'";
    out.day = *day;
    takeOption(args, "--data-dir", out.dataDir);
    return std::nullopt;
}

std::optional<std::string> missingFile(const std::string& path, const std::string& what)
{
    if (std::filesystem::exists(path)) return std::nullopt;
    return "no " + what + " at " + path + " (is --data-dir right?)";
}

std::string journalPath(const DayOptions& o) { return o.dataDir + "/journal.db"; }

} // namespace

int journalReconcile(Args args)
{
    DayOptions o;
    if (auto wrong = takeDayOptions(args, o)) return errorOut(*wrong);
    std::string assets = takeAssetsDir(args);
    if (!args.empty()) return errorOut("unexpected argument '" + args[0] + "' (see kioskctl help)");
    const std::string gatewayPath = o.dataDir + "/simulated-gateway.db";
    const std::string hospitalPath = o.dataDir + "/demo-hospital.db";
    // Nothing is created here: a missing file means the wrong folder, not an empty day.
    for (auto missing : {missingFile(journalPath(o), "money journal"),
                         missingFile(gatewayPath, "simulated payment channel ledger"),
                         missingFile(hospitalPath, "demo hospital database")})
        if (missing) return errorOut(*missing);

    static const SystemClock clock;
    auto journal = journal::Journal::open(journalPath(o), clock);
    if (!journal) return errorOut(journal.error().message);
    auto gateway = payment::SimulatedGateway::open(gatewayPath, clock);
    if (!gateway) return errorOut(gateway.error().message);
    auto hospital = hospital::DemoHospital::open(hospitalPath, assets + "/demo/hospital", clock);
    if (!hospital) return errorOut(hospital.error().message);

    auto result = journal::reconcileDay(**journal, o.day, **gateway, **hospital);
    if (!result) return errorOut(result.error().message);
    char day[16];
    std::snprintf(day, sizeof day, "%04d-%02d-%02d", o.day.year, o.day.month, o.day.day);
    std::printf("reconciliation of %s: %d journal transaction(s), %d order(s) on the channel's statement\n", day,
                result->transactions, result->channelOrders);
    for (const journal::Mismatch& m : result->mismatches)
        std::printf("%s: %s\n", std::string(journal::mismatchKindName(m.kind)).c_str(), m.text.c_str());
    for (const std::string& note : result->unchecked) std::printf("not compared: %s\n", note.c_str());
    std::printf("%zu mismatch(es)%s\n", result->mismatches.size(),
                result->complete() ? "" : "; the comparison is incomplete");
    if (!result->mismatches.empty()) return kMismatches;
    return result->complete() ? 0 : kError;
}

int journalExport(Args args)
{
    DayOptions o;
    if (auto wrong = takeDayOptions(args, o)) return errorOut(*wrong);
    std::string format;
    if (!takeOption(args, "--format", format)) return errorOut("--format csv is required");
    if (format != "csv") return errorOut("--format takes csv, got '" + format + "'");
    if (!args.empty()) return errorOut("unexpected argument '" + args[0] + "' (see kioskctl help)");
    if (auto missing = missingFile(journalPath(o), "money journal")) return errorOut(*missing);
    auto journal = journal::Journal::open(journalPath(o));
    if (!journal) return errorOut(journal.error().message);
    auto records = (*journal)->on(o.day);
    if (!records) return errorOut(records.error().message);
    auto csv = journal::exportCsv(*records);
    if (!csv) return errorOut(csv.error().message);
    if (std::fwrite(csv->data(), 1, csv->size(), stdout) != csv->size() || std::fflush(stdout) != 0)
        return errorOut("could not write the CSV to standard output");
    return 0;
}

} // namespace kiosk::ctl
