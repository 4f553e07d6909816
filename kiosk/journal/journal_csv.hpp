#pragma once
// The journal as CSV for the finance office's daily reconciliation against
// the channel's statement: one line per transaction, local time, yuan.
#include <string>
#include <vector>

#include "core/result.hpp"
#include "journal/journal.hpp"

namespace kiosk::journal {

/// Header `time,kiosk,transaction,type,amount_yuan,method,order_no,gateway_transaction,hospital_reference,status`,
/// then one line per record: start time in local time, the transaction id (the number on the patient's slip),
/// amount in yuan with two decimals, the channel's order number (the paid order, else the one opened) and
/// transaction number, the hospital's appointment or invoice id, status the last step's name. Lines end in CRLF
/// and fields are quoted as RFC 4180 asks.
Result<std::string> exportCsv(const std::vector<TransactionRecord>& records);

/// 12345 fen as "123.45", in integers: a float would turn some amounts into a fen off.
std::string formatYuan(std::int64_t fen);

} // namespace kiosk::journal
