#include <doctest/doctest.h>

#include <linux/input-event-codes.h>

#include <chrono>
#include <string>
#include <vector>

#include "hidpos/keyboard_wedge.hpp"

using namespace kiosk::devices::hidpos;
using namespace std::chrono_literals;

namespace {

using TimePoint = KeyboardWedge::Clock::time_point;

// Types text the way a scanner does: press and release per key, Shift around
// upper-case letters and symbols, 8 ms apart; then Enter. Returns what the
// wedge produced for each event that produced something.
struct Typist {
    explicit Typist(KeyboardWedge& w) : wedge(w) {}

    KeyboardWedge& wedge;
    TimePoint at{};
    std::vector<kiosk::Result<std::string>> outputs;

    void event(std::uint16_t code, KeyAction action, std::chrono::milliseconds after = 4ms)
    {
        at += after;
        if (auto out = wedge.key(code, action, at)) outputs.push_back(std::move(*out));
    }
    void tap(std::uint16_t code, std::chrono::milliseconds after = 4ms)
    {
        event(code, KeyAction::Press, after);
        event(code, KeyAction::Release);
    }
    void shifted(std::uint16_t code)
    {
        event(KEY_LEFTSHIFT, KeyAction::Press);
        tap(code);
        event(KEY_LEFTSHIFT, KeyAction::Release);
    }
    void type(std::string_view text)
    {
        for (char c : text) {
            if (c >= '0' && c <= '9') tap(c == '0' ? KEY_0 : static_cast<std::uint16_t>(KEY_1 + (c - '1')));
            else if (c >= 'A' && c <= 'Z') shifted(letter(static_cast<char>(c - 'A' + 'a')));
            else if (c >= 'a' && c <= 'z') tap(letter(c));
            else if (c == ':') shifted(KEY_SEMICOLON);
            else if (c == '-') tap(KEY_MINUS);
            else if (c == ' ') tap(KEY_SPACE);
            else FAIL("the typist cannot type '" << c << "'");
        }
    }
    void enter() { tap(KEY_ENTER); }

    static std::uint16_t letter(char c)
    {
        static const std::uint16_t codes[] = {KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I,
                                              KEY_J, KEY_K, KEY_L, KEY_M, KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R,
                                              KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z};
        return codes[c - 'a'];
    }
};

} // namespace

TEST_SUITE("keyboard_wedge")
{
    TEST_CASE("digits and Enter make one scan")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        typist.type("134567890123456789");
        CHECK(typist.outputs.empty());
        CHECK(wedge.pending());
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        REQUIRE(typist.outputs[0].has_value());
        CHECK(*typist.outputs[0] == "134567890123456789");
        CHECK_FALSE(wedge.pending());
    }

    TEST_CASE("Shift gives upper case and symbols; a slip code comes through whole")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        typist.type("HK1:R:20240611-0042:Ab");
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        CHECK(*typist.outputs[0] == "HK1:R:20240611-0042:Ab");
    }

    TEST_CASE("the whole US layout")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        for (std::uint16_t code : {KEY_GRAVE, KEY_EQUAL, KEY_LEFTBRACE, KEY_RIGHTBRACE, KEY_BACKSLASH, KEY_SEMICOLON,
                                   KEY_APOSTROPHE, KEY_COMMA, KEY_DOT, KEY_SLASH})
            typist.tap(code);
        typist.event(KEY_RIGHTSHIFT, KeyAction::Press);
        for (std::uint16_t code : {KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9, KEY_0, KEY_MINUS,
                                   KEY_EQUAL, KEY_GRAVE, KEY_APOSTROPHE, KEY_COMMA, KEY_DOT, KEY_SLASH})
            typist.tap(code);
        typist.event(KEY_RIGHTSHIFT, KeyAction::Release);
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        CHECK(*typist.outputs[0] == "`=[]\\;',./!@#$%^&*()_+~\"<>?");
    }

    TEST_CASE("keypad digits and keypad Enter")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        for (std::uint16_t code : {KEY_KP1, KEY_KP2, KEY_KP0, KEY_KPDOT, KEY_KP9, KEY_KPMINUS, KEY_KPPLUS})
            typist.tap(code);
        typist.tap(KEY_KPENTER);
        REQUIRE(typist.outputs.size() == 1);
        CHECK(*typist.outputs[0] == "120.9-+");
    }

    TEST_CASE("Caps Lock inverts letters only")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        typist.tap(KEY_CAPSLOCK);
        typist.tap(KEY_A);
        typist.shifted(KEY_B);
        typist.tap(KEY_1);
        typist.tap(KEY_CAPSLOCK);
        typist.tap(KEY_C);
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        CHECK(*typist.outputs[0] == "Ab1c");
    }

    TEST_CASE("Enter alone produces nothing; autorepeat adds nothing")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        typist.enter();
        CHECK(typist.outputs.empty());
        typist.event(KEY_5, KeyAction::Press);
        typist.event(KEY_5, KeyAction::Repeat);
        typist.event(KEY_5, KeyAction::Repeat);
        typist.event(KEY_5, KeyAction::Release);
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        CHECK(*typist.outputs[0] == "5");
    }

    TEST_CASE("a scan longer than the bound is dropped at Enter, and the next one is read")
    {
        KeyboardWedge wedge(8);
        Typist typist{wedge};
        typist.type("12345678");
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        CHECK(*typist.outputs[0] == "12345678");

        typist.type("123456789");
        CHECK(typist.outputs.size() == 1);
        typist.enter();
        REQUIRE(typist.outputs.size() == 2);
        REQUIRE_FALSE(typist.outputs[1].has_value());
        CHECK(typist.outputs[1].error().message.find("longer than 8 characters") != std::string::npos);

        typist.type("42");
        typist.enter();
        REQUIRE(typist.outputs.size() == 3);
        CHECK(*typist.outputs[2] == "42");
    }

    TEST_CASE("a pause inside a scan drops what came before it")
    {
        KeyboardWedge wedge(512, 100ms);
        Typist typist{wedge};
        typist.type("1234");
        typist.tap(KEY_5, 101ms);
        REQUIRE(typist.outputs.size() == 1);
        REQUIRE_FALSE(typist.outputs[0].has_value());
        CHECK(typist.outputs[0].error().message.find("4 characters dropped") != std::string::npos);
        CHECK(typist.outputs[0].error().message.find("101 ms") != std::string::npos);
        typist.type("67");
        typist.enter();
        REQUIRE(typist.outputs.size() == 2);
        CHECK(*typist.outputs[1] == "567");  // the key after the pause starts the next scan
    }

    TEST_CASE("a pause of exactly the limit is still one scan")
    {
        KeyboardWedge wedge(512, 100ms);
        Typist typist{wedge};
        typist.type("12");
        typist.tap(KEY_3, 100ms);
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        CHECK(*typist.outputs[0] == "123");
    }

    TEST_CASE("Enter after a long pause reports the drop and delivers nothing")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        typist.type("1234");
        typist.tap(KEY_ENTER, 2s);
        REQUIRE(typist.outputs.size() == 1);
        CHECK_FALSE(typist.outputs[0].has_value());
        CHECK_FALSE(wedge.pending());
    }

    TEST_CASE("expire reports an abandoned scan without a key")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        typist.type("99");
        CHECK_FALSE(wedge.expire(typist.at + 50ms).has_value());
        auto dropped = wedge.expire(typist.at + 150ms);
        REQUIRE(dropped.has_value());
        CHECK(dropped->message.find("2 characters dropped") != std::string::npos);
        CHECK_FALSE(wedge.pending());
        CHECK_FALSE(wedge.expire(typist.at + 10s).has_value());  // nothing left to drop
    }

    TEST_CASE("a key without a US character spoils the scan, named")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        typist.type("12");
        typist.tap(KEY_TAB);
        typist.type("34");
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        REQUIRE_FALSE(typist.outputs[0].has_value());
        CHECK(typist.outputs[0].error().message.find("key code 15") != std::string::npos);

        typist.type("56");
        typist.enter();
        REQUIRE(typist.outputs.size() == 2);
        CHECK(*typist.outputs[1] == "56");
    }

    TEST_CASE("Alt-code input is refused, not turned into digits")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        typist.event(KEY_LEFTALT, KeyAction::Press);
        for (std::uint16_t code : {KEY_KP2, KEY_KP0, KEY_KP0, KEY_KP1, KEY_KP3}) typist.tap(code);
        typist.event(KEY_LEFTALT, KeyAction::Release);
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        CHECK_FALSE(typist.outputs[0].has_value());
    }

    TEST_CASE("reset forgets the scan and the held Shift")
    {
        KeyboardWedge wedge;
        Typist typist{wedge};
        typist.event(KEY_LEFTSHIFT, KeyAction::Press);
        typist.tap(KEY_A);
        wedge.reset();
        CHECK_FALSE(wedge.pending());
        typist.tap(KEY_B);
        typist.enter();
        REQUIRE(typist.outputs.size() == 1);
        CHECK(*typist.outputs[0] == "b");
    }

    TEST_CASE("random key codes never break the wedge")
    {
        KeyboardWedge wedge(64);
        Typist typist{wedge};
        std::uint32_t seed = 7;
        for (int i = 0; i < 5000; ++i) {
            seed = seed * 1664525u + 1013904223u;
            auto code = static_cast<std::uint16_t>(seed >> 20);
            auto action = static_cast<KeyAction>((seed >> 8) % 4);
            typist.event(code % 3 == 0 ? static_cast<std::uint16_t>(code % 100) : code, action,
                         std::chrono::milliseconds(seed % 30));
        }
        for (const auto& out : typist.outputs)
            if (out) CHECK(out->size() <= 64);
        wedge.reset();
        typist.type("OK");
        typist.enter();
        REQUIRE_FALSE(typist.outputs.empty());
        CHECK(*typist.outputs.back() == "OK");
    }
}
