#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "sim/simulated_id_card_reader.hpp"

using namespace kiosk;
using namespace kiosk::devices;
using namespace std::chrono_literals;

namespace {

SampleIdentity identity(std::string key, std::string name, std::string idNumber)
{
    SampleIdentity id;
    id.key = std::move(key);
    id.card.name = std::move(name);
    id.card.idNumber = std::move(idNumber);
    return id;
}

std::vector<SampleIdentity> twoIdentities()
{
    return {identity("zhang-san", "张三", "440106198503121234"), identity("wang-miao", "王水淼", "310101195008172346")};
}

// Waits (at most two seconds) until `count` events have arrived.
std::vector<Event> awaitEvents(EventQueue& queue, std::size_t count)
{
    std::vector<Event> events;
    auto deadline = std::chrono::steady_clock::now() + 2s;
    while (events.size() < count && std::chrono::steady_clock::now() < deadline) {
        for (auto& e : queue.drain()) events.push_back(std::move(e));
        if (events.size() < count) std::this_thread::sleep_for(1ms);
    }
    return events;
}

std::string nameIn(const Event& e)
{
    REQUIRE(std::holds_alternative<CardInserted>(e));
    return std::get<CardInserted>(e).card.name;
}

} // namespace

TEST_SUITE("simulated_id_card_reader")
{
    TEST_CASE("disable during a read means the card's event is never posted")
    {
        EventQueue queue;
        SimulatedIdCardReader reader(queue, twoIdentities(), 150ms);
        REQUIRE(reader.open().has_value());
        reader.enable();
        REQUIRE(reader.insert("wang-miao").has_value());
        // Wait until the reader is busy with the card, then disable it.
        for (int i = 0; i < 200 && reader.state() != DeviceState::Busy; ++i) std::this_thread::sleep_for(1ms);
        REQUIRE(reader.state() == DeviceState::Busy);
        reader.disable();
        std::this_thread::sleep_for(300ms);
        CHECK(queue.drain().empty());
    }

    TEST_CASE("open and enable change the state")
    {
        EventQueue queue;
        SimulatedIdCardReader reader(queue, twoIdentities(), 5ms);
        CHECK(reader.state() == DeviceState::Closed);
        REQUIRE(reader.open().has_value());
        CHECK(reader.state() == DeviceState::Idle);
        CHECK_FALSE(reader.describe().empty());
    }

    TEST_CASE("an inserted card arrives on the queue after the read delay")
    {
        EventQueue queue;
        SimulatedIdCardReader reader(queue, twoIdentities(), 5ms);
        REQUIRE(reader.open().has_value());
        reader.enable();
        REQUIRE(reader.insert("wang-miao").has_value());
        auto events = awaitEvents(queue, 1);
        REQUIRE(events.size() == 1);
        CHECK(nameIn(events[0]) == "王水淼");
        CHECK(std::get<CardInserted>(events[0]).card.idNumber == "310101195008172346");
        CHECK(reader.state() == DeviceState::Idle);
    }

    TEST_CASE("a card is read once until it leaves the field")
    {
        EventQueue queue;
        SimulatedIdCardReader reader(queue, twoIdentities(), 5ms);
        REQUIRE(reader.open().has_value());
        reader.enable();
        REQUIRE(reader.insert("zhang-san").has_value());
        REQUIRE(awaitEvents(queue, 1).size() == 1);

        // Commands run in order, so an event from the ignored insert would come before CardRemoved.
        REQUIRE(reader.insert("wang-miao").has_value());
        reader.remove();
        REQUIRE(reader.insertIndex(1).has_value());
        auto events = awaitEvents(queue, 2);
        REQUIRE(events.size() == 2);
        CHECK(std::holds_alternative<CardRemoved>(events[0]));
        CHECK(nameIn(events[1]) == "王水淼");
        CHECK(queue.empty());
    }

    TEST_CASE("removing with no card in the field posts nothing")
    {
        EventQueue queue;
        SimulatedIdCardReader reader(queue, twoIdentities(), 5ms);
        REQUIRE(reader.open().has_value());
        reader.enable();
        reader.remove();
        REQUIRE(reader.insert("zhang-san").has_value());
        auto events = awaitEvents(queue, 1);
        REQUIRE(events.size() == 1);
        CHECK(nameIn(events[0]) == "张三");
    }

    TEST_CASE("failNextRead makes the next card fail once")
    {
        EventQueue queue;
        SimulatedIdCardReader reader(queue, twoIdentities(), 5ms);
        REQUIRE(reader.open().has_value());
        reader.enable();
        reader.failNextRead();
        REQUIRE(reader.insert("zhang-san").has_value());
        reader.remove();
        REQUIRE(reader.insert("zhang-san").has_value());
        auto events = awaitEvents(queue, 3);
        REQUIRE(events.size() == 3);
        REQUIRE(std::holds_alternative<CardReadFailed>(events[0]));
        CHECK_FALSE(std::get<CardReadFailed>(events[0]).reason.empty());
        CHECK(std::holds_alternative<CardRemoved>(events[1]));
        CHECK(nameIn(events[2]) == "张三");
    }

    TEST_CASE("an unknown key or index is an error listing what exists")
    {
        EventQueue queue;
        SimulatedIdCardReader reader(queue, twoIdentities(), 5ms);
        auto result = reader.insert("li-si");
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message.find("'li-si'") != std::string::npos);
        CHECK(result.error().message.find("zhang-san, wang-miao") != std::string::npos);
        auto byIndex = reader.insertIndex(2);
        REQUIRE_FALSE(byIndex.has_value());
        CHECK(byIndex.error().message.find("3") != std::string::npos);
        CHECK(reader.identities().size() == 2);
    }
}
