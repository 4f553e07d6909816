#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "core/event_queue.hpp"

using namespace kiosk;

TEST_SUITE("event_queue")
{
    TEST_CASE("the waker runs once per post after the event is queued")
    {
        EventQueue queue;
        int wakes = 0;
        bool sawEvent = false;
        queue.setWaker([&] {
            ++wakes;
            sawEvent = !queue.empty();
        });
        queue.post(CardRemoved{});
        CHECK(wakes == 1);
        CHECK(sawEvent);
        queue.post(CodeScanned{"x"});
        CHECK(wakes == 2);
    }

    TEST_CASE("posting without a waker is fine")
    {
        EventQueue queue;
        queue.post(CardRemoved{});
        CHECK_FALSE(queue.empty());
    }

    TEST_CASE("drain returns events oldest first and empties the queue")
    {
        EventQueue queue;
        CHECK(queue.empty());
        CHECK(queue.drain().empty());
        queue.post(CodeScanned{"first"});
        queue.post(CardReadFailed{"second"});
        queue.post(CodeScanned{"third"});
        auto events = queue.drain();
        REQUIRE(events.size() == 3);
        REQUIRE(std::holds_alternative<CodeScanned>(events[0]));
        CHECK(std::get<CodeScanned>(events[0]).text == "first");
        REQUIRE(std::holds_alternative<CardReadFailed>(events[1]));
        CHECK(std::get<CardReadFailed>(events[1]).reason == "second");
        CHECK(std::get<CodeScanned>(events[2]).text == "third");
        CHECK(queue.empty());
        CHECK(queue.drain().empty());

        queue.post(CardRemoved{});
        auto next = queue.drain();
        REQUIRE(next.size() == 1);
        CHECK(std::holds_alternative<CardRemoved>(next[0]));
    }

    TEST_CASE("posts from several threads all arrive with each thread's in order")
    {
        EventQueue queue;
        std::atomic<int> wakes{0};
        queue.setWaker([&] { ++wakes; });
        constexpr int kPerThread = 500;
        std::vector<std::thread> threads;
        for (int t = 0; t < 2; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < kPerThread; ++i) queue.post(CodeScanned{std::to_string(t) + ":" + std::to_string(i)});
            });
        for (auto& th : threads) th.join();
        auto events = queue.drain();
        CHECK(events.size() == 2 * kPerThread);
        CHECK(wakes == 2 * kPerThread);
        int next[2] = {0, 0};
        for (const auto& e : events) {
            const std::string& text = std::get<CodeScanned>(e).text;
            int t = text[0] - '0';
            CHECK(text.substr(2) == std::to_string(next[t]++));
        }
    }
}
