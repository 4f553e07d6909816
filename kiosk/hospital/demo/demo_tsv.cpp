#include "hospital/demo/demo_tsv.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

namespace kiosk::hospital::demo {

namespace {

std::vector<std::string> splitTabs(std::string_view line)
{
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (;;) {
        std::size_t tab = line.find('\t', start);
        cells.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) return cells;
        start = tab + 1;
    }
}

} // namespace

Result<TsvTable> TsvTable::load(const std::string& path, const std::vector<std::string_view>& requiredColumns)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot read the seed file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    std::size_t slash = path.find_last_of('/');
    return parse(text.str(), slash == std::string::npos ? path : path.substr(slash + 1), requiredColumns);
}

Result<TsvTable> TsvTable::parse(std::string_view text, const std::string& fileName,
                                 const std::vector<std::string_view>& requiredColumns)
{
    TsvTable table;
    table.m_fileName = fileName;
    std::size_t width = 0;
    int lineNo = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::string_view line =
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        start = end == std::string_view::npos ? text.size() : end + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (lineNo == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // a BOM from a spreadsheet
        if (line.empty()) continue;
        std::vector<std::string> cells = splitTabs(line);
        if (width == 0) {
            width = cells.size();
            for (std::size_t i = 0; i < cells.size(); ++i) table.m_columns.emplace(cells[i], i);
            continue;
        }
        if (cells.size() != width)
            return fail(fileName + ":" + std::to_string(lineNo) + ": expected " + std::to_string(width) +
                        " tab-separated cells, found " + std::to_string(cells.size()));
        table.m_rows.push_back(std::move(cells));
        table.m_lineNumbers.push_back(lineNo);
    }
    if (width == 0) return fail(fileName + ": the file is empty (a header line is required)");
    for (std::string_view column : requiredColumns)
        if (!table.m_columns.contains(std::string(column)))
            return fail(fileName + ": the header has no column '" + std::string(column) + "'");
    return table;
}

const std::string& TsvTable::cell(std::size_t row, std::string_view column) const
{
    return m_rows.at(row).at(m_columns.at(std::string(column)));
}

Result<std::int64_t> TsvTable::integer(std::size_t row, std::string_view column) const
{
    const std::string& text = cell(row, column);
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size())
        return fail(where(row) + ": column '" + std::string(column) + "' is not a whole number");
    return value;
}

std::string TsvTable::where(std::size_t row) const
{
    return m_fileName + ":" + std::to_string(m_lineNumbers.at(row));
}

} // namespace kiosk::hospital::demo
