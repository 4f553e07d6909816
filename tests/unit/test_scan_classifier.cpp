#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "scan/scan_classifier.hpp"

using namespace kiosk;

namespace {

ScanKind kindOf(std::string_view payload, const ScanRules& rules = {}) { return classifyScan(payload, rules).kind; }

ScanRules insuranceRules()
{
    ScanRules rules;
    rules.insurancePrefixes = {"YBDZ:"};
    rules.insuranceMinLength = 20;
    rules.insuranceMaxLength = 256;
    return rules;
}

} // namespace

TEST_SUITE("scan_classifier")
{
    TEST_CASE("WeChat Pay: 18 digits starting 10 to 15")
    {
        for (const char* code : {"100000000000000000", "134567890123456789", "159999999999999999"}) {
            auto c = classifyScan(code);
            CHECK(c.kind == ScanKind::WeChatPay);
            CHECK(c.problem == ScanProblem::None);
            CHECK(c.text == code);
        }
        CHECK(kindOf("13456789012345678") == ScanKind::Unknown);   // 17 digits
        CHECK(kindOf("1345678901234567890") == ScanKind::Unknown); // 19 digits
        CHECK(kindOf("164567890123456789") == ScanKind::Unknown);  // starts 16
        CHECK(kindOf("094567890123456789") == ScanKind::Unknown);  // starts 09
        CHECK(kindOf("13456789012345678X") == ScanKind::Unknown);  // a letter
    }

    TEST_CASE("Alipay: 16 to 24 digits starting 25 to 30")
    {
        CHECK(kindOf("2500000000000000") == ScanKind::Alipay);         // 16
        CHECK(kindOf("286543210987654321") == ScanKind::Alipay);       // 18
        CHECK(kindOf("300000000000000000000000") == ScanKind::Alipay); // 24
        CHECK(kindOf("290000000000000") == ScanKind::Unknown);         // 15
        CHECK(kindOf("2900000000000000000000000") == ScanKind::Unknown); // 25
        CHECK(kindOf("240000000000000000") == ScanKind::Unknown);      // starts 24
        CHECK(kindOf("310000000000000000") == ScanKind::Unknown);      // starts 31
    }

    TEST_CASE("Alipay face-pay token: fp and 33 more characters")
    {
        std::string token = "fp" + std::string(33, 'a');
        token[10] = 'Z';
        token[20] = '7';
        CHECK(kindOf(token) == ScanKind::Alipay);
        CHECK(kindOf("fp" + std::string(32, 'a')) == ScanKind::Unknown);  // 34 characters
        CHECK(kindOf("fp" + std::string(34, 'a')) == ScanKind::Unknown);  // 36 characters
        CHECK(kindOf("FP" + std::string(33, 'a')) == ScanKind::Unknown);  // upper-case prefix
        std::string withSpace = "fp" + std::string(16, 'a') + " " + std::string(16, 'a');
        CHECK(kindOf(withSpace) == ScanKind::Unknown);  // 35 characters but one is a space
    }

    TEST_CASE("UnionPay: 19 digits starting 62")
    {
        CHECK(kindOf("6212345678901234567") == ScanKind::UnionPay);
        CHECK(kindOf("621234567890123456") == ScanKind::Unknown);   // 18
        CHECK(kindOf("62123456789012345678") == ScanKind::Unknown); // 20
        CHECK(kindOf("6312345678901234567") == ScanKind::Unknown);  // starts 63
    }

    TEST_CASE("the payment prefixes do not overlap")
    {
        // 19 digits starting 25 is Alipay, not UnionPay; 18 digits starting 10 is WeChat, not Alipay.
        CHECK(kindOf("2512345678901234567") == ScanKind::Alipay);
        CHECK(kindOf("101234567890123456") == ScanKind::WeChatPay);
        CHECK(isPaymentCode(ScanKind::WeChatPay));
        CHECK(isPaymentCode(ScanKind::Alipay));
        CHECK(isPaymentCode(ScanKind::UnionPay));
        CHECK_FALSE(isPaymentCode(ScanKind::MedicalInsurance));
        CHECK_FALSE(isPaymentCode(ScanKind::ReportBarcode));
    }

    TEST_CASE("医保电子凭证 is recognised only by configured prefixes")
    {
        std::string code = "YBDZ:" + std::string(40, 'Q');
        CHECK(kindOf(code) == ScanKind::Unknown);  // no prefixes configured: never taken for a credential
        auto rules = insuranceRules();
        auto c = classifyScan(code, rules);
        CHECK(c.kind == ScanKind::MedicalInsurance);
        CHECK(c.text == code);

        auto shortOne = classifyScan("YBDZ:ABC", rules);
        CHECK(shortOne.kind == ScanKind::Unknown);
        CHECK(shortOne.reason.find("医保") != std::string::npos);
        CHECK(kindOf("YBDZ:" + std::string(300, 'Q'), rules) == ScanKind::Unknown);       // too long
        CHECK(kindOf("YBDZ:" + std::string(20, 'Q') + " X", rules) == ScanKind::Unknown); // a space
        CHECK(kindOf("YBDZ:" + std::string(20, 'Q') + "中", rules) == ScanKind::Unknown); // not ASCII
        CHECK(kindOf("ybdz:" + std::string(40, 'Q'), rules) == ScanKind::Unknown);        // prefix is exact
    }

    TEST_CASE("an empty insurance prefix or report pattern matches nothing")
    {
        ScanRules rules;
        rules.insurancePrefixes = {""};
        rules.reportPatterns = {""};
        CHECK(kindOf("HELLO-WORLD-1234567890", rules) == ScanKind::Unknown);
    }

    TEST_CASE("payment codes win over a site pattern that overlaps them")
    {
        ScanRules rules;
        rules.reportPatterns = {"##################"};  // 18 digits, like a WeChat code
        CHECK(kindOf("134567890123456789", rules) == ScanKind::WeChatPay);
        CHECK(kindOf("994567890123456789", rules) == ScanKind::ReportBarcode);
    }

    TEST_CASE("report barcodes follow the configured patterns")
    {
        CHECK(kindOf("202406110042") == ScanKind::ReportBarcode);  // default: 12 digits
        CHECK(kindOf("20240611004") == ScanKind::Unknown);
        CHECK(kindOf("2024061100420") == ScanKind::Unknown);
        ScanRules rules;
        rules.reportPatterns = {"LAB-########", "@@######"};
        CHECK(kindOf("LAB-12345678", rules) == ScanKind::ReportBarcode);
        CHECK(kindOf("XY123456", rules) == ScanKind::ReportBarcode);
        CHECK(kindOf("LAB-1234567X", rules) == ScanKind::Unknown);
        CHECK(kindOf("xy123456", rules) == ScanKind::Unknown);
        CHECK(kindOf("202406110042", rules) == ScanKind::Unknown);  // the default is replaced, not added to
    }

    TEST_CASE("pattern matching is whole-text and literal")
    {
        CHECK(matchesPattern("A1", "@#"));
        CHECK_FALSE(matchesPattern("A1 ", "@#"));
        CHECK_FALSE(matchesPattern("1A", "@#"));
        CHECK(matchesPattern("*.?", "*.?"));  // no wildcards besides # and @
        CHECK_FALSE(matchesPattern("abc", "*.?"));
    }

    TEST_CASE("the scanner's terminator is trimmed; inner spaces are kept")
    {
        auto c = classifyScan("  134567890123456789\r\n");
        CHECK(c.kind == ScanKind::WeChatPay);
        CHECK(c.text == "134567890123456789");
        CHECK(classifyScan("\t202406110042\n").kind == ScanKind::ReportBarcode);
        CHECK(classifyScan("1345678901 23456789").kind == ScanKind::Unknown);
    }

    TEST_CASE("an SQL-looking payload is Unknown, and the reason does not quote it")
    {
        const std::string sql = "'; DROP TABLE patients; --";
        auto c = classifyScan(sql);
        CHECK(c.kind == ScanKind::Unknown);
        CHECK(c.problem == ScanProblem::Unrecognised);
        CHECK(c.text == sql);
        CHECK_FALSE(c.reason.empty());
        CHECK(c.reason.find("DROP") == std::string::npos);
        CHECK(classifyScan("1 OR 1=1").kind == ScanKind::Unknown);
    }

    TEST_CASE("a near-miss number says it is a number, not what it is")
    {
        auto c = classifyScan("13456789012345678");
        CHECK(c.reason.find("17 digits") != std::string::npos);
        CHECK(c.reason.find("1345678") == std::string::npos);
    }

    TEST_CASE("binary garbage is rejected with a reason")
    {
        auto badUtf8 = classifyScan(std::string("\xff\xfe\x01garbage", 10));
        CHECK(badUtf8.kind == ScanKind::Unknown);
        CHECK(badUtf8.problem == ScanProblem::InvalidUtf8);
        CHECK(badUtf8.reason.find("byte 0") != std::string::npos);
        CHECK(badUtf8.text.empty());

        auto nul = classifyScan(std::string("1345\0" "67890123456789", 18));
        CHECK(nul.problem == ScanProblem::ControlCharacter);
        CHECK(nul.reason.find("U+0000") != std::string::npos);
        CHECK(nul.reason.find("character 5") != std::string::npos);

        CHECK(classifyScan("abc\x1b[2Jdef").problem == ScanProblem::ControlCharacter);  // a terminal escape
        CHECK(classifyScan("abc\x7f").problem == ScanProblem::ControlCharacter);
        CHECK(classifyScan("abc\xc2\x85").problem == ScanProblem::ControlCharacter);  // U+0085, a C1 control
        CHECK(classifyScan("\xc0\xaf").problem == ScanProblem::InvalidUtf8);          // overlong '/'
    }

    TEST_CASE("invisible formatting characters are rejected")
    {
        // U+202E RIGHT-TO-LEFT OVERRIDE would show the code reversed on screen.
        auto c = classifyScan("HK1:R:1\xe2\x80\xae:ABCD");
        CHECK(c.problem == ScanProblem::FormattingCharacter);
        CHECK(c.reason.find("U+202E") != std::string::npos);
        CHECK(classifyScan("\xef\xbb\xbf" "134567890123456789").problem == ScanProblem::FormattingCharacter);
        CHECK(classifyScan("1345\xe2\x80\x8b" "67890123456789").problem == ScanProblem::FormattingCharacter);
    }

    TEST_CASE("length is bounded before anything else is looked at")
    {
        auto c = classifyScan(std::string(513, '1'));
        CHECK(c.problem == ScanProblem::TooLong);
        CHECK(c.reason.find("513 bytes") != std::string::npos);
        CHECK(classifyScan(std::string(512, 'A')).problem == ScanProblem::Unrecognised);
        ScanRules rules;
        rules.maxBytes = 16;
        CHECK(classifyScan("134567890123456789", rules).problem == ScanProblem::TooLong);
    }

    TEST_CASE("an empty scan or one of only terminators is rejected")
    {
        CHECK(classifyScan("").problem == ScanProblem::Empty);
        CHECK(classifyScan("\r\n").problem == ScanProblem::Empty);
        CHECK(classifyScan(" \t ").problem == ScanProblem::Empty);
    }

    TEST_CASE("Chinese text is valid but unknown")
    {
        auto c = classifyScan("挂号单 A12");
        CHECK(c.kind == ScanKind::Unknown);
        CHECK(c.problem == ScanProblem::Unrecognised);
        CHECK(c.reason.find("7 characters") != std::string::npos);
    }

    TEST_CASE("a kiosk slip is classified with its decoded kind and id")
    {
        auto text = encodeSlipCode({SlipKind::Report, "20240611-0042"});
        REQUIRE(text.has_value());
        auto c = classifyScan(*text + "\r\n");
        CHECK(c.kind == ScanKind::KioskSlip);
        REQUIRE(c.slip.has_value());
        CHECK(c.slip->kind == SlipKind::Report);
        CHECK(c.slip->id == "20240611-0042");
    }

    TEST_CASE("a tampered slip is Unknown with the slip's reason")
    {
        auto text = encodeSlipCode({SlipKind::Payment, "P-778812"});
        REQUIRE(text.has_value());
        std::string tampered = *text;
        tampered[8] = tampered[8] == '9' ? '8' : '9';
        auto c = classifyScan(tampered);
        CHECK(c.kind == ScanKind::Unknown);
        CHECK(c.problem == ScanProblem::BadSlip);
        CHECK(c.reason.find("check value") != std::string::npos);
        CHECK_FALSE(c.slip.has_value());
    }

    TEST_CASE("kinds have stable names")
    {
        CHECK(scanKindName(ScanKind::WeChatPay) == "wechat-pay");
        CHECK(scanKindName(ScanKind::Alipay) == "alipay");
        CHECK(scanKindName(ScanKind::UnionPay) == "unionpay");
        CHECK(scanKindName(ScanKind::MedicalInsurance) == "medical-insurance");
        CHECK(scanKindName(ScanKind::KioskSlip) == "kiosk-slip");
        CHECK(scanKindName(ScanKind::ReportBarcode) == "report-barcode");
        CHECK(scanKindName(ScanKind::Unknown) == "unknown");
        CHECK(slipKindName(SlipKind::Registration) == "registration");
        CHECK(slipKindName(SlipKind::Payment) == "payment");
        CHECK(slipKindName(SlipKind::QueueTicket) == "queue-ticket");
        CHECK(slipKindName(SlipKind::Report) == "report");
    }

    TEST_CASE("payment codes are masked to the first and last four")
    {
        CHECK(maskPaymentCode("134567890123456789") == "1345**********6789");
        CHECK(maskPaymentCode("6212345678901234567") == "6212***********4567");
        CHECK(maskPaymentCode("123456789012") == "1234****9012");
        CHECK(maskPaymentCode("12345678901") == "***********");  // too short to keep eight
        CHECK(maskPaymentCode("") == "");
        CHECK(maskPaymentCode("中文中文中文中文中文中文") == "中文中文****中文中文");  // characters, not bytes
    }

    TEST_CASE("logs see payment codes, 医保 tokens and unknown payloads masked")
    {
        CHECK(maskForLog(classifyScan("134567890123456789")) == "1345**********6789");
        CHECK(maskForLog(classifyScan("13456789012345678")) == "1345*********5678");  // a near miss, still masked
        CHECK(maskForLog(classifyScan("YBDZ:" + std::string(40, 'Q'), insuranceRules())).find("QQQQQQQQQ") ==
              std::string::npos);
        CHECK(maskForLog(classifyScan("202406110042")) == "202406110042");
        auto slip = encodeSlipCode({SlipKind::Registration, "A1"});
        REQUIRE(slip.has_value());
        CHECK(maskForLog(classifyScan(*slip)) == *slip);
    }
}

TEST_SUITE("scan_slip_code")
{
    TEST_CASE("the check value is CRC-16/CCITT-FALSE")
    {
        CHECK(slipCheckValue("123456789") == 0x29B1);  // the catalogue check value
        CHECK(slipCheckValue("") == 0xFFFF);
    }

    TEST_CASE("golden encoding")
    {
        auto text = encodeSlipCode({SlipKind::Registration, "20240611-0042"});
        REQUIRE(text.has_value());
        char expected[32];
        std::snprintf(expected, sizeof expected, "HK1:R:20240611-0042:%04X",
                      static_cast<unsigned>(slipCheckValue("HK1:R:20240611-0042")));
        CHECK(*text == expected);
        CHECK(text->size() == 24);
    }

    TEST_CASE("every kind round-trips")
    {
        for (SlipKind kind : {SlipKind::Registration, SlipKind::Payment, SlipKind::QueueTicket, SlipKind::Report,
                              SlipKind::Transaction}) {
            SlipCode slip{kind, "ID-" + std::string(1, static_cast<char>(kind)) + "-0001"};
            auto text = encodeSlipCode(slip);
            REQUIRE(text.has_value());
            auto back = decodeSlipCode(*text);
            REQUIRE(back.has_value());
            CHECK(*back == slip);
        }
        auto longest = encodeSlipCode({SlipKind::Payment, std::string(32, '9')});
        REQUIRE(longest.has_value());
        CHECK(decodeSlipCode(*longest).has_value());
    }

    TEST_CASE("ids outside the alphabet or too long are refused when encoding")
    {
        CHECK_FALSE(encodeSlipCode({SlipKind::Payment, ""}).has_value());
        CHECK_FALSE(encodeSlipCode({SlipKind::Payment, std::string(33, '1')}).has_value());
        CHECK_FALSE(encodeSlipCode({SlipKind::Payment, "abc"}).has_value());
        CHECK_FALSE(encodeSlipCode({SlipKind::Payment, "A:B"}).has_value());
        CHECK_FALSE(encodeSlipCode({static_cast<SlipKind>('Z'), "A"}).has_value());
    }

    TEST_CASE("any single changed character is caught")
    {
        auto text = encodeSlipCode({SlipKind::QueueTicket, "Q0815"});
        REQUIRE(text.has_value());
        for (std::size_t i = 0; i < text->size(); ++i) {
            std::string changed = *text;
            changed[i] = changed[i] == 'A' ? 'B' : 'A';
            CAPTURE(changed);
            CHECK_FALSE(decodeSlipCode(changed).has_value());
        }
    }

    TEST_CASE("malformed slips get a reason each")
    {
        auto reason = [](std::string_view text) {
            auto r = decodeSlipCode(text);
            REQUIRE_FALSE(r.has_value());
            return r.error().message;
        };
        CHECK(reason("HK2:R:1:0000").find("version 2") != std::string::npos);
        CHECK(reason("HK1:R1:0000").find("malformed") != std::string::npos);
        CHECK(reason("HK1:").find("malformed") != std::string::npos);
        CHECK(reason("HK1:Z:123:0000").find("unknown kind") != std::string::npos);
        CHECK(reason("HK1:R::00000").find("1 to 32") != std::string::npos);
        CHECK(reason("HK1:R:ab:0000").find("0-9, A-Z") != std::string::npos);
        CHECK(reason("HK1:R:AB:000").find("four hex") != std::string::npos);
        CHECK(reason("HELLO").find("not a kiosk slip") != std::string::npos);
        CHECK(looksLikeSlipCode("HK7:anything"));
        CHECK_FALSE(looksLikeSlipCode("HKX:"));
    }
}
