#include "cups/cups_a4_printer.hpp"

#include <cups/cups.h>

#include <memory>

namespace kiosk::devices {

namespace {

struct IppDeleter {
    void operator()(ipp_t* ipp) const { ippDelete(ipp); }
};
using IppPtr = std::unique_ptr<ipp_t, IppDeleter>;

struct DestDeleter {
    void operator()(cups_dest_t* dest) const { cupsFreeDests(1, dest); }
};
using DestPtr = std::unique_ptr<cups_dest_t, DestDeleter>;

std::string lastError() { return cupsLastErrorString() ? cupsLastErrorString() : "unknown error"; }

std::string printerUri(const std::string& destination)
{
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/printers/%s",
                     destination.c_str());
    return uri;
}

std::vector<std::string> keywords(ipp_t* response, const char* name)
{
    std::vector<std::string> out;
    ipp_attribute_t* attr = ippFindAttribute(response, name, IPP_TAG_KEYWORD);
    for (int i = 0; attr && i < ippGetCount(attr); ++i)
        if (const char* v = ippGetString(attr, i, nullptr)) out.emplace_back(v);
    return out;
}

PrintJobState jobState(int ippState)
{
    switch (ippState) {
    case IPP_JSTATE_PENDING: return PrintJobState::Pending;
    case IPP_JSTATE_HELD: return PrintJobState::Held;
    case IPP_JSTATE_PROCESSING: return PrintJobState::Processing;
    case IPP_JSTATE_STOPPED: return PrintJobState::Stopped;
    case IPP_JSTATE_CANCELED: return PrintJobState::Canceled;
    case IPP_JSTATE_ABORTED: return PrintJobState::Aborted;
    case IPP_JSTATE_COMPLETED: return PrintJobState::Completed;
    default: return PrintJobState::Unknown;
    }
}

} // namespace

CupsA4Printer::CupsA4Printer(std::string destination) : m_destination(std::move(destination)) {}

Result<PrintJob> CupsA4Printer::submitPdf(std::span<const std::uint8_t> pdf, const std::string& title)
{
    if (pdf.size() < 5 || std::string_view(reinterpret_cast<const char*>(pdf.data()), 5) != "%PDF-")
        return fail("the document for " + m_destination + " is not a PDF");
    return submit(pdf, title, CUPS_FORMAT_PDF);
}

Result<PrintJob> CupsA4Printer::submitRaw(std::span<const std::uint8_t> bytes, const std::string& title)
{
    return submit(bytes, title, CUPS_FORMAT_RAW);
}

Result<PrintJob> CupsA4Printer::submit(std::span<const std::uint8_t> data, const std::string& title,
                                       const char* format)
{
    DestPtr dest(cupsGetNamedDest(CUPS_HTTP_DEFAULT, m_destination.c_str(), nullptr));
    if (!dest)
        return fail("no CUPS destination '" + m_destination + "' (" + lastError() +
                    "); `lpstat -p` lists the ones that exist");
    int jobId = cupsCreateJob(CUPS_HTTP_DEFAULT, m_destination.c_str(), title.c_str(), 0, nullptr);
    if (jobId <= 0) return fail("CUPS refused a job for " + m_destination + ": " + lastError());
    if (cupsStartDocument(CUPS_HTTP_DEFAULT, m_destination.c_str(), jobId, title.c_str(), format, 1) !=
        HTTP_STATUS_CONTINUE) {
        cupsCancelJob2(CUPS_HTTP_DEFAULT, m_destination.c_str(), jobId, 0);
        return fail("CUPS did not take the document for job " + std::to_string(jobId) + ": " + lastError());
    }
    if (cupsWriteRequestData(CUPS_HTTP_DEFAULT, reinterpret_cast<const char*>(data.data()), data.size()) !=
        HTTP_STATUS_CONTINUE) {
        cupsFinishDocument(CUPS_HTTP_DEFAULT, m_destination.c_str());
        cupsCancelJob2(CUPS_HTTP_DEFAULT, m_destination.c_str(), jobId, 0);
        return fail("sending job " + std::to_string(jobId) + " to CUPS failed: " + lastError());
    }
    if (cupsFinishDocument(CUPS_HTTP_DEFAULT, m_destination.c_str()) > IPP_STATUS_OK_CONFLICTING) {
        cupsCancelJob2(CUPS_HTTP_DEFAULT, m_destination.c_str(), jobId, 0);
        return fail("CUPS rejected job " + std::to_string(jobId) + ": " + lastError());
    }
    return job(jobId);
}

Result<void> CupsA4Printer::cancelJob(int jobId)
{
    if (cupsCancelJob2(CUPS_HTTP_DEFAULT, m_destination.c_str(), jobId, 0) <= IPP_STATUS_OK_CONFLICTING) return {};
    // A job that already ended cannot be cancelled, and needs not be.
    if (auto state = job(jobId); state && isFinal(state->state)) return {};
    return fail("cannot cancel job " + std::to_string(jobId) + " on " + m_destination + ": " + cupsLastErrorString());
}

Result<PrintJob> CupsA4Printer::job(int jobId)
{
    ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    std::string uri = printerUri(m_destination);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri.c_str());
    ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", jobId);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    IppPtr response(cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/"));
    if (!response || ippGetStatusCode(response.get()) > IPP_STATUS_OK_CONFLICTING)
        return fail("cannot read job " + std::to_string(jobId) + " from CUPS: " + lastError());
    PrintJob out{jobId, PrintJobState::Unknown, keywords(response.get(), "job-state-reasons")};
    if (ipp_attribute_t* state = ippFindAttribute(response.get(), "job-state", IPP_TAG_ENUM))
        out.state = jobState(ippGetInteger(state, 0));
    return out;
}

Result<A4PrinterStatus> CupsA4Printer::status()
{
    A4PrinterStatus out;
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    std::string uri = printerUri(m_destination);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri.c_str());
    static const char* const wanted[] = {"printer-state", "printer-state-reasons", "printer-state-message",
                                         "printer-is-accepting-jobs"};
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, nullptr, wanted);
    IppPtr response(cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/"));
    if (!response) return fail("CUPS does not answer: " + lastError());
    if (ippGetStatusCode(response.get()) > IPP_STATUS_OK_CONFLICTING)
        return fail("no CUPS destination '" + m_destination + "' (" + lastError() + ")");
    out.reachable = true;
    if (ipp_attribute_t* a = ippFindAttribute(response.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
        out.accepting = ippGetBoolean(a, 0) != 0;
    if (ipp_attribute_t* a = ippFindAttribute(response.get(), "printer-state", IPP_TAG_ENUM))
        out.stopped = ippGetInteger(a, 0) == IPP_PSTATE_STOPPED;
    if (ipp_attribute_t* a = ippFindAttribute(response.get(), "printer-state-message", IPP_TAG_TEXT))
        if (const char* m = ippGetString(a, 0, nullptr)) out.message = m;
    std::vector<std::string> reasons = keywords(response.get(), "printer-state-reasons");
    if (reasons.size() == 1 && reasons[0] == "none") reasons.clear();
    applyStateReasons(out, reasons);
    return out;
}

} // namespace kiosk::devices
