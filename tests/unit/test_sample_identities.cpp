#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "sim/sample_identities.hpp"

using namespace kiosk;
using namespace kiosk::devices;

namespace {

const std::string kHeader = "# comment line\n\n";

// One valid line; tests change single columns.
std::vector<std::string> goodColumns()
{
    return {"zhang-san", "resident", "张三", "", "M", "01", "19850312", "广州市", "440106198503121234",
            "广州市公安局", "20150601", "20350601"};
}

std::string join(const std::vector<std::string>& cols)
{
    std::string line;
    for (std::size_t i = 0; i < cols.size(); ++i) line += (i ? "\t" : "") + cols[i];
    return line + "\n";
}

std::string withColumn(std::size_t index, std::string value)
{
    auto cols = goodColumns();
    cols[index] = std::move(value);
    return join(cols);
}

std::string parseError(const std::string& text)
{
    auto result = parseSampleIdentities(text, "ids.tsv");
    REQUIRE_FALSE(result.has_value());
    return result.error().message;
}

} // namespace

TEST_SUITE("sample_identities")
{
    TEST_CASE("the demo file loads with an elderly patient and rare characters")
    {
        auto ids = loadSampleIdentities(std::string(KIOSK_TEST_ASSETS) + "/demo/id_cards.tsv");
        REQUIRE_MESSAGE(ids.has_value(), (ids ? "" : ids.error().message));
        CHECK(ids->size() >= 8);
        CHECK(std::any_of(ids->begin(), ids->end(), [](const SampleIdentity& id) { return id.card.birthDate.year == 1950; }));
        for (const char* rare : {"鑫", "淼", "犇", "骉", "䶮"}) {
            INFO("no sample name contains ", rare);
            CHECK(std::any_of(ids->begin(), ids->end(),
                              [&](const SampleIdentity& id) { return id.card.name.find(rare) != std::string::npos; }));
        }
        auto smith = std::find_if(ids->begin(), ids->end(), [](const auto& id) { return id.key == "smith-john"; });
        REQUIRE(smith != ids->end());
        CHECK(smith->card.type == CardType::ForeignPermanentOld);
        CHECK(smith->card.displayName() == "SMITH, JOHN");
    }

    TEST_CASE("a good line gives every field")
    {
        auto ids = parseSampleIdentities(kHeader + join(goodColumns()), "ids.tsv");
        REQUIRE(ids.has_value());
        REQUIRE(ids->size() == 1);
        const auto& id = ids->front();
        CHECK(id.key == "zhang-san");
        CHECK(id.card.type == CardType::Resident);
        CHECK(id.card.name == "张三");
        CHECK(id.card.sex == Sex::Male);
        CHECK(id.card.nation == "01");
        CHECK(id.card.birthDate == CivilDate{1985, 3, 12});
        CHECK(id.card.address == "广州市");
        CHECK(id.card.idNumber == "440106198503121234");
        CHECK(id.card.authority == "广州市公安局");
        CHECK(id.card.validFrom == CivilDate{2015, 6, 1});
        REQUIRE(id.card.validTo.has_value());
        CHECK(*id.card.validTo == CivilDate{2035, 6, 1});
    }

    TEST_CASE("长期 means no expiry and Windows line ends are accepted")
    {
        std::string line = withColumn(11, "长期");
        line.insert(line.size() - 1, "\r");
        auto ids = parseSampleIdentities(line, "ids.tsv");
        REQUIRE(ids.has_value());
        CHECK_FALSE(ids->front().card.validTo.has_value());
    }

    TEST_CASE("card types and sexes")
    {
        auto parsed = [](std::string type, std::string sex) {
            auto cols = goodColumns();
            cols[1] = std::move(type);
            cols[4] = std::move(sex);
            auto ids = parseSampleIdentities(join(cols), "ids.tsv");
            REQUIRE(ids.has_value());
            return ids->front().card;
        };
        CHECK(parsed("foreign-2017", "F").type == CardType::ForeignPermanentOld);
        CHECK(parsed("foreign-2023", "F").type == CardType::ForeignPermanent2023);
        CHECK(parsed("hmt", "F").type == CardType::HmtResidencePermit);
        CHECK(parsed("hmt", "F").sex == Sex::Female);
        CHECK(parsed("hmt", "").sex == Sex::Unspecified);
    }

    TEST_CASE("a wrong column count names file and line")
    {
        auto cols = goodColumns();
        cols.pop_back();
        std::string e = parseError(kHeader + join(cols));
        CHECK(e.starts_with("ids.tsv:3: "));
        CHECK(e.find("expected 12") != std::string::npos);
        CHECK(e.find("found 11") != std::string::npos);
        // Spaces instead of tabs are a column count error too.
        CHECK(parseError("a b c\n").starts_with("ids.tsv:1: "));
    }

    TEST_CASE("bad dates name file and line and column and value")
    {
        std::string e = parseError(kHeader + withColumn(6, "1985-03-12"));
        CHECK(e.starts_with("ids.tsv:3: "));
        CHECK(e.find("birth") != std::string::npos);
        CHECK(e.find("'1985-03-12'") != std::string::npos);
        CHECK(parseError(withColumn(6, "19851312")).find("not a calendar date") != std::string::npos);
        CHECK(parseError(withColumn(6, "19850300")).find("not a calendar date") != std::string::npos);
        CHECK(parseError(withColumn(6, "20230230")).find("not a calendar date") != std::string::npos);
        CHECK(parseSampleIdentities(withColumn(6, "20230228"), "ids.tsv").has_value());
        CHECK(parseError(withColumn(10, "2015060")).find("valid-from") != std::string::npos);
        CHECK(parseError(withColumn(11, "永久")).find("valid-to") != std::string::npos);
    }

    TEST_CASE("an unknown card type names the accepted ones")
    {
        std::string e = parseError(kHeader + withColumn(1, "passport"));
        CHECK(e.starts_with("ids.tsv:3: "));
        CHECK(e.find("'passport'") != std::string::npos);
        CHECK(e.find("foreign-2023") != std::string::npos);
    }

    TEST_CASE("a duplicate key names the second line")
    {
        std::string e = parseError(kHeader + join(goodColumns()) + "# between\n" + withColumn(8, "1"));
        CHECK(e.starts_with("ids.tsv:5: "));
        CHECK(e.find("duplicate identity key 'zhang-san'") != std::string::npos);
    }

    TEST_CASE("key and name and ID number are required and an empty file is an error")
    {
        CHECK(parseError(withColumn(0, "")).find("required") != std::string::npos);
        CHECK(parseError(withColumn(8, "")).find("required") != std::string::npos);
        CHECK(parseError(withColumn(2, "")).find("required") != std::string::npos);
        auto cols = goodColumns();
        cols[2] = "";
        cols[3] = "SMITH, JOHN";
        CHECK(parseSampleIdentities(join(cols), "ids.tsv").has_value());
        CHECK(parseError("# only comments\n").find("ids.tsv: no sample identities") != std::string::npos);
    }

    TEST_CASE("loading a missing file names it")
    {
        auto ids = loadSampleIdentities("/nonexistent/id_cards.tsv");
        REQUIRE_FALSE(ids.has_value());
        CHECK(ids.error().message.find("/nonexistent/id_cards.tsv") != std::string::npos);
    }
}
