#include <doctest/doctest.h>

#include "patient/masking.hpp"

using kiosk::maskIdNumber;
using kiosk::maskName;

TEST_SUITE("masking")
{
    TEST_CASE("Chinese names keep the first character and from three characters on the last")
    {
        CHECK(maskName("张三") == "张*");
        CHECK(maskName("张小三") == "张*三");
        CHECK(maskName("欧阳晓明") == "欧**明");
        CHECK(maskName("龚小䶮") == "龚*䶮");
        // A character outside the Basic Multilingual Plane counts as one.
        CHECK(maskName("𠮷小明") == "𠮷*明");
    }

    TEST_CASE("a one-character name is fully masked and an empty name stays empty")
    {
        CHECK(maskName("张") == "*");
        CHECK(maskName("") == "");
    }

    TEST_CASE("Latin names keep the first letter of each word")
    {
        CHECK(maskName("SMITH, JOHN") == "S****, J***");
        CHECK(maskName("John SMITH") == "J*** S****");
        CHECK(maskName("TANAKA MISAKI") == "T***** M*****");
        CHECK(maskName("Anne-Marie O.") == "A***-M**** O.");
        CHECK(maskName("José") == "J***");
    }

    TEST_CASE("an 18-character ID number keeps four characters at each end")
    {
        CHECK(maskIdNumber("440106198503121234") == "4401**********1234");
        CHECK(maskIdNumber("51010719600229003X") == "5101**********003X");
        CHECK(maskIdNumber("USA440070070400") == "USA4*******0400");
        CHECK(maskIdNumber("123456789012") == "1234****9012");
    }

    TEST_CASE("short numbers keep only the last two characters")
    {
        CHECK(maskIdNumber("12345678901") == "*********01");
        CHECK(maskIdNumber("12345") == "***45");
        CHECK(maskIdNumber("123") == "*23");
        CHECK(maskIdNumber("12") == "**");
        CHECK(maskIdNumber("7") == "*");
        CHECK(maskIdNumber("") == "");
    }
}
