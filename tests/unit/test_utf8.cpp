#include <doctest/doctest.h>

#include "text/utf8.hpp"

using namespace kiosk;

TEST_SUITE("utf8")
{
    TEST_CASE("round trips through 1- to 4-byte sequences")
    {
        const std::u32string text = U"aé中䶮𠮷\U0010FFFF";
        std::string bytes = encodeUtf8(text);
        CHECK(bytes == "a\xC3\xA9\xE4\xB8\xAD\xE4\xB6\xAE\xF0\xA0\xAE\xB7\xF4\x8F\xBF\xBF");
        auto back = decodeUtf8(bytes);
        REQUIRE(back.has_value());
        CHECK(*back == text);
        CHECK(decodeUtf8Lossy(bytes) == text);
    }

    TEST_CASE("䶮 (U+4DAE) and 𠮷 (U+20BB7) decode to their code points")
    {
        auto yan = decodeUtf8("䶮");
        REQUIRE(yan.has_value());
        CHECK(*yan == std::u32string{0x4DAE});
        auto ji = decodeUtf8("𠮷");
        REQUIRE(ji.has_value());
        CHECK(*ji == std::u32string{0x20BB7});
        std::string out;
        appendUtf8(out, 0x4DAE);
        CHECK(out == "\xE4\xB6\xAE");
    }

    TEST_CASE("empty text is valid")
    {
        auto empty = decodeUtf8("");
        REQUIRE(empty.has_value());
        CHECK(empty->empty());
        CHECK(encodeUtf8(U"").empty());
    }

    TEST_CASE("invalid sequences are rejected with the offset of the first bad byte")
    {
        struct Case {
            const char* name;
            std::string bytes;
            std::size_t offset;
        };
        const Case cases[] = {
            {"overlong '/'", "ab\xC0\xAF", 2},
            {"overlong 3-byte NUL", "\xE0\x80\x80", 0},
            {"overlong 4-byte", "x\xF0\x82\x82\xAC", 1},
            {"UTF-16 surrogate", "中\xED\xA0\x80", 3},
            {"truncated at end", "a\xE4\xB6", 1},
            {"truncated before ASCII", "\xE4\xB6zz", 0},
            {"lone continuation byte", "ok\x80", 2},
            {"past U+10FFFF", "\xF4\x90\x80\x80", 0},
            {"0xFF", "\xFF", 0},
        };
        for (const Case& c : cases) {
            INFO(c.name);
            Utf8Error error{999};
            CHECK_FALSE(decodeUtf8(c.bytes, &error).has_value());
            CHECK(error.offset == c.offset);
            CHECK_FALSE(decodeUtf8(c.bytes).has_value());  // no error pointer needed
        }
    }

    TEST_CASE("lossy decoding replaces each invalid byte with U+FFFD and keeps the rest")
    {
        CHECK(decodeUtf8Lossy("a\xFF" "b") == U"a\uFFFDb");
        CHECK(decodeUtf8Lossy("\xC0\xAF") == U"\uFFFD\uFFFD");
        CHECK(decodeUtf8Lossy("张\xE4\xB6") == U"张\uFFFD\uFFFD");
        CHECK(decodeUtf8Lossy("\xED\xA0\x80z") == U"\uFFFD\uFFFD\uFFFDz");
        CHECK(decodeUtf8Lossy("䶮") == U"䶮");
    }
}
