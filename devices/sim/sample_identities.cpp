#include "sim/sample_identities.hpp"

#include <charconv>
#include <chrono>
#include <fstream>
#include <sstream>

namespace kiosk::devices {

namespace {

std::vector<std::string> splitTabs(const std::string& line)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return out;
}

Result<CivilDate> parseDate(const std::string& s)
{
    if (s.size() != 8) return fail("date '" + s + "' is not YYYYMMDD");
    int v[3] = {};
    const std::pair<int, int> parts[3] = {{0, 4}, {4, 2}, {6, 2}};
    for (int i = 0; i < 3; ++i) {
        auto [ptr, ec] = std::from_chars(s.data() + parts[i].first, s.data() + parts[i].first + parts[i].second, v[i]);
        if (ec != std::errc{} || ptr != s.data() + parts[i].first + parts[i].second)
            return fail("date '" + s + "' is not YYYYMMDD");
    }
    std::chrono::year_month_day date{std::chrono::year{v[0]}, std::chrono::month{static_cast<unsigned>(v[1])},
                                     std::chrono::day{static_cast<unsigned>(v[2])}};
    if (!date.ok()) return fail("date '" + s + "' is not a calendar date");
    return CivilDate{v[0], v[1], v[2]};
}

Result<CardType> parseType(const std::string& s)
{
    if (s == "resident") return CardType::Resident;
    if (s == "foreign-2017") return CardType::ForeignPermanentOld;
    if (s == "foreign-2023") return CardType::ForeignPermanent2023;
    if (s == "hmt") return CardType::HmtResidencePermit;
    return fail("card type '" + s + "' is not one of resident, foreign-2017, foreign-2023, hmt");
}

} // namespace

Result<std::vector<SampleIdentity>> parseSampleIdentities(std::string_view text, const std::string& fileName)
{
    constexpr std::size_t kColumns = 12;
    std::vector<SampleIdentity> out;
    std::istringstream in{std::string(text)};
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        auto where = [&] { return fileName + ":" + std::to_string(lineNo) + ": "; };
        auto cols = splitTabs(line);
        if (cols.size() != kColumns)
            return fail(where() + "expected " + std::to_string(kColumns) + " tab-separated columns, found " +
                        std::to_string(cols.size()));
        SampleIdentity id;
        id.key = cols[0];
        auto type = parseType(cols[1]);
        if (!type) return fail(where() + type.error().message);
        id.card.type = *type;
        id.card.name = cols[2];
        id.card.englishName = cols[3];
        id.card.sex = cols[4] == "M" ? Sex::Male : cols[4] == "F" ? Sex::Female : Sex::Unspecified;
        id.card.nation = cols[5];
        auto birth = parseDate(cols[6]);
        if (!birth) return fail(where() + "birth " + birth.error().message);
        id.card.birthDate = *birth;
        id.card.address = cols[7];
        id.card.idNumber = cols[8];
        id.card.authority = cols[9];
        auto from = parseDate(cols[10]);
        if (!from) return fail(where() + "valid-from " + from.error().message);
        id.card.validFrom = *from;
        if (cols[11] != "长期") {
            auto to = parseDate(cols[11]);
            if (!to) return fail(where() + "valid-to " + to.error().message);
            id.card.validTo = *to;
        }
        if (id.key.empty() || id.card.idNumber.empty() || id.card.displayName().empty())
            return fail(where() + "key, a name and the ID number are required");
        for (const auto& existing : out)
            if (existing.key == id.key) return fail(where() + "duplicate identity key '" + id.key + "'");
        out.push_back(std::move(id));
    }
    if (out.empty()) return fail(fileName + ": no sample identities");
    return out;
}

Result<std::vector<SampleIdentity>> loadSampleIdentities(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(path + ": cannot open the sample identities file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parseSampleIdentities(buffer.str(), path);
}

} // namespace kiosk::devices
