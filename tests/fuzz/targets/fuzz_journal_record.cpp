// The journal stores what the payment channel and the hospital answered: the
// channel's transaction number and name, amounts, the hospital's reference,
// a reason as a note. Any of it can be any bytes. Whatever arrives, the
// journal must keep exactly what it accepted, refuse a step its rules do not
// allow and a note holding personal data, and give finance a CSV that reads
// back to the same rows and amounts. A model kept here says what each call
// should do; the journal must agree with it call by call.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "journal/journal.hpp"
#include "journal/journal_csv.hpp"
#include "journal/personal_data.hpp"
#include "support/csv_reader.hpp"
#include "support/fuzz_bytes.hpp"

using namespace kiosk;
using namespace kiosk::journal;
using kiosk::fuzz::FuzzBytes;
using kiosk::fuzz::require;

namespace {

constexpr int kStepCount = static_cast<int>(Step::NeedsStaff) + 1;

// Ids from a small alphabet, so that a record often names a transaction
// that exists and a begin sometimes repeats one.
std::string transactionId(FuzzBytes& in)
{
    if (in.pick(8) == 0) return in.text(12);
    return "K07-20261123-" + std::to_string(in.pick(6));
}

// Start times within a century of 2026: the kiosk's clock, not arbitrary
// 64-bit counts that no calendar can show.
WallTime startTime(FuzzBytes& in)
{
    std::int64_t seconds = 1'790'000'000 + static_cast<std::int64_t>(in.u32() % 3'155'760'000u) - 1'577'880'000;
    return WallTime(std::chrono::duration_cast<WallTime::duration>(std::chrono::seconds(seconds)));
}

// Amounts are mostly ordinary, sometimes any 64-bit value (negative ones must be refused).
std::int64_t amount(FuzzBytes& in)
{
    if (in.pick(4) == 0) return in.i64();
    return static_cast<std::int64_t>(in.u32() % 10'000'000u);
}

void begin(Journal& journal, std::map<std::string, TransactionRecord>& model, std::vector<std::string>& order,
           FuzzBytes& in)
{
    TransactionRecord r;
    r.id = transactionId(in);
    r.kind = in.pick(2) == 0 ? TransactionKind::Registration : TransactionKind::Bills;
    r.kioskId = in.pick(4) == 0 ? in.text(8) : "K07";
    r.startedAt = startTime(in);
    r.amountFen = amount(in);
    r.orderNo = in.text(24);
    r.paidOrderNo = in.text(24);
    r.channel = in.text(12);
    r.gatewayTransactionId = in.text(32);
    r.hospitalReference = in.text(24);
    r.patientRef = in.text(24);
    bool expected = !r.id.empty() && !r.kioskId.empty() && r.amountFen >= 0 && !personalDataIn(r.patientRef) &&
                    !model.contains(r.id);
    auto result = journal.begin(r);
    require(result.has_value() == expected, "begin() accepted what it should refuse, or refused a good record");
    if (!result) return;
    r.lastStep = Step::Intent;
    model[r.id] = r;
    order.push_back(r.id);
}

void record(Journal& journal, std::map<std::string, TransactionRecord>& model, FuzzBytes& in)
{
    std::string id = transactionId(in);
    auto step = static_cast<Step>(in.pick(kStepCount));
    unsigned present = in.byte();
    StepDetails d;
    if (present & 1) d.orderNo = in.text(24);
    if (present & 2) d.paidOrderNo = in.text(24);
    if (present & 4) d.channel = in.text(12);
    if (present & 8) d.gatewayTransactionId = in.text(32);
    if (present & 16) d.hospitalReference = in.text(24);
    if (present & 32) d.amountFen = amount(in);
    if (present & 64) d.note = in.text(255);

    auto known = model.find(id);
    bool expected = step != Step::Intent && d.note.size() <= Journal::kMaxNoteBytes && !personalDataIn(d.note) &&
                    (!d.amountFen || *d.amountFen >= 0) && known != model.end() &&
                    checkTransition(known->second.kind, known->second.lastStep, step).has_value();
    auto result = journal.record(id, step, d);
    if (result && personalDataIn(d.note)) require(false, "a note with personal data was journaled");
    if (result && known != model.end())
        require(checkTransition(known->second.kind, known->second.lastStep, step).has_value(),
                "a step checkTransition refuses was journaled");
    require(result.has_value() == expected, "record() disagrees with the journal's rules");
    if (!result) return;
    TransactionRecord& r = known->second;
    if (d.orderNo) r.orderNo = *d.orderNo;
    if (d.paidOrderNo) r.paidOrderNo = *d.paidOrderNo;
    if (d.channel) r.channel = *d.channel;
    if (d.gatewayTransactionId) r.gatewayTransactionId = *d.gatewayTransactionId;
    if (d.hospitalReference) r.hospitalReference = *d.hospitalReference;
    if (d.amountFen) r.amountFen = *d.amountFen;
    r.lastStep = step;
}

// "123.45" or "-0.05" back to fen, without going through a float.
std::optional<std::int64_t> parseYuan(std::string_view text)
{
    bool negative = text.starts_with('-');
    if (negative) text.remove_prefix(1);
    auto dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0 || text.size() != dot + 3) return std::nullopt;
    std::uint64_t fen = 0;
    for (char c : text) {
        if (c == '.') continue;
        if (c < '0' || c > '9') return std::nullopt;
        fen = fen * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return static_cast<std::int64_t>(negative ? 0 - fen : fen);
}

void exportAndReadBack(Journal& journal, const std::map<std::string, TransactionRecord>& model,
                       const std::vector<std::string>& order)
{
    std::vector<TransactionRecord> records;
    for (const std::string& id : order) {
        auto found = journal.find(id);
        require(found.has_value() && found->has_value(), "a journaled transaction cannot be found");
        const TransactionRecord& got = **found;
        const TransactionRecord& want = model.at(id);
        require(got.kind == want.kind && got.kioskId == want.kioskId && got.startedAt == want.startedAt &&
                    got.amountFen == want.amountFen && got.orderNo == want.orderNo &&
                    got.paidOrderNo == want.paidOrderNo && got.channel == want.channel &&
                    got.gatewayTransactionId == want.gatewayTransactionId &&
                    got.hospitalReference == want.hospitalReference && got.patientRef == want.patientRef &&
                    got.lastStep == want.lastStep,
                "the journal does not give back what it accepted");
        records.push_back(got);
    }
    auto csv = exportCsv(records);
    require(csv.has_value(), "the export failed");
    auto rows = fuzz::readCsv(*csv);
    require(rows.has_value(), "the export is not valid CSV");
    require(rows->size() == records.size() + 1, "the export has another number of rows than the journal");
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::vector<std::string>& row = (*rows)[i + 1];
        const TransactionRecord& r = records[i];
        // time, kiosk, transaction, type, amount, method, order, gateway transaction, hospital, status
        require(row.size() == 10, "an exported row does not have 10 fields");
        require(parseYuan(row[4]) == r.amountFen, "an exported amount differs from the journal's");
        const std::string& orderNo = r.paidOrderNo.empty() ? r.orderNo : r.paidOrderNo;
        require(row[1] == r.kioskId && row[2] == r.id && row[3] == kindName(r.kind) && row[5] == r.channel &&
                    row[6] == orderNo && row[7] == r.gatewayTransactionId && row[8] == r.hospitalReference &&
                    row[9] == stepName(r.lastStep),
                "an exported field differs from the journal's");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // A fresh journal per input: each run starts from an empty file, as a new kiosk does.
    static const SystemClock clock;
    auto journal = Journal::open(":memory:", clock);
    require(journal.has_value(), "the journal did not open");
    FuzzBytes in(data, size);
    std::map<std::string, TransactionRecord> model;
    std::vector<std::string> order;
    for (int calls = 0; !in.empty() && calls < 64; ++calls) {
        if (in.pick(3) == 0)
            begin(**journal, model, order, in);
        else
            record(**journal, model, in);
    }
    exportAndReadBack(**journal, model, order);
    return 0;
}
