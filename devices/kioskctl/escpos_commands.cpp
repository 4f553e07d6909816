// Offline tools over the receipt printer's codecs, for support staff reading
// a capture: render ESC/POS bytes as the paper they would print, and spell
// out what status reply bytes mean.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <vector>

#include "escpos/escpos_interpreter.hpp"
#include "escpos/escpos_status.hpp"
#include "kioskctl/commands.hpp"

namespace kiosk::ctl {

using namespace kiosk::devices::escpos;

int escposRender(Args args)
{
    std::string width = "576";
    takeOption(args, "--width", width);
    if (width != "576" && width != "384") return failWith("--width takes 576 (80 mm paper) or 384 (58 mm)");
    if (args.size() != 2) return failWith("escpos render needs IN.bin and OUT.png");
    std::ifstream in(args[0], std::ios::binary);
    if (!in) return failWith("cannot read " + args[0]);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.empty()) return failWith(args[0] + " is empty: no ESC/POS bytes to render");

    InterpreterOptions options;
    options.paperWidthDots = std::stoi(width);
    auto interpreter = EscposInterpreter::open(options);
    if (!interpreter) return failWith(interpreter.error().message);
    Rendering rendering = interpreter->render(bytes);
    for (const std::string& w : rendering.warnings)
        std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (auto written = writePng(rendering.paper, args[1]); !written) return failWith(written.error().message);
    std::printf("%s: %d×%d dots from %zu bytes, %d cut%s, %zu warning%s\n", args[1].c_str(), rendering.paper.width,
                rendering.paper.height, bytes.size(), rendering.cuts, rendering.cuts == 1 ? "" : "s",
                rendering.warnings.size(), rendering.warnings.size() == 1 ? "" : "s");
    return 0;
}

namespace {

// "1A", "0x1a" or, to name the request, "4=7E".
bool parseReply(const std::string& word, int& query, std::uint8_t& value)
{
    std::string hex = word;
    if (hex.size() > 2 && hex[1] == '=') {
        if (hex[0] < '1' || hex[0] > '4') return false;
        query = hex[0] - '0';
        hex = hex.substr(2);
    }
    if (hex.size() > 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex = hex.substr(2);
    if (hex.empty() || hex.size() > 2) return false;
    unsigned v = 0;
    for (char c : hex) {
        int digit = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
        if (digit < 0) return false;
        v = v * 16 + static_cast<unsigned>(digit);
    }
    value = static_cast<std::uint8_t>(v);
    return true;
}

}  // namespace

int escposStatus(Args args)
{
    if (args.empty() || args.size() > 4)
        return failWith(
            "escpos status needs one to four hex bytes: the replies to DLE EOT 1, 2, 3, 4 (N=BYTE names the request)");
    static constexpr const char* kNames[] = {"", "printer", "offline cause", "error cause", "roll paper"};
    std::vector<StatusReply> replies;
    bool asked[5] = {};
    int next = 1;
    for (const std::string& word : args) {
        int query = next;
        std::uint8_t value = 0;
        if (!parseReply(word, query, value)) return failWith("'" + word + "' is not a hex byte (or N=BYTE with N 1–4)");
        if (query > 4) return failWith("more replies than DLE EOT 1–4: '" + word + "'");
        if (asked[query]) return failWith("two replies to DLE EOT " + std::to_string(query));
        asked[query] = true;
        replies.push_back({static_cast<StatusQuery>(query), value});
        next = query + 1;
    }
    auto detail = decodeStatusReplies(replies);
    if (!detail) return failWith(detail.error().message);
    for (const StatusReply& r : replies) {
        int n = static_cast<int>(r.query);
        std::string meaning;
        for (const std::string& m : describeStatusReply(r))
            meaning += (meaning.empty() ? "" : ", ") + m;
        if (meaning.empty()) meaning = n == 1 ? "online" : n == 4 ? "paper adequate" : "none";
        std::printf("DLE EOT %d (%s) 0x%02X: %s\n", n, kNames[n], r.value, meaning.c_str());
    }
    std::printf("status: %s\nready to print: %s\n", describe(detail->status).c_str(),
                detail->status.readyToPrint() ? "yes" : "no");
    return 0;
}

}  // namespace kiosk::ctl
