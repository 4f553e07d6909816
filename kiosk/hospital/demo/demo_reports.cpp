// Reports: the last 30 days of a patient's reports, lookup by barcode, and
// printing. Pending reports become ready when their time comes; the check is
// made against the clock whenever reports are read, as if the lab system had
// released them in the meantime.
#include <chrono>

#include "hospital/demo/demo_hospital.hpp"
#include "hospital/demo/demo_store.hpp"
#include "hospital/demo/demo_time.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::hospital {

using namespace demo;

namespace {

constexpr std::chrono::hours kReportWindow{24 * 30};

constexpr std::string_view kReportSelect =
    "SELECT r.id, r.patient_id, r.kind, r.title, dp.name, dr.name, r.specimen, r.collected_at, r.ready_at, "
    "r.status, r.times_printed, r.findings, r.conclusion, r.reporting_doctor, r.reviewing_doctor, r.barcode "
    "FROM reports r JOIN departments dp ON dp.id = r.department_id JOIN doctors dr ON dr.id = r.doctor_id";

Report readReport(const storage::Statement& row)
{
    Report report;
    report.id = row.text(0);
    report.patientId = row.text(1);
    report.kind = reportKindFromCode(row.text(2)).value_or(ReportKind::Lab);
    report.title = row.text(3);
    report.departmentName = row.text(4);
    report.orderingDoctor = row.text(5);
    report.specimen = row.text(6);
    report.collectedAt = fromSeconds(row.integer(7));
    report.readyAt = fromSeconds(row.integer(8));
    report.status = reportStatusFromCode(row.text(9)).value_or(ReportStatus::Pending);
    report.timesPrinted = static_cast<int>(row.integer(10));
    // What the lab or radiologist wrote stays with the hospital until the report is released.
    if (report.status != ReportStatus::Pending) {
        report.findings = row.text(11);
        report.conclusion = row.text(12);
        report.reportingDoctor = row.text(13);
        report.reviewingDoctor = row.text(14);
    }
    report.barcode = row.text(15);
    return report;
}

BackendResult<void> loadResults(storage::Database& db, Report& report)
{
    if (report.kind != ReportKind::Lab || report.status == ReportStatus::Pending) return {};
    auto query = DEMO_TRY(prepareWith(db,
                                      "SELECT code, name, value, unit, reference_range, flag FROM lab_results "
                                      "WHERE report_id = ?1 ORDER BY line",
                                      report.id));
    DEMO_TRY_VOID(forEachRow(query, [&](const storage::Statement& row) {
        report.results.push_back(LabResult{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4),
                                           resultFlagFromCode(row.text(5)).value_or(ResultFlag::Normal)});
    }));
    return {};
}

// Reports whose time has come are ready from now on.
BackendResult<void> releaseDueReports(storage::Database& db, std::int64_t now)
{
    auto release = DEMO_TRY(
        prepareWith(db, "UPDATE reports SET status = 'ready' WHERE status = 'pending' AND ready_at <= ?1", now));
    DEMO_TRY_VOID(release.run());
    return {};
}

} // namespace

BackendResult<std::vector<Report>> DemoHospital::reports(const std::string& patientId)
{
    return call([&]() -> BackendResult<std::vector<Report>> {
        auto patient = DEMO_TRY(prepareWith(*m_db, "SELECT 1 FROM patients WHERE id = ?1", patientId));
        if (DEMO_TRY(patient.step()) == storage::Step::Done)
            return backendFail(BackendErrorKind::NotFound, "no such patient");
        WallTime now = m_clock.wallNow();
        DEMO_TRY_VOID(releaseDueReports(*m_db, toSeconds(now)));
        auto query = DEMO_TRY(prepareWith(*m_db,
                                          std::string(kReportSelect) +
                                              " WHERE r.patient_id = ?1 AND (r.collected_at >= ?2 OR "
                                              "r.status = 'pending') ORDER BY r.collected_at DESC, r.id",
                                          patientId, toSeconds(now - kReportWindow)));
        std::vector<Report> out;
        DEMO_TRY_VOID(forEachRow(query, [&](const storage::Statement& row) { out.push_back(readReport(row)); }));
        for (Report& report : out) DEMO_TRY_VOID(loadResults(*m_db, report));
        return out;
    });
}

BackendResult<Report> DemoHospital::reportByBarcode(const std::string& barcode)
{
    return call([&]() -> BackendResult<Report> {
        DEMO_TRY_VOID(releaseDueReports(*m_db, toSeconds(m_clock.wallNow())));
        return reportWhere("r.barcode = ?2", barcode);
    });
}

BackendResult<void> DemoHospital::markPrinted(const std::string& reportId)
{
    return call([&]() -> BackendResult<void> {
        DEMO_TRY_VOID(releaseDueReports(*m_db, toSeconds(m_clock.wallNow())));
        Report report = DEMO_TRY(reportWhere("r.id = ?2", reportId));
        if (report.status == ReportStatus::Pending)
            return backendFail(BackendErrorKind::Conflict, "report " + reportId + " is not ready yet");
        auto update = DEMO_TRY(prepareWith(
            *m_db, "UPDATE reports SET status = 'printed', times_printed = times_printed + 1 WHERE id = ?1", reportId));
        DEMO_TRY_VOID(update.run());
        return {};
    });
}

BackendResult<Report> DemoHospital::reportWhere(std::string_view condition, const std::string& value)
{
    auto query = DEMO_TRY(prepareWith(*m_db, std::string(kReportSelect) + " WHERE " + std::string(condition),
                                      toSeconds(m_clock.wallNow()), value));
    if (DEMO_TRY(query.step()) == storage::Step::Done) return backendFail(BackendErrorKind::NotFound, "no such report");
    Report report = readReport(query);
    DEMO_TRY_VOID(loadResults(*m_db, report));
    return report;
}

} // namespace kiosk::hospital
