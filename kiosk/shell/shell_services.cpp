// The Shell's side of the patient services: opening one (from a tile, or
// from a scanned report code), leaving it, and the runtime text it shows.
#include "shell/shell.hpp"

#include "patient/masking.hpp"
#include "scan/scan_classifier.hpp"

namespace kiosk {

void Shell::openService(ServiceKind kind)
{
    beginInteraction();
    // Price lookup is for anyone passing by; every other service works on an identified patient's records.
    const IdentityCard* patient = m_session->patient();
    if (!m_services || (!patient && needsPatient(kind))) return;
    if (servicePause(kind) != PauseReason::None) return;  // the tile says why; a stale tap starts nothing
    auto device = [this](DeviceRole role) { return m_devices[static_cast<std::size_t>(role)]; };
    std::string hospital = m_settings.hospitalName.empty() ? m_catalogs.text(m_prefs.language, "hospital.demo_name")
                                                           : m_settings.hospitalName;
    if (!m_services->open(kind, m_session->id(), patient, m_prefs.language, m_settings.kioskId, hospital, device))
        return;
    goTo(kind == ServiceKind::Bills     ? ScreenId::Bills
         : kind == ServiceKind::Reports ? ScreenId::Reports
         : kind == ServiceKind::Prices  ? ScreenId::Prices
         : kind == ServiceKind::CheckIn ? ScreenId::CheckIn
         : kind == ServiceKind::TransactionLookup ? ScreenId::TransactionLookup
                                        : ScreenId::Registration);
}

bool Shell::openReportByCode(const std::string& text)
{
    // A report barcode or the kiosk's report slip identifies one report: the
    // code itself is the patient's proof, as the paper it is printed on is.
    ScanClassification scan = classifyScan(text);
    bool reportCode = scan.kind == ScanKind::ReportBarcode ||
                      (scan.kind == ScanKind::KioskSlip && scan.slip && scan.slip->kind == SlipKind::Report);
    if (!reportCode || !m_services || !m_services->offers(ServiceKind::Reports)) return false;
    if (servicePause(ServiceKind::Reports) != PauseReason::None) return false;
    if (m_services->busy()) return true;  // another patient's money or printout is in flight: not now
    // Whoever was here before, their session ends: the code's owner starts afresh.
    if (m_session && m_session->patient()) endSession();
    if (!m_session) startSession();
    noteActivity();
    std::string code = scan.kind == ScanKind::KioskSlip ? scan.slip->id : scan.text;
    auto device = [this](DeviceRole role) { return m_devices[static_cast<std::size_t>(role)]; };
    std::string hospital = m_settings.hospitalName.empty() ? m_catalogs.text(m_prefs.language, "hospital.demo_name")
                                                           : m_settings.hospitalName;
    if (!m_services->openReportByCode(code, m_session->id(), m_prefs.language, m_settings.kioskId, hospital, device))
        return false;
    goTo(ScreenId::Reports);
    return true;
}

bool Shell::openTransactionByCode(const std::string& text)
{
    // A transaction slip (a failure slip's QR code) names one transaction of
    // this kiosk's journal; like the typed number it shows no personal data,
    // so it opens without identification.
    ScanClassification scan = classifyScan(text);
    if (scan.kind != ScanKind::KioskSlip || !scan.slip || scan.slip->kind != SlipKind::Transaction || !m_services)
        return false;
    if (m_services->busy()) return true;  // another patient's money or printout is in flight: not now
    if (m_session && m_session->patient()) endSession();
    if (!m_session) startSession();
    noteActivity();
    auto device = [this](DeviceRole role) { return m_devices[static_cast<std::size_t>(role)]; };
    std::string hospital = m_settings.hospitalName.empty() ? m_catalogs.text(m_prefs.language, "hospital.demo_name")
                                                           : m_settings.hospitalName;
    if (!m_services->openTransactionByCode(scan.slip->id, m_session->id(), m_prefs.language, m_settings.kioskId,
                                           hospital, device))
        return false;
    goTo(ScreenId::TransactionLookup);
    return true;
}

void Shell::leaveService()
{
    if (m_services) m_services->close();
    m_glyphs.clearSession();
    if (m_session && m_session->patient()) m_glyphs.require(maskName(m_session->patient()->displayName()), GlyphScope::Session);
    goTo(m_session && m_session->patient() ? ScreenId::Patient : ScreenId::Attract);
    changed();
}

void Shell::requireServiceGlyphs()
{
    m_services->forEachText([this](const std::string& text) {
        if (!text.empty()) m_glyphs.require(text, GlyphScope::Session);
    });
}

} // namespace kiosk
