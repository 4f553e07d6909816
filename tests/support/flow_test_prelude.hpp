#pragma once
// What every flow test starts from: doctest, the fakes of the hospital, the
// payment channel and the printers, the hand-stepped runner, and the names
// the tests use from them.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "fake_gateway.hpp"
#include "flows/payment_step.hpp"
#include "i18n/catalog.hpp"
#include "patient/identity_card.hpp"
#include "fake_hospital.hpp"
#include "step_runner.hpp"
#include "temp_journal.hpp"

using namespace kiosk;
using namespace kiosk::flows;
using kiosk::hospital::BackendErrorKind;
using kiosk::payment::GatewayErrorKind;
using kiosk::payment::PaymentState;
using kiosk::test::FakeGateway;
using kiosk::test::FakeHospital;
using kiosk::test::FakeReceiptPrinter;
using kiosk::test::GatewayOp;
using kiosk::test::HospitalOp;

namespace kiosk::test {

/// The catalogs the kiosk ships, as the flows word their texts with them.
inline CatalogSet shippedCatalogs()
{
    auto set = CatalogSet::load(std::string(KIOSK_TEST_ASSETS) + "/i18n");
    if (!set) FAIL(set.error().message);
    return std::move(*set);
}

/// The sample patient every flow test serves (invented, like all demo data).
inline IdentityCard patientCard()
{
    IdentityCard card;
    card.name = "张小三";
    card.idNumber = "440106198503121234";
    card.sex = Sex::Male;
    card.birthDate = {1985, 3, 12};
    return card;
}

/// How the money flows' tests move a payment along, shared by their rigs
/// (each has a clock, a flow with a payment step, a fake gateway and a loop).
template <class Rig>
struct DrivesPayment {
    /// One poll interval on, as the frame loop ticks.
    void poll()
    {
        Rig& r = static_cast<Rig&>(*this);
        r.clock.advance(flows::PaymentStep::kPollEvery);
        r.flow.tick();
        r.loop.pump();
    }
    /// The patient's phone pays the QR order on screen; the next poll learns it.
    void phonePays()
    {
        Rig& r = static_cast<Rig&>(*this);
        REQUIRE(r.gateway.payOrder(r.flow.transactionNumber()));
        poll();
    }
    /// To the payment deadline.
    void runOut()
    {
        Rig& r = static_cast<Rig&>(*this);
        r.clock.advance(r.flow.payment().deadline() - r.clock.now());
        r.flow.tick();
        r.loop.pump();
    }
};

} // namespace kiosk::test

using kiosk::test::patientCard;
using kiosk::test::shippedCatalogs;
