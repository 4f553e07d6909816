// Writes one day of kiosk money into a data folder, through the same library
// calls the kiosk makes: the money journal (journal.db), the simulated
// channel's ledger (simulated-gateway.db) and the demo hospital
// (demo-hospital.db), for journal_commands.sh to reconcile and export with the
// real kioskctl.
//
//   journal_day DATA_DIR SEED_DIR clean|mismatched
//
// clean: a registration paid by QR and booked, bills paid by a payment code
// and settled, a registration refunded, one closed unpaid; all three sides
// agree. mismatched: the same, plus a payment the channel has and the journal
// lacks, and a payment the journal has (booked at the hospital too) that the
// channel lacks. The day is 2026-11-23 in the zone TZ gives. Prints
// "row ID TYPE AMOUNT_YUAN" for each journal transaction, and "channel-only ID"
// and "journal-only ID" for the injected ones.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <type_traits>

#include "core/clock.hpp"
#include "hospital/demo/demo_hospital.hpp"
#include "hospital/demo/demo_time.hpp"
#include "journal/journal.hpp"
#include "journal/journal_csv.hpp"
#include "payment/simulated_gateway.hpp"

using namespace kiosk;
using journal::Step;
using journal::TransactionKind;

namespace {

constexpr CivilDate kDay{2026, 11, 23};
constexpr const char* kWeChatCode = "134567890123456789";

[[noreturn]] void die(const std::string& what)
{
    std::fprintf(stderr, "journal_day: %s\n", what.c_str());
    std::exit(2);
}

template <class R>
auto need(R result, const char* what)
{
    if (!result) die(std::string(what) + ": " + result.error().message);
    if constexpr (!std::is_void_v<typename R::value_type>) return std::move(*result);
}

std::string withCheckDigit(const std::string& first17)
{
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    return first17 + "10X98765432"[sum % 11];
}

struct Day {
    ManualClock clock;
    std::unique_ptr<journal::Journal> book;
    std::unique_ptr<payment::SimulatedGateway> channel;
    std::unique_ptr<hospital::DemoHospital> his;
    int serial = 0;
    int patients = 0;

    std::string nextId()
    {
        clock.advance(std::chrono::minutes(3));
        ++serial;
        return "K01-20261123" + formatLocalTime(clock.wallNow(), "%H%M%S") + "-" + std::to_string(serial);
    }

    void begin(const std::string& id, TransactionKind kind, payment::Fen amount, const std::string& patientId)
    {
        journal::TransactionRecord r;
        r.id = id;
        r.kind = kind;
        r.kioskId = "K01";
        r.startedAt = clock.wallNow();
        r.amountFen = amount;
        r.orderNo = id;
        r.patientRef = patientId;
        need(book->begin(r), "journal begin");
        std::printf("row %s %s %s\n", id.c_str(), std::string(journal::kindName(kind)).c_str(),
                    journal::formatYuan(amount).c_str());
    }
    void record(const std::string& id, Step step, journal::StepDetails details = {})
    {
        clock.advance(std::chrono::seconds(5));
        need(book->record(id, step, details), "journal record");
    }

    // A new patient for each registration: the demo hospital gives one patient one doctor a day.
    std::string newPatient()
    {
        IdentityCard card;
        card.name = "测试";
        card.birthDate = {1980, 1, 1};
        card.idNumber = withCheckDigit("44010619800101" + std::to_string(200 + ++patients));
        return need(his->findOrCreatePatient(card), "patient").id;
    }
    hospital::Slot freeSlot()
    {
        for (const auto& department : need(his->departments(), "departments"))
            for (const auto& slot : need(his->slots(department.id, kDay, 1), "slots"))
                if (slot.remaining - slot.elderReserved > 0) return slot;
        die("no slot with a place left on the day");
    }

    /// QR order, the phone pays, the journal follows; returns the channel's transaction number.
    std::string payByQr(const std::string& id, payment::Fen amount)
    {
        need(channel->createQrOrder(id, amount, "挂号费"), "QR order");
        record(id, Step::OrderCreated, {.orderNo = id, .channel = "wechat"});
        auto paid = need(channel->simulatePhonePays(id, payment::PayChannel::WeChat), "phone pays");
        record(id, Step::Paid, {.paidOrderNo = id, .gatewayTransactionId = paid.transactionId});
        return paid.transactionId;
    }

    void bookedRegistration(const std::string& id, bool paidAtChannel)
    {
        std::string patient = newPatient();
        hospital::Slot slot = freeSlot();
        begin(id, TransactionKind::Registration, slot.fee, patient);
        auto hold = need(his->hold(slot.id, patient, id + "-H"), "hold");
        if (paidAtChannel) {
            payByQr(id, slot.fee);
        } else {
            // The journal believes in a payment the channel never saw.
            record(id, Step::Paid, {.paidOrderNo = id, .channel = "wechat", .gatewayTransactionId = "4200000000"});
        }
        auto appointment = need(his->book(hold.id, id, id + "-B"), "book");
        record(id, Step::Booked, {.hospitalReference = appointment.id});
        record(id, Step::Printed);
    }

    void settledBills(const std::string& id)
    {
        IdentityCard card;
        card.name = "张小三";
        card.idNumber = "440106198503121234";
        std::string patient = need(his->findOrCreatePatient(card), "patient").id;
        auto orders = need(his->unpaidOrders(patient), "unpaid orders");
        if (orders.empty()) die("the seeded patient has no unpaid orders");
        payment::Fen total = orders[0].total();
        begin(id, TransactionKind::Bills, total, patient);
        const std::string code = id + "C";
        auto charged = need(channel->chargeCode(code, total, "缴费", kWeChatCode), "charge code");
        record(id, Step::OrderCreated, {.orderNo = code, .channel = "wechat"});
        record(id, Step::Paid, {.paidOrderNo = code, .gatewayTransactionId = charged.transactionId});
        auto invoice = need(his->settle(patient, {orders[0].id}, total, code, id + "-S"), "settle");
        record(id, Step::Settled, {.hospitalReference = invoice.id});
        record(id, Step::Printed);
    }

    void refundedRegistration(const std::string& id)
    {
        begin(id, TransactionKind::Registration, 1200, newPatient());
        payByQr(id, 1200);
        record(id, Step::Refunding, {.note = "slot taken meanwhile"});
        need(channel->refund(id, id + "R", "号源已满"), "refund");
        record(id, Step::Refunded);
    }

    void closedUnpaid(const std::string& id)
    {
        begin(id, TransactionKind::Registration, 1200, newPatient());
        need(channel->createQrOrder(id, 1200, "挂号费"), "QR order");
        record(id, Step::OrderCreated, {.orderNo = id});
        need(channel->close(id), "close");
        record(id, Step::Closed);
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4) die("usage: journal_day DATA_DIR SEED_DIR clean|mismatched");
    const std::string dir = argv[1], seed = argv[2], mode = argv[3];
    if (mode != "clean" && mode != "mismatched") die("the third argument is clean or mismatched");
    Day day;
    day.clock.setWall(hospital::demo::localWallTime(kDay, 10 * 60));
    day.book = need(journal::Journal::open(dir + "/journal.db", day.clock), "journal");
    day.channel = need(payment::SimulatedGateway::open(dir + "/simulated-gateway.db", day.clock), "gateway");
    day.his = need(hospital::DemoHospital::open(dir + "/demo-hospital.db", seed, day.clock), "hospital");

    day.bookedRegistration(day.nextId(), true);
    day.settledBills(day.nextId());
    day.refundedRegistration(day.nextId());
    day.closedUnpaid(day.nextId());
    if (mode == "mismatched") {
        // Money the channel took for a transaction the journal never wrote.
        std::string lost = day.nextId();
        need(day.channel->createQrOrder(lost, 2500, "挂号费"), "QR order");
        need(day.channel->simulatePhonePays(lost, payment::PayChannel::Alipay), "phone pays");
        std::printf("channel-only %s\n", lost.c_str());
        std::string ghost = day.nextId();
        day.bookedRegistration(ghost, false);
        std::printf("journal-only %s\n", ghost.c_str());
    }
    return 0;
}
