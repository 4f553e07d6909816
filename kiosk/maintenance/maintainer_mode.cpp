#include "maintenance/maintainer_mode.hpp"

#include <algorithm>

#include "core/secure_clear.hpp"
#include "logging/log.hpp"

namespace kiosk::maintenance {

namespace {

ReceiptText line(std::string text, TextAlign align = TextAlign::Left, int scale = 1, bool bold = false)
{
    return ReceiptText{std::move(text), align, scale, scale, bold};
}

/// A short receipt that exercises text sizes, a QR code and the cut: enough to see the printer works.
ReceiptDocument maintainerTestReceipt(const std::string& kioskId, WallTime now)
{
    ReceiptDocument doc;
    auto& e = doc.elements;
    e.push_back(line("打印测试", TextAlign::Center, 2, true));
    e.push_back(line("Receipt printer test (maintainer mode)", TextAlign::Center, 1, true));
    e.push_back(ReceiptFeed{1});
    e.push_back(line("终端 Kiosk: " + kioskId));
    e.push_back(line("时间 Time: " + formatLocalTime(now, "%Y-%m-%d %H:%M:%S")));
    e.push_back(ReceiptFeed{1});
    e.push_back(ReceiptQrCode{"KIOSK-TEST " + kioskId, 6, TextAlign::Center});
    e.push_back(ReceiptFeed{2});
    e.push_back(ReceiptCut{false});
    return doc;
}

}  // namespace

MaintainerMode::MaintainerMode(SettingsStore& store, const Clock& clock, std::function<Result<KioskSettings>()> reload,
                               ReceiptPrinter* printer)
    : m_store(store), m_clock(clock), m_reload(std::move(reload)), m_printer(printer), m_audit(store.database(), clock),
      m_pinCheck(store.database(), clock, m_audit), m_started(clock.now())
{
}

void MaintainerMode::audit(AuditEvent event, std::string_view detail)
{
    // An audit row that cannot be written is logged; maintainer mode still
    // works, because a kiosk that cannot be serviced helps nobody.
    if (auto ok = m_audit.record(event, kWhoPin, detail); !ok)
        logging::error("maintainer", "cannot write the audit log: " + ok.error().message);
}

void MaintainerMode::clearPin()
{
    secureClear(m_pin);
}

bool MaintainerMode::cornerTap(std::string_view pinHash)
{
    if (m_stage != MaintainerStage::Closed) return false;
    Instant now = m_clock.now();
    std::erase_if(m_cornerTaps, [&](Instant t) { return now - t > kCornerWindow; });
    m_cornerTaps.push_back(now);
    if (static_cast<int>(m_cornerTaps.size()) < kCornerTaps) return false;
    m_cornerTaps.clear();
    m_stage = MaintainerStage::PinPad;
    m_padMessage = PinPadMessage::None;
    clearPin();
    touch();
    // Say at once what stands in the way, before anyone types a PIN for nothing.
    if (pinHash.empty()) {
        m_padMessage = PinPadMessage::NotSet;
    } else if (auto lock = m_pinCheck.state(); !lock) {
        m_padMessage = PinPadMessage::Failed;
    } else if (lock->outcome == PinOutcome::Locked) {
        m_padMessage = PinPadMessage::Locked;
        m_lockedUntil = lock->lockedUntil;
    }
    return true;
}

void MaintainerMode::key(char k)
{
    if (m_stage != MaintainerStage::PinPad) return;
    touch();
    if (k == '\b') {
        if (!m_pin.empty()) m_pin.pop_back();
    } else if (k == 0x18) {
        clearPin();
    } else if (k >= '0' && k <= '9' && m_pin.size() < static_cast<std::size_t>(kPinMaxDigits)) {
        m_pin.push_back(k);
    }
}

bool MaintainerMode::submit(std::string_view pinHash)
{
    if (m_stage != MaintainerStage::PinPad) return false;
    touch();
    if (pinHash.empty()) {
        m_padMessage = PinPadMessage::NotSet;
        clearPin();
        return false;
    }
    auto checked = m_pinCheck.verify(m_pin, pinHash);
    clearPin();
    if (!checked) {
        logging::error("maintainer", "cannot check the PIN: " + checked.error().message);
        m_padMessage = PinPadMessage::Failed;
        return false;
    }
    switch (checked->outcome) {
    case PinOutcome::Accepted:
        m_stage = MaintainerStage::Open;
        m_padMessage = PinPadMessage::None;
        m_lastResult = ActionResult::None;
        audit(AuditEvent::Enter);
        logging::info("maintainer", "maintainer mode entered");
        return true;
    case PinOutcome::Wrong:
        m_padMessage = PinPadMessage::Wrong;
        m_attemptsLeft = checked->attemptsLeft;
        return false;
    case PinOutcome::Locked:
        m_padMessage = PinPadMessage::Locked;
        m_lockedUntil = checked->lockedUntil;
        return false;
    case PinOutcome::NotSet: m_padMessage = PinPadMessage::NotSet; return false;
    }
    return false;
}

void MaintainerMode::close()
{
    if (m_stage == MaintainerStage::Open) {
        audit(AuditEvent::Exit);
        logging::info("maintainer", "maintainer mode left");
    }
    m_stage = MaintainerStage::Closed;
    clearPin();
}

std::optional<KioskSettings> MaintainerMode::change(std::string_view key, std::string_view value)
{
    if (m_stage != MaintainerStage::Open) return std::nullopt;
    touch();
    auto changed = m_store.set(key, value);
    if (!changed) {
        m_lastResult = ActionResult::Refused;
        m_refusal = changed.error().message;
        return std::nullopt;
    }
    if (auto ok = m_audit.recordChange(AuditEvent::SettingChanged, kWhoPin, *changed); !ok)
        logging::error("maintainer", "cannot write the audit log: " + ok.error().message);
    logging::info("maintainer", "setting " + changed->key + " changed");
    auto settings = m_reload();
    if (!settings) {
        m_lastResult = ActionResult::Refused;
        m_refusal = settings.error().message;
        return std::nullopt;
    }
    m_lastResult = ActionResult::Saved;
    return *settings;
}

void MaintainerMode::testPrint(const std::string& kioskId)
{
    if (m_stage != MaintainerStage::Open) return;
    touch();
    if (!m_printer) {
        m_lastResult = ActionResult::PrintFailed;
        audit(AuditEvent::TestRun, "receipt printer: none configured");
        return;
    }
    PrintOutcome outcome = m_printer->print(maintainerTestReceipt(kioskId, m_clock.wallNow()));
    m_lastResult = outcome.printed ? ActionResult::Printed : ActionResult::PrintFailed;
    audit(AuditEvent::TestRun,
          std::string("receipt printer: ") + (outcome.printed ? "printed" : "failed: " + outcome.error));
}

bool MaintainerMode::tick(Duration idleTimeout)
{
    if (m_stage == MaintainerStage::Closed || m_clock.now() - m_lastActivity < idleTimeout) return false;
    if (m_stage == MaintainerStage::Open) {
        audit(AuditEvent::IdleExit);
        logging::info("maintainer", "maintainer mode left after idle time");
    }
    m_stage = MaintainerStage::Closed;
    clearPin();
    return true;
}

std::optional<Instant> MaintainerMode::deadline(Duration idleTimeout) const
{
    if (m_stage == MaintainerStage::Closed) return std::nullopt;
    return m_lastActivity + idleTimeout;
}

}  // namespace kiosk::maintenance
