#include "journal/journal.hpp"

#include <algorithm>
#include <ctime>

#include "journal/journal_schema.hpp"
#include "journal/personal_data.hpp"

namespace kiosk::journal {

namespace {

using storage::Statement;

// Whole seconds are enough for people and for ordering; steps of one
// transaction keep their order by sequence number, not by time.
std::int64_t toSeconds(WallTime t)
{
    return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
}

WallTime fromSeconds(std::int64_t s)
{
    return WallTime(std::chrono::duration_cast<WallTime::duration>(std::chrono::seconds(s)));
}

// The UTC second at which a local day starts; mktime knows the zone's offsets and DST.
std::int64_t localMidnight(CivilDate day)
{
    std::tm local{};
    local.tm_year = day.year - 1900;
    local.tm_mon = day.month - 1;
    local.tm_mday = day.day;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local));
}

Result<void> refusePersonalData(std::string_view text, const std::string& what)
{
    if (auto found = personalDataIn(text))
        // The text itself is left out: this message may well end up in a log.
        return fail("journal: " + what + " looks like it holds " + std::string(*found) +
                    "; the journal keeps references only, never personal data");
    return {};
}

constexpr std::string_view kColumns =
    "SELECT id, kind, kiosk_id, started_at, amount_fen, order_no, paid_order_no, channel, gateway_transaction_id,"
    " hospital_reference, patient_ref, last_step, updated_at, subject_ref FROM transactions ";

Result<std::vector<TransactionRecord>> readRecords(Statement& stmt)
{
    std::vector<TransactionRecord> out;
    while (KIOSK_TRY(stmt.step()) == storage::Step::Row) {
        TransactionRecord r;
        r.id = stmt.text(0);
        auto kind = parseKind(stmt.text(1));
        auto step = parseStep(stmt.text(11));
        if (!kind || !step)
            return fail("journal: transaction " + r.id + " has an unknown kind '" + stmt.text(1) + "' or step '" +
                        stmt.text(11) + "'");
        r.kind = *kind;
        r.kioskId = stmt.text(2);
        r.startedAt = fromSeconds(stmt.integer(3));
        r.amountFen = stmt.integer(4);
        r.orderNo = stmt.text(5);
        r.paidOrderNo = stmt.text(6);
        r.channel = stmt.text(7);
        r.gatewayTransactionId = stmt.text(8);
        r.hospitalReference = stmt.text(9);
        r.patientRef = stmt.text(10);
        r.lastStep = *step;
        r.updatedAt = fromSeconds(stmt.integer(12));
        r.subjectRef = stmt.text(13);
        out.push_back(std::move(r));
    }
    return out;
}

std::string describe(const StepDetails& d)
{
    std::string out;
    auto add = [&out](std::string_view key, const std::string& value) {
        if (!out.empty()) out += "; ";
        out.append(key).append("=").append(value);
    };
    if (d.orderNo) add("order_no", *d.orderNo);
    if (d.paidOrderNo) add("paid_order_no", *d.paidOrderNo);
    if (d.channel) add("channel", *d.channel);
    if (d.gatewayTransactionId) add("gateway_transaction", *d.gatewayTransactionId);
    if (d.hospitalReference) add("hospital_reference", *d.hospitalReference);
    if (d.amountFen) add("amount_fen", std::to_string(*d.amountFen));
    if (!d.note.empty()) add("note", d.note);
    return out;
}

Result<void> insertStep(storage::Database& db, const std::string& id, Step step, std::int64_t at,
                        const std::string& details)
{
    auto insert = KIOSK_TRY(db.prepare("INSERT INTO steps (id, step, at, details) VALUES (?1, ?2, ?3, ?4)"));
    return insert.bind(1, id).bind(2, stepName(step)).bind(3, at).bind(4, details).run();
}

} // namespace

std::string fitNote(std::string_view text)
{
    std::size_t end = std::min(text.size(), Journal::kMaxNoteBytes);
    while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end));
}

std::string channelWord(payment::PayChannel channel)
{
    switch (channel) {
    case payment::PayChannel::WeChat: return "wechat";
    case payment::PayChannel::Alipay: return "alipay";
    case payment::PayChannel::UnionPay: return "unionpay";
    case payment::PayChannel::Unknown: break;
    }
    return "unknown";
}

Result<std::unique_ptr<Journal>> Journal::open(const std::string& path)
{
    static const SystemClock systemClock;
    return open(path, systemClock);
}

Result<std::unique_ptr<Journal>> Journal::open(const std::string& path, const Clock& clock)
{
    auto db = KIOSK_TRY(storage::Database::open(path, storage::Durability::Full));
    KIOSK_TRY_VOID(migrateJournal(*db));
    return std::unique_ptr<Journal>(new Journal(std::move(db), clock));
}

Result<void> Journal::begin(const TransactionRecord& r)
{
    if (r.id.empty()) return fail("journal: a transaction needs an id (the transaction prefix)");
    if (r.kioskId.empty()) return fail("journal: transaction " + r.id + " has no kiosk id");
    if (r.amountFen < 0) return fail("journal: transaction " + r.id + " has a negative amount");
    KIOSK_TRY_VOID(refusePersonalData(r.patientRef, "the patient reference of " + r.id));

    std::lock_guard lock(m_mutex);
    auto tx = KIOSK_TRY(storage::Transaction::begin(*m_db));
    auto exists = KIOSK_TRY(m_db->prepare("SELECT last_step FROM transactions WHERE id = ?1"));
    exists.bind(1, r.id);
    if (KIOSK_TRY(exists.step()) == storage::Step::Row)
        return fail("journal: transaction " + r.id + " is already journaled (now '" + exists.text(0) +
                    "'); a new transaction needs a new prefix");
    std::int64_t started = toSeconds(r.startedAt);
    auto insert = KIOSK_TRY(m_db->prepare(
        "INSERT INTO transactions (id, kind, kiosk_id, started_at, amount_fen, order_no, paid_order_no, channel,"
        " gateway_transaction_id, hospital_reference, patient_ref, last_step, finished, updated_at, subject_ref)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, ?4, ?13)"));
    insert.bind(1, r.id)
        .bind(2, kindName(r.kind))
        .bind(3, r.kioskId)
        .bind(4, started)
        .bind(5, r.amountFen)
        .bind(6, r.orderNo)
        .bind(7, r.paidOrderNo)
        .bind(8, r.channel)
        .bind(9, r.gatewayTransactionId)
        .bind(10, r.hospitalReference)
        .bind(11, r.patientRef)
        .bind(12, stepName(Step::Intent))
        .bind(13, r.subjectRef);
    fault(r.id, Step::Intent, false);
    KIOSK_TRY_VOID(insert.run());
    std::string details = "kind=" + std::string(kindName(r.kind)) + "; amount_fen=" + std::to_string(r.amountFen);
    KIOSK_TRY_VOID(insertStep(*m_db, r.id, Step::Intent, started, details));
    KIOSK_TRY_VOID(tx.commit());
    fault(r.id, Step::Intent, true);
    return {};
}

Result<void> Journal::record(const std::string& id, Step step, const StepDetails& d)
{
    if (step == Step::Intent) return fail("journal: 'intent' is written by begin(), not record()");
    if (d.note.size() > kMaxNoteBytes)
        return fail("journal: the note for " + id + " is " + std::to_string(d.note.size()) + " bytes; at most " +
                    std::to_string(kMaxNoteBytes) + " are kept");
    KIOSK_TRY_VOID(refusePersonalData(d.note, "the note for " + id + " at '" + std::string(stepName(step)) + "'"));
    if (d.amountFen && *d.amountFen < 0) return fail("journal: a negative amount for " + id);

    std::lock_guard lock(m_mutex);
    auto tx = KIOSK_TRY(storage::Transaction::begin(*m_db));
    auto current = KIOSK_TRY(m_db->prepare("SELECT kind, last_step FROM transactions WHERE id = ?1"));
    current.bind(1, id);
    if (KIOSK_TRY(current.step()) != storage::Step::Row)
        return fail("journal: no transaction " + id + "; begin() writes its intent first");
    auto kind = parseKind(current.text(0));
    auto last = parseStep(current.text(1));
    if (!kind || !last) return fail("journal: transaction " + id + " has an unknown kind or step in the file");
    auto allowed = checkTransition(*kind, *last, step);
    if (!allowed) return fail(allowed.error().message + " (transaction " + id + ")");

    std::int64_t at = toSeconds(m_clock.wallNow());
    fault(id, step, false);
    // Optional values bound as NULL keep the column as it was.
    auto update = KIOSK_TRY(m_db->prepare(
        "UPDATE transactions SET order_no = COALESCE(?2, order_no), paid_order_no = COALESCE(?3, paid_order_no),"
        " channel = COALESCE(?4, channel), gateway_transaction_id = COALESCE(?5, gateway_transaction_id),"
        " hospital_reference = COALESCE(?6, hospital_reference), amount_fen = COALESCE(?7, amount_fen),"
        " last_step = ?8, finished = ?9, updated_at = ?10 WHERE id = ?1"));
    update.bind(1, id)
        .bind(2, d.orderNo)
        .bind(3, d.paidOrderNo)
        .bind(4, d.channel)
        .bind(5, d.gatewayTransactionId)
        .bind(6, d.hospitalReference)
        .bind(7, d.amountFen)
        .bind(8, stepName(step))
        .bind(9, isFinal(step) ? 1 : 0)
        .bind(10, at);
    KIOSK_TRY_VOID(update.run());
    KIOSK_TRY_VOID(insertStep(*m_db, id, step, at, describe(d)));
    KIOSK_TRY_VOID(tx.commit());
    fault(id, step, true);
    return {};
}

Result<std::vector<TransactionRecord>> Journal::unfinished()
{
    std::lock_guard lock(m_mutex);
    auto stmt = KIOSK_TRY(m_db->prepare(std::string(kColumns) + "WHERE finished = 0 ORDER BY started_at, id"));
    return readRecords(stmt);
}

Result<std::optional<TransactionRecord>> Journal::find(const std::string& id)
{
    std::lock_guard lock(m_mutex);
    auto stmt = KIOSK_TRY(m_db->prepare(std::string(kColumns) + "WHERE id = ?1"));
    stmt.bind(1, id);
    auto rows = KIOSK_TRY(readRecords(stmt));
    if (rows.empty()) return std::optional<TransactionRecord>{};
    return std::optional<TransactionRecord>(std::move(rows.front()));
}

Result<std::vector<TransactionRecord>> Journal::on(CivilDate localDay)
{
    std::int64_t from = localMidnight(localDay);
    std::int64_t to = localMidnight(CivilDate{localDay.year, localDay.month, localDay.day + 1});  // mktime rolls over
    std::lock_guard lock(m_mutex);
    auto stmt = KIOSK_TRY(
        m_db->prepare(std::string(kColumns) + "WHERE started_at >= ?1 AND started_at < ?2 ORDER BY started_at, id"));
    stmt.bind(1, from).bind(2, to);
    return readRecords(stmt);
}

Result<std::vector<StepRow>> Journal::history(const std::string& id)
{
    std::lock_guard lock(m_mutex);
    auto stmt = KIOSK_TRY(m_db->prepare("SELECT id, step, at, details FROM steps WHERE id = ?1 ORDER BY seq"));
    stmt.bind(1, id);
    std::vector<StepRow> out;
    while (KIOSK_TRY(stmt.step()) == storage::Step::Row) {
        auto step = parseStep(stmt.text(1));
        if (!step) return fail("journal: transaction " + id + " has an unknown step '" + stmt.text(1) + "'");
        out.push_back(StepRow{stmt.text(0), *step, fromSeconds(stmt.integer(2)), stmt.text(3)});
    }
    return out;
}

Result<int> Journal::purgeBefore(WallTime cutoff)
{
    // By last update, not start: a transaction staff closed yesterday is
    // recent history whatever day it began.
    std::lock_guard lock(m_mutex);
    auto tx = KIOSK_TRY(storage::Transaction::begin(*m_db));
    auto steps = KIOSK_TRY(m_db->prepare(
        "DELETE FROM steps WHERE id IN (SELECT id FROM transactions WHERE finished = 1 AND updated_at < ?1)"));
    KIOSK_TRY_VOID(steps.bind(1, toSeconds(cutoff)).run());
    auto transactions = KIOSK_TRY(m_db->prepare("DELETE FROM transactions WHERE finished = 1 AND updated_at < ?1"));
    KIOSK_TRY_VOID(transactions.bind(1, toSeconds(cutoff)).run());
    int deleted = m_db->changes();
    KIOSK_TRY_VOID(tx.commit());
    return deleted;
}

bool Journal::claim(const std::string& id)
{
    std::lock_guard lock(m_claimsMutex);
    return m_claims.insert(id).second;
}

void Journal::release(const std::string& id)
{
    std::lock_guard lock(m_claimsMutex);
    m_claims.erase(id);
}

void Journal::setFaultHook(FaultHook hook)
{
    std::lock_guard lock(m_mutex);
    m_faultHook = std::move(hook);
}

void Journal::fault(const std::string& id, Step step, bool written) const
{
    if (m_faultHook) m_faultHook(id, step, written);
}

Result<StorageMode> Journal::storageMode()
{
    std::lock_guard lock(m_mutex);
    StorageMode mode;
    auto journalMode = KIOSK_TRY(m_db->prepare("PRAGMA journal_mode"));
    if (KIOSK_TRY(journalMode.step()) == storage::Step::Row) mode.journalMode = journalMode.text(0);
    auto synchronous = KIOSK_TRY(m_db->prepare("PRAGMA synchronous"));
    if (KIOSK_TRY(synchronous.step()) == storage::Step::Row)
        mode.synchronous = static_cast<int>(synchronous.integer(0));
    return mode;
}

} // namespace kiosk::journal
