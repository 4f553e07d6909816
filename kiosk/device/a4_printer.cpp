#include "device/a4_printer.hpp"

namespace kiosk {

std::string_view printJobStateName(PrintJobState state)
{
    switch (state) {
    case PrintJobState::Pending: return "pending";
    case PrintJobState::Held: return "held";
    case PrintJobState::Processing: return "processing";
    case PrintJobState::Stopped: return "stopped";
    case PrintJobState::Canceled: return "canceled";
    case PrintJobState::Aborted: return "aborted";
    case PrintJobState::Completed: return "completed";
    case PrintJobState::Unknown: return "unknown";
    }
    return "unknown";
}

void applyStateReasons(A4PrinterStatus& status, const std::vector<std::string>& reasons)
{
    status.reasons = reasons;
    for (const std::string& full : reasons) {
        // RFC 8011: a keyword may carry -report, -warning or -error.
        std::string_view r = full;
        for (std::string_view suffix : {"-report", "-warning", "-error"})
            if (r.ends_with(suffix)) r.remove_suffix(suffix.size());
        if (r == "media-empty" || r == "media-needed") status.paper = PaperState::Empty;
        else if (r == "media-low" && status.paper != PaperState::Empty) status.paper = PaperState::NearEnd;
        else if (r == "media-jam") status.jammed = true;
        else if (r == "toner-low" || r == "marker-supply-low") status.tonerLow = true;
        else if (r == "offline" || r == "shutdown" || r == "timed-out") status.offline = true;
        else if (r == "paused") status.stopped = true;
    }
}

} // namespace kiosk
