#include "maintenance/audit_log.hpp"

#include <array>
#include <utility>

namespace kiosk::maintenance {

namespace {

constexpr std::array<std::pair<AuditEvent, std::string_view>, 10> kNames{{
    {AuditEvent::Enter, "enter"},
    {AuditEvent::Exit, "exit"},
    {AuditEvent::IdleExit, "idle-exit"},
    {AuditEvent::WrongPin, "wrong-pin"},
    {AuditEvent::Locked, "locked"},
    {AuditEvent::SettingChanged, "setting-changed"},
    {AuditEvent::DeviceAssigned, "device-assigned"},
    {AuditEvent::TestRun, "test-run"},
    {AuditEvent::OutOfServiceOn, "out-of-service-on"},
    {AuditEvent::OutOfServiceOff, "out-of-service-off"},
}};

constexpr std::string_view kPinHashKey = "maintainer.pin_hash";

std::int64_t toSeconds(WallTime t) { return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count(); }

WallTime fromSeconds(std::int64_t s)
{
    return WallTime(std::chrono::duration_cast<WallTime::duration>(std::chrono::seconds(s)));
}

} // namespace

std::string_view auditEventName(AuditEvent event)
{
    for (const auto& [e, name] : kNames)
        if (e == event) return name;
    return "?";
}

std::optional<AuditEvent> parseAuditEvent(std::string_view name)
{
    for (const auto& [e, n] : kNames)
        if (n == name) return e;
    return std::nullopt;
}

std::string describeAuditEntry(const AuditEntry& e)
{
    std::string out = formatLocalTime(e.at, "%Y-%m-%d %H:%M:%S") + " " + std::string(auditEventName(e.event)) +
                      " by " + e.who;
    if (!e.key.empty()) {
        out += ": " + e.key;
        if (!e.oldValue.empty() || !e.newValue.empty())
            out +=
                " " + (e.oldValue.empty() ? "\"\"" : e.oldValue) + " -> " + (e.newValue.empty() ? "\"\"" : e.newValue);
    }
    if (!e.detail.empty()) out += (e.key.empty() ? ": " : " (") + e.detail + (e.key.empty() ? "" : ")");
    return out;
}

Result<void> AuditLog::record(AuditEvent event, std::string_view who, std::string_view detail)
{
    return append({m_clock.wallNow(), event, std::string(who), "", "", "", std::string(detail)});
}

Result<void> AuditLog::recordChange(AuditEvent event, std::string_view who, const SettingChange& change)
{
    // A hash of a 6-digit PIN can be brute-forced offline; it stays in settings.db only.
    if (change.key == kPinHashKey)
        return append({m_clock.wallNow(), event, std::string(who), change.key, "", "", "maintainer PIN changed"});
    return append({m_clock.wallNow(), event, std::string(who), change.key, change.oldValue, change.newValue, ""});
}

Result<void> AuditLog::append(const AuditEntry& e)
{
    if (e.who.empty()) return fail("audit: every entry needs a who (the maintainer card's id or \"pin\")");
    auto insert = KIOSK_TRY(m_db.prepare(
        "INSERT INTO audit (at, kind, who, key, old_value, new_value, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    return insert.bind(1, toSeconds(e.at))
        .bind(2, auditEventName(e.event))
        .bind(3, e.who)
        .bind(4, e.key)
        .bind(5, e.oldValue)
        .bind(6, e.newValue)
        .bind(7, e.detail)
        .run();
}

Result<std::vector<AuditEntry>> AuditLog::between(WallTime from, WallTime to)
{
    auto rows = KIOSK_TRY(m_db.prepare("SELECT at, kind, who, key, old_value, new_value, detail FROM audit"
                                       " WHERE at >= ?1 AND at < ?2 ORDER BY at DESC, seq DESC"));
    rows.bind(1, toSeconds(from)).bind(2, toSeconds(to));
    std::vector<AuditEntry> out;
    while (KIOSK_TRY(rows.step()) == storage::Step::Row) {
        auto event = parseAuditEvent(rows.text(1));
        if (!event) return fail("audit: an entry of unknown kind '" + rows.text(1) + "' (written by a newer version?)");
        out.push_back({fromSeconds(rows.integer(0)), *event, rows.text(2), rows.text(3), rows.text(4), rows.text(5),
                       rows.text(6)});
    }
    return out;
}

} // namespace kiosk::maintenance
