#pragma once
// What the reconciliation tests share: a fake channel and a fake hospital on
// a hand-moved clock at 10:00 on 2026-11-23 in UTC+8, journal transactions
// written as the flows would leave them, and the money moved at the channel
// and the hospital by their own calls.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "fake_gateway.hpp"
#include "fake_hospital.hpp"
#include "journal/reconciliation.hpp"
#include "journal_rig.hpp"

namespace {

using kiosk::test::FakeGateway;
using kiosk::test::FakeHospital;
using kiosk::test::GatewayOp;
using payment::Fen;

constexpr CivilDate kDay{2026, 11, 23};
constexpr const char* kWeChatCode = "134567890123456789";

// The steps a transaction went through, as the flows write them.
const std::vector<Step> kBookedSteps{Step::Intent, Step::OrderCreated, Step::Paid, Step::Booked, Step::Printed};
const std::vector<Step> kSettledSteps{Step::Intent, Step::OrderCreated, Step::Paid, Step::Settled, Step::Printed};
const std::vector<Step> kRefundedSteps{Step::Intent, Step::OrderCreated, Step::Paid, Step::Refunding, Step::Refunded};
const std::vector<Step> kClosedSteps{Step::Intent, Step::OrderCreated, Step::Closed};

struct ReconcileRig {
    ReconcileRig() : zone("CST-8")
    {
        clock.setWall(utc(2026, 11, 23, 2, 0, 0));
        input.day = kDay;
        hospital::Slot slot;
        slot.id = "S1";
        slot.departmentId = "D1";
        slot.date = kDay;
        slot.capacity = slot.remaining = 100;
        slot.fee = 5000;
        his.slotList.push_back(slot);
    }

    /// A journal transaction of the day that went through `steps`, paid (if it was) on `paidOrderNo`.
    JournalEntry& journaled(const std::string& id, TransactionKind kind, Fen amount, std::vector<Step> steps,
                            std::string paidOrderNo = {})
    {
        JournalEntry e;
        e.record = kind == TransactionKind::Registration ? registration(id, clock.wallNow(), amount)
                                                         : bills(id, clock.wallNow(), amount);
        e.record.lastStep = steps.back();
        bool paid = std::find(steps.begin(), steps.end(), Step::Paid) != steps.end();
        if (paid) e.record.paidOrderNo = paidOrderNo.empty() ? id : paidOrderNo;
        e.steps = std::move(steps);
        input.transactions.push_back(std::move(e));
        return input.transactions.back();
    }

    /// The patient's phone pays a QR order of `amount` at the channel.
    void paidByQr(const std::string& orderNo, Fen amount)
    {
        REQUIRE(gateway.createQrOrder(orderNo, amount, "registration").has_value());
        REQUIRE(gateway.payOrder(orderNo));
    }
    /// A payment code is charged `amount` on the order.
    void paidByCode(const std::string& orderNo, Fen amount)
    {
        auto charged = gateway.chargeCode(orderNo, amount, "bills", kWeChatCode);
        REQUIRE(charged.has_value());
        REQUIRE(charged->state == payment::PaymentState::Paid);
    }
    void refunded(const std::string& orderNo) { REQUIRE(gateway.refund(orderNo, orderNo + "R", "test").has_value()); }

    /// The hospital books a place under the transaction's booking key.
    void booked(const std::string& id)
    {
        auto hold = his.hold("S1", "P000123", id + "-H");
        REQUIRE(hold.has_value());
        REQUIRE(his.book(hold->id, id, id + "-B").has_value());
    }
    /// The hospital settles an order of `total` under the transaction's settle key.
    void settled(const std::string& id, Fen total)
    {
        hospital::Order order;
        order.id = "RX" + std::to_string(his.orderList.size() + 1);
        order.items.push_back(hospital::ChargeItem{"C1", "", "item", "box", 1, total});
        his.orderList.push_back(order);
        REQUIRE(his.settle("P000123", {order.id}, total, id, id + "-S").has_value());
    }

    Reconciliation run() { return reconcile(input, gateway, his); }

    ZoneForTest zone;
    ManualClock clock;
    FakeGateway gateway{clock};
    FakeHospital his{clock};
    ReconcileInput input;
};

inline std::vector<MismatchKind> kindsOf(const Reconciliation& r)
{
    std::vector<MismatchKind> out;
    for (const Mismatch& m : r.mismatches) out.push_back(m.kind);
    return out;
}

} // namespace
