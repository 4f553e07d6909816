#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "test_demo_hospital_fixture.hpp"

using namespace kiosk;
using namespace kiosk::hospital;
using namespace kiosk::test;

namespace {

Fen totalOf(const std::vector<Order>& orders)
{
    Fen sum = 0;
    for (const Order& order : orders) sum += order.total();
    return sum;
}

std::vector<std::string> idsOf(const std::vector<Order>& orders)
{
    std::vector<std::string> ids;
    for (const Order& order : orders) ids.push_back(order.id);
    return ids;
}

} // namespace

TEST_SUITE("demo_hospital.bills")
{
    TEST_CASE("unpaid orders come grouped with their items and amounts")
    {
        DemoFixture demo;
        auto orders = need(demo.his->unpaidOrders(demo.zhang().id));
        REQUIRE(orders.size() >= 2);
        std::set<OrderKind> kinds;
        for (const Order& order : orders) {
            kinds.insert(order.kind);
            CHECK_FALSE(order.items.empty());
            CHECK_FALSE(order.departmentName.empty());
            CHECK_FALSE(order.doctorName.empty());
            CHECK(order.total() > 0);
            for (const ChargeItem& item : order.items) {
                CHECK(item.id.starts_with(order.id));
                CHECK_FALSE(item.name.empty());
                CHECK(item.quantity >= 1);
            }
        }
        CHECK(kinds.contains(OrderKind::Prescription));
        // Oldest first: yesterday's breath test, then today's prescription and exams.
        CHECK(orders.front().orderedAt <= orders.back().orderedAt);
        auto prescription = std::find_if(orders.begin(), orders.end(),
                                         [](const Order& o) { return o.kind == OrderKind::Prescription; });
        REQUIRE(prescription != orders.end());
        CHECK(prescription->departmentName == "心血管内科");
        CHECK(prescription->items[0].name == "苯磺酸氨氯地平片");
        CHECK(prescription->items[0].unit == "盒");
        CHECK(prescription->items[0].quantity == 2);
        CHECK(prescription->items[0].amount() == 4900);
        CHECK(errorKind(demo.his->unpaidOrders("P99999999")) == BackendErrorKind::NotFound);
    }

    TEST_CASE("settling: the amount must match, the same key gives one invoice, paid orders leave the list")
    {
        DemoFixture demo;
        PatientRecord zhang = demo.zhang();
        auto orders = need(demo.his->unpaidOrders(zhang.id));
        REQUIRE(orders.size() >= 2);
        std::vector<Order> chosen(orders.begin(), orders.begin() + 2);
        std::vector<std::string> ids = idsOf(chosen);
        Fen total = totalOf(chosen);

        CHECK(errorKind(demo.his->settle(zhang.id, ids, total - 1, "PAY-B", "settle-1")) == BackendErrorKind::Invalid);
        CHECK(errorKind(demo.his->settle(zhang.id, {}, 0, "PAY-B", "settle-1")) == BackendErrorKind::Invalid);
        CHECK(errorKind(demo.his->settle(zhang.id, {ids[0], ids[0]}, chosen[0].total() * 2, "PAY-B", "settle-1")) ==
              BackendErrorKind::Invalid);
        CHECK(errorKind(demo.his->settle(zhang.id, {"RX00000000"}, 100, "PAY-B", "settle-1")) ==
              BackendErrorKind::NotFound);
        CHECK(need(demo.his->unpaidOrders(zhang.id)).size() == orders.size());  // nothing was paid by the failures

        Invoice invoice = need(demo.his->settle(zhang.id, ids, total, "PAY-B", "settle-1"));
        CHECK(invoice.total == total);
        CHECK(invoice.patientId == zhang.id);
        CHECK(invoice.paymentReference == "PAY-B");
        CHECK(invoice.issuedAt == demo.clock.wallNow());
        CHECK(std::set<std::string>(invoice.orderIds.begin(), invoice.orderIds.end()) ==
              std::set<std::string>(ids.begin(), ids.end()));
        CHECK(invoice.eInvoiceUrl == "https://einvoice.demo-hospital.invalid/i/" + invoice.id);

        Invoice again = need(demo.his->settle(zhang.id, ids, total, "PAY-B", "settle-1"));
        CHECK(again.id == invoice.id);
        CHECK(need(demo.his->invoiceByKey("settle-1")).id == invoice.id);
        CHECK(errorKind(demo.his->invoiceByKey("settle-never")) == BackendErrorKind::NotFound);

        auto left = need(demo.his->unpaidOrders(zhang.id));
        CHECK(left.size() == orders.size() - 2);
        for (const Order& order : left) CHECK(std::find(ids.begin(), ids.end(), order.id) == ids.end());
        CHECK(errorKind(demo.his->settle(zhang.id, {ids[0]}, chosen[0].total(), "PAY-C", "settle-2")) ==
              BackendErrorKind::Conflict);
        CHECK(errorKind(demo.his->settle(zhang.id, ids, total, "PAY-B", "")) == BackendErrorKind::Invalid);
    }

    TEST_CASE("orders of another patient cannot be settled")
    {
        DemoFixture demo;
        auto theirs = need(demo.his->unpaidOrders(demo.zhang().id));
        REQUIRE_FALSE(theirs.empty());
        PatientRecord someone = demo.newPatient(20);
        CHECK(errorKind(demo.his->settle(someone.id, {theirs[0].id}, theirs[0].total(), "PAY-O", "settle-o")) ==
              BackendErrorKind::Invalid);
        CHECK(need(demo.his->unpaidOrders(demo.zhang().id)).size() == theirs.size());
    }
}

TEST_SUITE("demo_hospital.reports")
{
    TEST_CASE("the last 30 days: ready lab reports with flags, a ready imaging report, pending ones with a time")
    {
        DemoFixture demo;
        auto reports = need(demo.his->reports(demo.zhang().id));
        int readyAbnormalLab = 0;
        int readyImaging = 0;
        int pending = 0;
        for (const Report& report : reports) {
            INFO(report.title);
            CHECK(report.collectedAt >= demo.clock.wallNow() - std::chrono::hours(24 * 30));
            CHECK(report.barcode.size() == 12);
            CHECK(report.readyAt.has_value());
            if (report.status == ReportStatus::Pending) {
                ++pending;
                CHECK(*report.readyAt > demo.clock.wallNow());
                CHECK(report.results.empty());
                CHECK(report.findings.empty());
                CHECK(report.conclusion.empty());
                continue;
            }
            CHECK_FALSE(report.reportingDoctor.empty());
            if (report.kind == ReportKind::Lab) {
                CHECK_FALSE(report.results.empty());
                CHECK_FALSE(report.specimen.empty());
                bool abnormal = std::any_of(report.results.begin(), report.results.end(),
                                            [](const LabResult& r) { return r.flag != ResultFlag::Normal; });
                if (abnormal && report.status == ReportStatus::Ready) ++readyAbnormalLab;
            } else {
                CHECK(report.results.empty());
                CHECK_FALSE(report.findings.empty());
                CHECK_FALSE(report.conclusion.empty());
                if (report.status == ReportStatus::Ready) ++readyImaging;
            }
        }
        CHECK(readyAbnormalLab >= 2);
        CHECK(readyImaging >= 1);
        CHECK(pending >= 1);

        auto lipids = std::find_if(reports.begin(), reports.end(), [](const Report& r) { return r.title == "血脂"; });
        REQUIRE(lipids != reports.end());
        auto ldl = std::find_if(lipids->results.begin(), lipids->results.end(),
                                [](const LabResult& r) { return r.code == "LDL-C"; });
        REQUIRE(ldl != lipids->results.end());
        CHECK(ldl->value == "4.05");
        CHECK(ldl->unit == "mmol/L");
        CHECK(ldl->referenceRange == "<3.40");
        CHECK(ldl->flag == ResultFlag::High);
        CHECK(errorKind(demo.his->reports("P99999999")) == BackendErrorKind::NotFound);
    }

    TEST_CASE("a pending report becomes ready when its time comes")
    {
        DemoFixture demo;
        PatientRecord zhang = demo.zhang();
        auto before = need(demo.his->reports(zhang.id));
        auto thyroid = std::find_if(before.begin(), before.end(), [](const Report& r) { return r.title == "甲状腺功能"; });
        REQUIRE(thyroid != before.end());
        CHECK(thyroid->status == ReportStatus::Pending);
        CHECK(errorKind(demo.his->markPrinted(thyroid->id)) == BackendErrorKind::Conflict);

        demo.clock.advance(std::chrono::hours(2));
        Report ready = need(demo.his->reportByBarcode(thyroid->barcode));
        CHECK(ready.id == thyroid->id);
        CHECK(ready.status == ReportStatus::Ready);
        CHECK(ready.results.size() == 3);
        CHECK_FALSE(ready.reportingDoctor.empty());
        auto after = need(demo.his->reports(zhang.id));
        CHECK(std::count_if(after.begin(), after.end(), [](const Report& r) {
                  return r.status == ReportStatus::Pending;
              }) == std::count_if(before.begin(), before.end(), [](const Report& r) {
                  return r.status == ReportStatus::Pending;
              }) - 1);
    }

    TEST_CASE("printing is counted and marks the report printed, and barcodes find reports")
    {
        DemoFixture demo;
        auto reports = need(demo.his->reports(demo.zhang().id));
        auto ready = std::find_if(reports.begin(), reports.end(),
                                  [](const Report& r) { return r.status == ReportStatus::Ready; });
        REQUIRE(ready != reports.end());
        REQUIRE(demo.his->markPrinted(ready->id).has_value());
        REQUIRE(demo.his->markPrinted(ready->id).has_value());
        Report printed = need(demo.his->reportByBarcode(ready->barcode));
        CHECK(printed.status == ReportStatus::Printed);
        CHECK(printed.timesPrinted == ready->timesPrinted + 2);
        CHECK(errorKind(demo.his->markPrinted("R00000000")) == BackendErrorKind::NotFound);
        CHECK(errorKind(demo.his->reportByBarcode("000000000000")) == BackendErrorKind::NotFound);
    }
}

TEST_SUITE("demo_hospital.prices")
{
    TEST_CASE("search by a part of the name or the start of the pinyin initials, either case")
    {
        DemoFixture demo;
        auto byName = need(demo.his->searchPrices("阿莫西林", 10));
        REQUIRE_FALSE(byName.empty());
        CHECK(byName[0].name == "阿莫西林胶囊");
        CHECK(byName[0].category == "药品");
        CHECK(byName[0].specification == "0.25g*24粒");
        CHECK(byName[0].price == 1250);

        auto byInitials = need(demo.his->searchPrices("xcg", 10));
        REQUIRE_FALSE(byInitials.empty());
        CHECK(byInitials[0].name == "血常规");
        CHECK(byInitials[0].pinyinInitials == "XCG");
        for (const PriceItem& item : byInitials) CHECK(item.pinyinInitials.starts_with("XCG"));

        auto prefix = need(demo.his->searchPrices(" AMX ", 10));
        REQUIRE_FALSE(prefix.empty());
        CHECK(prefix[0].name == "阿莫西林胶囊");
        CHECK(need(demo.his->searchPrices("D3", 10)).front().name == "碳酸钙D3片");
        CHECK(need(demo.his->searchPrices("", 5)).size() == 5);
        CHECK(errorKind(demo.his->searchPrices("血", 0)) == BackendErrorKind::Invalid);

        std::set<std::string> categories;
        for (const PriceItem& item : need(demo.his->searchPrices("", 1000))) {
            CHECK_FALSE(item.pinyinInitials.empty());
            categories.insert(item.category);
        }
        CHECK(categories == std::set<std::string>{"药品", "检验", "检查", "治疗", "挂号"});
    }

    TEST_CASE("quotes, percent signs and underscores are searched for literally")
    {
        DemoFixture demo;
        for (const char* hostile : {"%", "_", "'", "\"", "\\", "%%", "a%", "%XCG", "X_G", "' OR '1'='1",
                                    "'; DROP TABLE price_items; --", "\" OR \"\"=\""}) {
            INFO(hostile);
            auto found = demo.his->searchPrices(hostile, 50);
            REQUIRE(found.has_value());
            CHECK(found->empty());
        }
        CHECK(need(demo.his->searchPrices("", 1000)).size() >= 300);
        // Punctuation that does occur in a name is found as itself.
        CHECK(need(demo.his->searchPrices("+", 10)).front().name == "粪便常规+隐血");
    }
}

TEST_SUITE("demo_hospital.simulation")
{
    TEST_CASE("unreachable: every call fails Unreachable until it is switched off")
    {
        DemoFixture demo;
        PatientRecord zhang = demo.zhang();
        auto slot = demo.freeSlot("D02", kDemoToday);
        REQUIRE(slot.has_value());
        demo.his->setUnreachable(true);
        IdentityCard card;
        card.name = "张小三";
        card.idNumber = kZhangIdNumber;
        CHECK(errorKind(demo.his->findOrCreatePatient(card)) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->patient(zhang.id)) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->departments()) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->doctors("D01")) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->slots("D01", kDemoToday, 7)) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->hold(slot->id, zhang.id, "hold-u")) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->book("H00000001", "PAY-U", "book-u")) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->releaseHold("H00000001")) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->appointmentByKey("book-u")) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->appointmentsToCheckIn(zhang.id, kDemoToday)) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->checkIn("A00500001")) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->unpaidOrders(zhang.id)) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->settle(zhang.id, {"RX26000001"}, 1, "PAY-U", "settle-u")) ==
              BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->invoiceByKey("settle-u")) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->reports(zhang.id)) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->reportByBarcode("310001000003")) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->markPrinted("R00700001")) == BackendErrorKind::Unreachable);
        CHECK(errorKind(demo.his->searchPrices("XCG", 5)) == BackendErrorKind::Unreachable);

        demo.his->setUnreachable(false);
        CHECK(need(demo.his->hold(slot->id, zhang.id, "hold-u")).slotId == slot->id);

        DemoHospitalOptions down;
        down.unreachable = true;
        DemoFixture offline(down);
        CHECK(errorKind(offline.his->departments()) == BackendErrorKind::Unreachable);
    }

    TEST_CASE("latency: each call waits at least as long as set")
    {
        DemoFixture demo;
        demo.his->setLatency(std::chrono::milliseconds(30));
        auto start = std::chrono::steady_clock::now();
        need(demo.his->departments());
        CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(30));
        demo.his->setLatency(std::chrono::milliseconds(0));
    }

    TEST_CASE("error messages carry no personal data")
    {
        DemoFixture demo;
        PatientRecord zhang = demo.zhang();
        auto orders = need(demo.his->unpaidOrders(zhang.id));
        REQUIRE_FALSE(orders.empty());
        std::vector<BackendError> errors;
        auto keep = [&](const auto& result) {
            if (!result) errors.push_back(result.error());
        };
        keep(demo.his->settle(zhang.id, {orders[0].id}, 1, "PAY-E", "settle-e"));
        keep(demo.his->settle(demo.newPatient(30).id, {orders[0].id}, orders[0].total(), "PAY-E", "settle-e2"));
        keep(demo.his->patient(zhang.id + "X"));
        keep(demo.his->reports(zhang.id + "X"));
        REQUIRE(errors.size() == 4);
        for (const BackendError& error : errors) {
            CHECK(error.message.find(zhang.name) == std::string::npos);
            CHECK(error.message.find(zhang.idNumber) == std::string::npos);
            CHECK(error.message.find(zhang.id) == std::string::npos);
        }
    }
}
