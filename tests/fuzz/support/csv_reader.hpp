#pragma once
// A strict reader for the CSV the journal exports (RFC 4180: CRLF after
// every record, fields with a comma, quote or line break quoted, quotes
// doubled). Written apart from the exporter so that a fuzzer can check the
// export reads back; anything the RFC does not allow is refused.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::fuzz {

using CsvRows = std::vector<std::vector<std::string>>;

inline std::optional<CsvRows> readCsv(std::string_view text)
{
    CsvRows rows;
    std::size_t i = 0;
    while (i < text.size()) {
        std::vector<std::string> row;
        for (;;) {
            std::string field;
            if (i < text.size() && text[i] == '"') {
                ++i;
                for (;;) {
                    if (i >= text.size()) return std::nullopt;  // no closing quote
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    field += text[i++];
                }
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                    if (text[i] == '"') return std::nullopt;  // a quote inside an unquoted field
                    field += text[i++];
                }
            }
            row.push_back(std::move(field));
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            if (text.substr(i, 2) != "\r\n") return std::nullopt;  // every record ends in CRLF
            i += 2;
            break;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace kiosk::fuzz
