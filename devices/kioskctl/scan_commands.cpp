// Commands about scanned codes: what a payload is, as the kiosk would see it.
// Payment codes and 医保 tokens are printed masked, never in full: support
// staff paste these from logs and tickets.
#include <cstdio>

#include "kioskctl/commands.hpp"
#include "scan/scan_classifier.hpp"

namespace kiosk::ctl {

int scanClassify(Args args)
{
    ScanRules rules;
    std::string value;
    while (takeOption(args, "--insurance", value)) rules.insurancePrefixes.push_back(value);
    // Site patterns replace the default, as they do in the kiosk's settings.
    bool customPatterns = false;
    while (takeOption(args, "--report", value)) {
        if (!customPatterns) rules.reportPatterns.clear();
        customPatterns = true;
        rules.reportPatterns.push_back(value);
    }
    if (args.size() != 1) return failWith("scan classify needs one TEXT (quote it)");

    ScanClassification scan = classifyScan(args[0], rules);
    if (scan.kind == ScanKind::Unknown) return failWith("unknown code: " + scan.reason);
    std::string kind(scanKindName(scan.kind));
    std::printf("%s %s\n", kind.c_str(), maskForLog(scan).c_str());
    if (scan.slip)
        std::printf("slip: %s %s\n", std::string(slipKindName(scan.slip->kind)).c_str(), scan.slip->id.c_str());
    return 0;
}

} // namespace kiosk::ctl
