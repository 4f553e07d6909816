// Commands about scanned codes: what a payload is, as the kiosk would see it,
// and one scan read from a real scanner. Payment codes and 医保 tokens are
// printed masked, never in full: support staff paste these from logs and
// tickets.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>

#include "core/event_queue.hpp"
#include "hidpos/evdev_wedge_scanner.hpp"
#include "hidpos/hidraw_scanner.hpp"
#include "kioskctl/commands.hpp"
#include "scan/scan_classifier.hpp"

namespace kiosk::ctl {

namespace {

/// Takes --insurance and --report out of args.
ScanRules takeScanRules(Args& args)
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
    return rules;
}

int printClassification(const std::string& text, const ScanRules& rules)
{
    ScanClassification scan = classifyScan(text, rules);
    if (scan.kind == ScanKind::Unknown) return failWith("unknown code: " + scan.reason);
    std::string kind(scanKindName(scan.kind));
    std::printf("%s %s\n", kind.c_str(), maskForLog(scan).c_str());
    if (scan.slip)
        std::printf("slip: %s %s\n", std::string(slipKindName(scan.slip->kind)).c_str(), scan.slip->id.c_str());
    return 0;
}

/// The hidraw adapter opens its node on its own thread; try it here first so that a node that cannot be opened
/// is reported with its reason instead of as a wait that times out.
Result<void> checkOpens(const std::string& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return fail("cannot open " + path + ": " + std::strerror(errno));
    ::close(fd);
    return {};
}

Result<std::unique_ptr<Scanner>> openScanner(bool hidraw, const std::string& path, EventQueue& events)
{
    std::unique_ptr<Scanner> scanner;
    if (hidraw) {
        KIOSK_TRY_VOID(checkOpens(path));
        scanner = std::make_unique<devices::hidpos::HidrawScanner>(events, path);
    } else {
        scanner = std::make_unique<devices::hidpos::EvdevWedgeScanner>(events, path);
    }
    KIOSK_TRY_VOID(scanner->open());
    return scanner;
}

} // namespace

int scanClassify(Args args)
{
    ScanRules rules = takeScanRules(args);
    if (args.size() != 1) return failWith("scan classify needs one TEXT (quote it)");
    return printClassification(args[0], rules);
}

int scanWait(Args args)
{
    ScanRules rules = takeScanRules(args);
    std::string hidraw, evdev, timeoutText = "30";
    bool useHidraw = takeOption(args, "--hidraw", hidraw);
    bool useEvdev = takeOption(args, "--evdev", evdev);
    takeOption(args, "--timeout", timeoutText);
    if (useHidraw == useEvdev) return failWith("scan wait needs one of --hidraw DEVICE or --evdev DEVICE");
    if (!args.empty()) return failWith("scan wait: unexpected '" + args[0] + "'");
    char* end = nullptr;
    double seconds = std::strtod(timeoutText.c_str(), &end);
    if (end == timeoutText.c_str() || *end != '\0' || !(seconds > 0 && seconds <= 86400))
        return failWith("--timeout must be a number of seconds, more than 0");

    EventQueue events;
    std::mutex mutex;
    std::condition_variable posted;
    events.setWaker([&] {
        std::lock_guard lock(mutex);
        posted.notify_all();
    });
    auto scanner = openScanner(useHidraw, useHidraw ? hidraw : evdev, events);
    if (!scanner) return failWith(scanner.error().message);
    (*scanner)->enable();
    std::fprintf(stderr, "scan a code with the %s (%g s)...\n", (*scanner)->describe().c_str(), seconds);

    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        for (Event& event : events.drain())
            if (auto* scan = std::get_if<CodeScanned>(&event)) return printClassification(scan->text, rules);
        // Not held while draining: the scanner posts, and so wakes us, with its own lock held.
        std::unique_lock lock(mutex);
        if (!posted.wait_until(lock, deadline, [&] { return !events.empty(); })) break;
    }
    std::string why = (*scanner)->state() == DeviceState::Error ? "; " + (*scanner)->lastError() : "";
    return failWith("no scan within " + timeoutText + " s from the " + (*scanner)->describe() + why);
}

} // namespace kiosk::ctl
