// Bills: unpaid orders with their items, settling them into an invoice.
#include <algorithm>
#include <set>

#include "hospital/demo/demo_hospital.hpp"
#include "hospital/demo/demo_store.hpp"
#include "hospital/demo/demo_time.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::hospital {

using namespace demo;

namespace {

constexpr std::string_view kEInvoiceBase = "https://einvoice.demo-hospital.invalid/i/";

BackendResult<std::vector<ChargeItem>> orderItems(storage::Database& db, const std::string& orderId)
{
    auto query = DEMO_TRY(prepareWith(
        db, "SELECT line, code, name, unit, quantity, unit_price FROM order_items WHERE order_id = ?1 ORDER BY line",
        orderId));
    std::vector<ChargeItem> items;
    DEMO_TRY_VOID(forEachRow(query, [&](const storage::Statement& row) {
        items.push_back(ChargeItem{orderId + "-" + std::to_string(row.integer(0)), row.text(1), row.text(2),
                                   row.text(3), static_cast<int>(row.integer(4)), row.integer(5)});
    }));
    return items;
}

BackendResult<void> requirePatient(storage::Database& db, const std::string& patientId)
{
    auto query = DEMO_TRY(prepareWith(db, "SELECT 1 FROM patients WHERE id = ?1", patientId));
    if (DEMO_TRY(query.step()) == storage::Step::Done)
        return backendFail(BackendErrorKind::NotFound, "no such patient");
    return {};
}

} // namespace

BackendResult<std::vector<Order>> DemoHospital::unpaidOrders(const std::string& patientId)
{
    return call([&]() -> BackendResult<std::vector<Order>> {
        DEMO_TRY_VOID(requirePatient(*m_db, patientId));
        auto query =
            DEMO_TRY(prepareWith(*m_db,
                                 "SELECT o.id, o.kind, dp.name, dr.name, o.ordered_at FROM orders o "
                                 "JOIN departments dp ON dp.id = o.department_id "
                                 "JOIN doctors dr ON dr.id = o.doctor_id "
                                 "WHERE o.patient_id = ?1 AND o.invoice_id IS NULL ORDER BY o.ordered_at, o.id",
                                 patientId));
        std::vector<Order> orders;
        DEMO_TRY_VOID(forEachRow(query, [&](const storage::Statement& row) {
            Order order;
            order.id = row.text(0);
            order.kind = orderKindFromCode(row.text(1)).value_or(OrderKind::Prescription);
            order.departmentName = row.text(2);
            order.doctorName = row.text(3);
            order.orderedAt = fromSeconds(row.integer(4));
            orders.push_back(std::move(order));
        }));
        for (Order& order : orders) order.items = DEMO_TRY(orderItems(*m_db, order.id));
        return orders;
    });
}

BackendResult<Invoice> DemoHospital::settle(const std::string& patientId, const std::vector<std::string>& orderIds,
                                            Fen expectedTotal, const std::string& paymentReference,
                                            const std::string& idempotencyKey)
{
    return call([&]() -> BackendResult<Invoice> {
        if (idempotencyKey.empty()) return backendFail(BackendErrorKind::Invalid, "settling needs an idempotency key");
        if (paymentReference.empty()) return backendFail(BackendErrorKind::Invalid, "settling needs its payment");
        if (orderIds.empty()) return backendFail(BackendErrorKind::Invalid, "no orders to settle");
        std::set<std::string> wanted(orderIds.begin(), orderIds.end());
        if (wanted.size() != orderIds.size()) return backendFail(BackendErrorKind::Invalid, "an order is listed twice");

        // The same key again answers with the first invoice: a retry never takes the money twice.
        auto earlier = invoiceWhere("idempotency_key = ?2", idempotencyKey);
        if (earlier || earlier.error().kind != BackendErrorKind::NotFound) {
            if (!earlier) return earlier;
            std::set<std::string> settled(earlier->orderIds.begin(), earlier->orderIds.end());
            if (earlier->patientId != patientId || settled != wanted || earlier->total != expectedTotal)
                return backendFail(BackendErrorKind::Invalid, "the idempotency key was used for another payment");
            return earlier;
        }

        DEMO_TRY_VOID(requirePatient(*m_db, patientId));
        WallTime now = m_clock.wallNow();
        auto transaction = DEMO_TRY(storage::Transaction::begin(*m_db));
        Fen total = 0;
        for (const std::string& orderId : orderIds) {
            auto order = DEMO_TRY(prepareWith(
                *m_db,
                "SELECT o.patient_id = ?2, o.invoice_id IS NOT NULL, "
                "(SELECT COALESCE(SUM(i.quantity * i.unit_price), 0) FROM order_items i WHERE i.order_id = o.id) "
                "FROM orders o WHERE o.id = ?1",
                orderId, patientId));
            if (DEMO_TRY(order.step()) == storage::Step::Done)
                return backendFail(BackendErrorKind::NotFound, "no order " + orderId);
            if (order.integer(0) != 1)
                return backendFail(BackendErrorKind::Invalid, "order " + orderId + " belongs to another patient");
            if (order.integer(1) != 0) return backendFail(BackendErrorKind::Conflict, "order " + orderId + " is paid");
            total += order.integer(2);
        }
        if (total != expectedTotal)
            return backendFail(BackendErrorKind::Invalid, "the orders come to " + std::to_string(total) +
                                                              " fen, not the " + std::to_string(expectedTotal) +
                                                              " fen expected");

        std::string id = "INV" + compactDateText(localDate(now)) +
                         numberedId("", DEMO_TRY(nextCounter(*m_db, "invoice", 1)), 6);
        auto insert = DEMO_TRY(prepareWith(*m_db,
                                           "INSERT INTO invoices (id, patient_id, total, payment_reference, "
                                           "idempotency_key, issued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                           id, patientId, total, paymentReference, idempotencyKey, toSeconds(now)));
        DEMO_TRY_VOID(insert.run());
        auto mark = DEMO_TRY(m_db->prepare("UPDATE orders SET invoice_id = ?1 WHERE id = ?2"));
        for (const std::string& orderId : orderIds) {
            mark.reset();
            mark.bind(1, id).bind(2, orderId);
            DEMO_TRY_VOID(mark.run());
        }
        DEMO_TRY_VOID(transaction.commit());
        return invoiceWhere("id = ?2", id);
    });
}

BackendResult<Invoice> DemoHospital::invoiceByKey(const std::string& idempotencyKey)
{
    return call([&] { return invoiceWhere("idempotency_key = ?2", idempotencyKey); });
}

BackendResult<Invoice> DemoHospital::invoiceWhere(std::string_view condition, const std::string& value)
{
    auto query = DEMO_TRY(prepareWith(
        *m_db,
        "SELECT id, patient_id, total, payment_reference, issued_at FROM invoices WHERE " + std::string(condition),
        toSeconds(m_clock.wallNow()), value));
    if (DEMO_TRY(query.step()) == storage::Step::Done)
        return backendFail(BackendErrorKind::NotFound, "no such invoice");
    Invoice invoice;
    invoice.id = query.text(0);
    invoice.patientId = query.text(1);
    invoice.total = query.integer(2);
    invoice.paymentReference = query.text(3);
    invoice.issuedAt = fromSeconds(query.integer(4));
    invoice.eInvoiceUrl = std::string(kEInvoiceBase) + invoice.id;
    auto orders = DEMO_TRY(prepareWith(*m_db, "SELECT id FROM orders WHERE invoice_id = ?1 ORDER BY id", invoice.id));
    DEMO_TRY_VOID(
        forEachRow(orders, [&](const storage::Statement& row) { invoice.orderIds.push_back(row.text(0)); }));
    return invoice;
}

} // namespace kiosk::hospital
