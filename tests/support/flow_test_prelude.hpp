#pragma once
// What every flow test starts from: doctest, the fakes of the hospital, the
// payment channel and the printers, the hand-stepped runner, and the names
// the tests use from them.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "fake_gateway.hpp"
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
