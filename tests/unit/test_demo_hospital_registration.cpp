#include <doctest/doctest.h>

#include <mutex>
#include <set>
#include <thread>

#include "test_demo_hospital_fixture.hpp"

using namespace kiosk;
using namespace kiosk::hospital;
using namespace kiosk::test;

TEST_SUITE("demo_hospital.registration")
{
    TEST_CASE("hold then book: the place is taken, the booking carries its payment and the next queue number")
    {
        DemoFixture demo;
        PatientRecord first = demo.newPatient(1);
        PatientRecord second = demo.newPatient(2);
        auto slot = demo.freeSlot("D02", kDemoToday);
        REQUIRE(slot.has_value());
        REQUIRE(slot->remaining >= 2);

        SlotHold held = need(demo.his->hold(slot->id, first.id, "hold-1"));
        CHECK(held.slotId == slot->id);
        CHECK(held.patientId == first.id);
        CHECK(held.expires == demo.clock.wallNow() + std::chrono::minutes(5));
        CHECK(demo.remaining(*slot) == slot->remaining - 1);

        Appointment booked = need(demo.his->book(held.id, "PAY-1", "book-1"));
        CHECK(booked.patientId == first.id);
        CHECK(booked.slot.id == slot->id);
        CHECK(booked.status == AppointmentStatus::Booked);
        CHECK(booked.paymentReference == "PAY-1");
        CHECK(booked.bookedAt == demo.clock.wallNow());
        CHECK(booked.queueNumber >= 1);
        CHECK(demo.remaining(*slot) == slot->remaining - 1);  // the hold became the booking

        SlotHold secondHold = need(demo.his->hold(slot->id, second.id, "hold-2"));
        Appointment secondBooking = need(demo.his->book(secondHold.id, "PAY-2", "book-2"));
        CHECK(secondBooking.queueNumber == booked.queueNumber + 1);
        CHECK(demo.remaining(*slot) == slot->remaining - 2);

        CHECK(need(demo.his->appointmentByKey("book-1")).id == booked.id);
        CHECK(errorKind(demo.his->appointmentByKey("never-used")) == BackendErrorKind::NotFound);
        // Booked at the kiosk, so nothing to check in.
        CHECK(need(demo.his->appointmentsToCheckIn(first.id, kDemoToday)).empty());
    }

    TEST_CASE("the same key twice gives one hold and one booking")
    {
        DemoFixture demo;
        PatientRecord patient = demo.newPatient(3);
        auto slot = demo.freeSlot("D03", kDemoToday);
        REQUIRE(slot.has_value());
        SlotHold held = need(demo.his->hold(slot->id, patient.id, "hold-k"));
        SlotHold heldAgain = need(demo.his->hold(slot->id, patient.id, "hold-k"));
        CHECK(heldAgain.id == held.id);
        CHECK(demo.remaining(*slot) == slot->remaining - 1);

        Appointment booked = need(demo.his->book(held.id, "PAY-K", "book-k"));
        demo.clock.advance(std::chrono::minutes(30));  // a retry long after, once the hold would have expired
        Appointment bookedAgain = need(demo.his->book(held.id, "PAY-K", "book-k"));
        CHECK(bookedAgain.id == booked.id);
        CHECK(bookedAgain.queueNumber == booked.queueNumber);
        CHECK(demo.remaining(*slot) == slot->remaining - 1);

        // A hold is booked once; a key names one request.
        CHECK(errorKind(demo.his->book(held.id, "PAY-K", "book-other")) == BackendErrorKind::Conflict);
        CHECK(errorKind(demo.his->hold(slot->id, demo.newPatient(4).id, "hold-k")) == BackendErrorKind::Invalid);
        CHECK(errorKind(demo.his->hold(slot->id, patient.id, "")) == BackendErrorKind::Invalid);
        CHECK(errorKind(demo.his->book(held.id, "", "book-empty")) == BackendErrorKind::Invalid);
    }

    TEST_CASE("a hold runs out after five minutes: the place comes back and booking fails HoldExpired")
    {
        DemoFixture demo;
        PatientRecord patient = demo.newPatient(5);
        auto slot = demo.freeSlot("D04", kDemoToday);
        REQUIRE(slot.has_value());
        SlotHold held = need(demo.his->hold(slot->id, patient.id, "hold-x"));
        demo.clock.advance(std::chrono::minutes(4) + std::chrono::seconds(59));
        CHECK(demo.remaining(*slot) == slot->remaining - 1);
        demo.clock.advance(std::chrono::seconds(2));
        CHECK(demo.remaining(*slot) == slot->remaining);
        CHECK(errorKind(demo.his->book(held.id, "PAY-X", "book-x")) == BackendErrorKind::HoldExpired);
        CHECK(errorKind(demo.his->appointmentByKey("book-x")) == BackendErrorKind::NotFound);
        // Releasing what has run out is not an error; an unknown hold is.
        CHECK(demo.his->releaseHold(held.id).has_value());
        CHECK(errorKind(demo.his->releaseHold("H99999999")) == BackendErrorKind::NotFound);
        // A new hold takes the place again.
        CHECK(need(demo.his->hold(slot->id, patient.id, "hold-x2")).id != held.id);
    }

    TEST_CASE("hold duration and expireHoldsNow are simulation controls")
    {
        DemoHospitalOptions options;
        options.holdDuration = std::chrono::seconds(30);
        DemoFixture demo(options);
        PatientRecord patient = demo.newPatient(6);
        auto slot = demo.freeSlot("D05", kDemoToday);
        REQUIRE(slot.has_value());
        SlotHold held = need(demo.his->hold(slot->id, patient.id, "hold-s"));
        CHECK(held.expires == demo.clock.wallNow() + std::chrono::seconds(30));
        REQUIRE(demo.his->expireHoldsNow().has_value());
        CHECK(demo.remaining(*slot) == slot->remaining);
        CHECK(errorKind(demo.his->book(held.id, "PAY-S", "book-s")) == BackendErrorKind::HoldExpired);
    }

    TEST_CASE("released holds give their place back, twice is fine, a booked one cannot be released")
    {
        DemoFixture demo;
        PatientRecord patient = demo.newPatient(8);
        auto slot = demo.freeSlot("D08", kDemoToday);
        REQUIRE(slot.has_value());
        SlotHold held = need(demo.his->hold(slot->id, patient.id, "hold-r"));
        REQUIRE(demo.his->releaseHold(held.id).has_value());
        REQUIRE(demo.his->releaseHold(held.id).has_value());
        CHECK(demo.remaining(*slot) == slot->remaining);
        CHECK(errorKind(demo.his->book(held.id, "PAY-R", "book-r")) == BackendErrorKind::Conflict);

        SlotHold again = need(demo.his->hold(slot->id, patient.id, "hold-r2"));
        need(demo.his->book(again.id, "PAY-R2", "book-r2"));
        CHECK(errorKind(demo.his->releaseHold(again.id)) == BackendErrorKind::Conflict);
    }

    TEST_CASE("a slot taken by others between hold and book: the hold fails SlotFull, so does a new one")
    {
        DemoFixture demo;
        PatientRecord first = demo.newPatient(9);
        PatientRecord second = demo.newPatient(10);
        auto slot = demo.freeSlot("D09", kDemoToday);
        REQUIRE(slot.has_value());
        SlotHold held = need(demo.his->hold(slot->id, first.id, "hold-f"));
        REQUIRE(demo.his->takeRemainingPlaces(slot->id).has_value());
        CHECK(demo.remaining(*slot) == 0);
        CHECK(errorKind(demo.his->book(held.id, "PAY-F", "book-f")) == BackendErrorKind::SlotFull);
        CHECK(errorKind(demo.his->hold(slot->id, second.id, "hold-f2")) == BackendErrorKind::SlotFull);
        CHECK(errorKind(demo.his->takeRemainingPlaces("S-NOPE")) == BackendErrorKind::NotFound);
    }

    TEST_CASE("the daily limit: three registrations a day, then LimitReached, and one doctor once a day")
    {
        DemoFixture demo;
        PatientRecord patient = demo.newPatient(11);
        CHECK(demo.his->dailyRegistrationLimit() == 3);
        std::vector<std::string> doctors;
        std::vector<SlotHold> holds;
        for (const char* department : {"D01", "D02", "D03", "D04"}) {
            auto slot = demo.freeSlot(department, kDemoToday, doctors);
            REQUIRE(slot.has_value());
            doctors.push_back(slot->doctorId);
            auto held = demo.his->hold(slot->id, patient.id, std::string("hold-l-") + department);
            if (holds.size() < 3) {
                holds.push_back(need(std::move(held)));
            } else {
                CHECK(errorKind(held) == BackendErrorKind::LimitReached);
                // A booking counts as much as a hold; a released hold does not count.
                need(demo.his->book(holds[0].id, "PAY-L", "book-l"));
                REQUIRE(demo.his->releaseHold(holds[1].id).has_value());
                need(demo.his->hold(slot->id, patient.id, "hold-l-again"));
            }
        }
        // Another day has its own count.
        auto tomorrow = demo.freeSlot("D05", demo::addDays(kDemoToday, 1));
        REQUIRE(tomorrow.has_value());
        need(demo.his->hold(tomorrow->id, patient.id, "hold-l-tomorrow"));

        // The same doctor the same day is refused before the quota is looked at.
        DemoFixture other;
        PatientRecord someone = other.newPatient(12);
        auto slots = need(other.his->slots("D02", kDemoToday, 1));
        REQUIRE(slots.size() >= 2);
        auto sameDoctor = std::find_if(slots.begin() + 1, slots.end(),
                                       [&](const Slot& s) { return s.doctorId == slots[0].doctorId; });
        REQUIRE(sameDoctor != slots.end());
        need(other.his->hold(slots[0].id, someone.id, "hold-d-1"));
        CHECK(errorKind(other.his->hold(sameDoctor->id, someone.id, "hold-d-2")) == BackendErrorKind::Conflict);

        other.his->setDailyLimit(1);
        CHECK(other.his->dailyRegistrationLimit() == 1);
        auto elsewhere = other.freeSlot("D03", kDemoToday);
        REQUIRE(elsewhere.has_value());
        CHECK(errorKind(other.his->hold(elsewhere->id, someone.id, "hold-d-3")) == BackendErrorKind::LimitReached);
    }

    TEST_CASE("a slot that has ended cannot be held, and unknown slots and patients are NotFound")
    {
        DemoFixture demo;
        PatientRecord patient = demo.newPatient(13);
        auto slot = demo.freeSlot("D21", kDemoToday);
        REQUIRE(slot.has_value());
        CHECK(errorKind(demo.his->hold(slot->id, "P99999999", "hold-e-0")) == BackendErrorKind::NotFound);
        CHECK(errorKind(demo.his->hold("S-DR001-20261123-0300", patient.id, "hold-e-1")) == BackendErrorKind::NotFound);
        demo.clock.setWall(demo::localWallTime(kDemoToday, slot->endMinute));
        CHECK(errorKind(demo.his->hold(slot->id, patient.id, "hold-e-2")) == BackendErrorKind::Conflict);
    }

    TEST_CASE("check-in: today's appointment booked elsewhere, once")
    {
        DemoFixture demo;
        PatientRecord zhang = demo.zhang();
        auto toCheckIn = need(demo.his->appointmentsToCheckIn(zhang.id, kDemoToday));
        REQUIRE(toCheckIn.size() == 1);
        CHECK(toCheckIn[0].paymentReference.empty());
        CHECK(toCheckIn[0].slot.departmentId == "D01");
        CHECK(toCheckIn[0].slot.startMinute == 10 * 60);
        CHECK(toCheckIn[0].queueNumber > 0);

        Appointment checkedIn = need(demo.his->checkIn(toCheckIn[0].id));
        CHECK(checkedIn.status == AppointmentStatus::CheckedIn);
        CHECK(errorKind(demo.his->checkIn(toCheckIn[0].id)) == BackendErrorKind::Conflict);
        CHECK(need(demo.his->appointmentsToCheckIn(zhang.id, kDemoToday)).empty());
        CHECK(errorKind(demo.his->checkIn("A99999999")) == BackendErrorKind::NotFound);
        CHECK(errorKind(demo.his->appointmentsToCheckIn("P99999999", kDemoToday)) == BackendErrorKind::NotFound);

        // 李金鑫's appointment is tomorrow: listed for that day, but not to be checked in today.
        IdentityCard li;
        li.name = "李金鑫";
        li.idNumber = "110105199201053217";
        PatientRecord liRecord = need(demo.his->findOrCreatePatient(li));
        auto tomorrow = need(demo.his->appointmentsToCheckIn(liRecord.id, demo::addDays(kDemoToday, 1)));
        REQUIRE(tomorrow.size() == 1);
        CHECK(errorKind(demo.his->checkIn(tomorrow[0].id)) == BackendErrorKind::Conflict);
    }

    TEST_CASE("workers booking at once get distinct queue numbers and never overbook")
    {
        DemoFixture demo;
        auto slot = demo.freeSlot("D15", kDemoToday);
        REQUIRE(slot.has_value());
        std::vector<PatientRecord> patients;
        for (int i = 0; i < 12; ++i) patients.push_back(demo.newPatient(100 + i));
        std::mutex mutex;
        std::vector<int> queueNumbers;
        int full = 0;
        std::vector<std::thread> workers;
        for (int i = 0; i < 12; ++i) {
            workers.emplace_back([&, i] {
                std::string n = std::to_string(i);
                auto held = demo.his->hold(slot->id, patients[static_cast<std::size_t>(i)].id, "hold-t-" + n);
                BackendResult<Appointment> booked = held ? demo.his->book(held->id, "PAY-T-" + n, "book-t-" + n)
                                                         : std::unexpected(held.error());
                std::lock_guard lock(mutex);
                if (booked) queueNumbers.push_back(booked->queueNumber);
                else if (booked.error().kind == BackendErrorKind::SlotFull) ++full;
            });
        }
        for (std::thread& worker : workers) worker.join();
        // The new patients are young: the place kept for the elderly stays free.
        CHECK(static_cast<int>(queueNumbers.size()) == std::min(12, slot->remaining - slot->elderReserved));
        CHECK(static_cast<int>(queueNumbers.size()) + full == 12);
        CHECK(std::set<int>(queueNumbers.begin(), queueNumbers.end()).size() == queueNumbers.size());
        CHECK(demo.remaining(*slot) == slot->remaining - static_cast<int>(queueNumbers.size()));
    }

    TEST_CASE("the place kept for the elderly: refused to a younger patient, given to one of 65 or over")
    {
        DemoFixture demo;
        auto slot = demo.freeSlot("D15", kDemoToday);
        REQUIRE(slot.has_value());
        REQUIRE(slot->elderReserved == 1);
        // Fill the slot up to its reserved place with young patients.
        for (int i = 0; i < slot->remaining - 1; ++i) {
            auto young = demo.newPatient(300 + i);
            std::string n = std::to_string(i);
            auto held = demo.his->hold(slot->id, young.id, "young-" + n);
            REQUIRE(held.has_value());
        }
        auto another = demo.newPatient(399);
        auto refused = demo.his->hold(slot->id, another.id, "young-last");
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().kind == BackendErrorKind::SlotFull);

        IdentityCard elderCard;
        elderCard.name = "老人甲";
        elderCard.idNumber = "110101194501011234";
        elderCard.birthDate = CivilDate{1945, 1, 1};
        elderCard.sex = Sex::Male;
        auto elder = demo.his->findOrCreatePatient(elderCard);
        REQUIRE(elder.has_value());
        CHECK(demo.his->hold(slot->id, elder->id, "elder-last").has_value());
    }
}
