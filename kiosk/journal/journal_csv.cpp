#include "journal/journal_csv.hpp"

#include <string_view>

namespace kiosk::journal {

namespace {

void appendField(std::string& out, std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

std::string formatYuan(std::int64_t fen)
{
    // Magnitude as unsigned so that the most negative value cannot overflow.
    std::uint64_t magnitude = fen < 0 ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
    std::uint64_t cents = magnitude % 100;
    std::string out = fen < 0 ? "-" : "";
    out += std::to_string(magnitude / 100);
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return out;
}

Result<std::string> exportCsv(const std::vector<TransactionRecord>& records)
{
    std::string out = "time,kiosk,transaction,type,amount_yuan,method,order_no,gateway_transaction,hospital_reference,"
                      "status\r\n";
    for (const auto& r : records) {
        std::string time = formatLocalTime(r.startedAt, "%Y-%m-%d %H:%M:%S");
        if (time.empty()) return fail("journal export: cannot show the start time of " + r.id + " in local time");
        std::string amount = formatYuan(r.amountFen);
        // The order finance finds on the channel's statement: the one paid, or the one opened if none was.
        const std::string& orderNo = r.paidOrderNo.empty() ? r.orderNo : r.paidOrderNo;
        const std::string_view fields[] = {time,
                                           r.kioskId,
                                           r.id,
                                           kindName(r.kind),
                                           amount,
                                           r.channel,
                                           orderNo,
                                           r.gatewayTransactionId,
                                           r.hospitalReference,
                                           stepName(r.lastStep)};
        bool first = true;
        for (std::string_view field : fields) {
            if (!first) out += ',';
            first = false;
            appendField(out, field);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace kiosk::journal
