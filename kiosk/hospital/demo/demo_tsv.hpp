#pragma once
// The seed files' format: UTF-8, tab-separated, one header line naming the
// columns. Columns are found by name so that a file may gain or reorder
// columns without breaking the reader; every error names file and line.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

namespace kiosk::hospital::demo {

class TsvTable {
public:
    /// Reads the file; fails if it is missing, a row has the wrong number of cells or a required column is absent.
    static Result<TsvTable> load(const std::string& path, const std::vector<std::string_view>& requiredColumns);
    static Result<TsvTable> parse(std::string_view text, const std::string& fileName,
                                  const std::vector<std::string_view>& requiredColumns);

    std::size_t rows() const { return m_rows.size(); }
    /// The cell in a column the table was loaded with as required.
    const std::string& cell(std::size_t row, std::string_view column) const;
    /// The cell as an integer, or an error that names file, line and column.
    Result<std::int64_t> integer(std::size_t row, std::string_view column) const;
    /// "doctors.tsv:12", for error messages.
    std::string where(std::size_t row) const;

private:
    std::string m_fileName;
    std::unordered_map<std::string, std::size_t> m_columns;
    std::vector<std::vector<std::string>> m_rows;
    std::vector<int> m_lineNumbers;
};

} // namespace kiosk::hospital::demo
