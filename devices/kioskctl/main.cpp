// kioskctl: the maintainer's command-line tool, for configuration checks and
// hardware-in-the-loop tests. Each command does one thing and exits non-zero
// with a one-line reason when something is wrong.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "kioskctl/commands.hpp"

namespace {

using kiosk::ctl::Args;

struct Command {
    std::string_view group;  ///< First word.
    std::string_view name;   ///< Second word; empty for one-word commands.
    std::string_view arguments;
    std::string_view help;   ///< One line.
    int (*run)(Args);
};

// One line per command; keep the groups together.
constexpr Command kCommands[] = {
    {"catalog", "check", "[--assets DIR]", "check the zh-CN, zh-TW and en catalogs against each other",
     kiosk::ctl::catalogCheck},
    {"scenario", "check", "FILE...", "parse UI scenarios and report the first error in each",
     kiosk::ctl::scenarioCheck},
    {"identities", "list", "[--assets DIR]", "the simulator's sample ID cards, masked", kiosk::ctl::identitiesList},
    {"idcard", "decode", "[--unmasked] < HEX", "decode a read reply given as hex on stdin", kiosk::ctl::idcardDecode},
    {"usb", "list", "", "USB devices with VID:PID, interface classes and the adapter that would claim them",
     kiosk::ctl::usbList},
    {"idcard", "read", "[--unmasked]", "read one ID card on the USB reader and print its fields, masked",
     kiosk::ctl::idcardRead},
    {"printer", "status", "", "the USB receipt printer's real-time status (DLE EOT 1-4)", kiosk::ctl::printerStatus},
    {"a4", "status", "DESTINATION", "a CUPS destination's state and printer-state-reasons", kiosk::ctl::a4Status},
    {"printer", "test-receipt", "[--cups DEST | --png OUT.png]", "print a test receipt (USB by default; --kiosk-id ID)",
     kiosk::ctl::printerTestReceipt},
    {"a4", "test-page", "DESTINATION [--save OUT.pdf] [--timeout S]",
     "print the A4 test page and follow its job (--kiosk-id ID)", kiosk::ctl::a4TestPage},
    {"feedback", "summary", "[--data-dir DIR] [--days N] [--service NAME]",
     "the patients' satisfaction ratings, by number of faces", kiosk::ctl::feedbackSummary},
    {"settings", "show", "[--data-dir DIR] [--config FILE]",
     "the settings in effect, and the config file's lines that were ignored", kiosk::ctl::settingsShow},
    {"settings", "set", "KEY VALUE [--data-dir DIR]", "store one setting, checked and audited",
     kiosk::ctl::settingsSet},
    {"settings", "check", "FILE", "check a config file: every problem with file:line: key (exit 1 if any)",
     kiosk::ctl::settingsCheck},
    {"maintainer", "set-pin", "[--data-dir DIR] < PIN PIN", "set the maintainer PIN (typed twice; audited)",
     kiosk::ctl::maintainerSetPin},
    {"maintainer", "hash-pin", "< PIN PIN", "print a PIN's Argon2id hash for maintainer.pin_hash in a config file",
     kiosk::ctl::maintainerHashPin},
    {"audit", "", "[--since YYYY-MM-DD] [--data-dir DIR]", "the maintainer audit log, newest first",
     kiosk::ctl::auditShow},
    {"journal", "reconcile", "--date YYYY-MM-DD [--data-dir DIR]",
     "the journal against the simulated channel and demo hospital (demo set-up); 1 if they differ, 2 on error",
     kiosk::ctl::journalReconcile},
    {"journal", "export", "--date YYYY-MM-DD --format csv [--data-dir DIR]",
     "a day of the money journal as CSV for finance: amounts in yuan, channel and hospital numbers",
     kiosk::ctl::journalExport},
    {"say", "", "TEXT [--language TAG] (--wav FILE|--phonemes)", "speak with the kiosk's voice", kiosk::ctl::say},
    {"escpos", "render", "IN.bin OUT.png [--width 576|384]", "draw ESC/POS bytes as the receipt they print",
     kiosk::ctl::escposRender},
    {"escpos", "status", "BYTE... (hex, or N=BYTE)", "meaning of replies to DLE EOT 1, 2, 3, 4", kiosk::ctl::escposStatus},
    {"scan", "classify", "TEXT [--insurance PREFIX] [--report PATTERN]", "what a scanned code is, masked",
     kiosk::ctl::scanClassify},
    {"scan", "wait", "(--hidraw DEV | --evdev DEV) [--timeout S]", "wait for one scan on that scanner and classify it",
     kiosk::ctl::scanWait},
};

void printUsage(std::FILE* out)
{
    std::fprintf(out, "usage: kioskctl COMMAND [options]\ncommands:\n");
    for (const Command& c : kCommands) {
        std::string words(c.group);
        if (!c.name.empty()) words += " " + std::string(c.name);
        words += " " + std::string(c.arguments);
        std::fprintf(out, "  %-64s %s\n", words.c_str(), std::string(c.help).c_str());
    }
    std::fprintf(out, "  %-64s %s\n  %-64s %s\n", "version", "print the version", "help", "this text");
}

} // namespace

int main(int argc, char** argv)
{
    Args args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        printUsage(args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "version" || args[0] == "--version") {
        std::printf("kioskctl %s\n", KIOSK_VERSION);
        return 0;
    }
    for (const Command& c : kCommands) {
        if (args[0] != c.group) continue;
        if (c.name.empty()) return c.run(Args(args.begin() + 1, args.end()));
        if (args.size() >= 2 && args[1] == c.name) return c.run(Args(args.begin() + 2, args.end()));
    }
    std::fprintf(stderr, "kioskctl: unknown command '%s'\n", args[0].c_str());
    printUsage(stderr);
    return 2;
}
