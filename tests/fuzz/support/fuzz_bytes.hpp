#pragma once
// Reading a fuzzer's input as a stream of decisions and values. Once the
// bytes run out every read answers zero or empty, so a target can go on to
// its end state without checking for the end of input at each step.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace kiosk::fuzz {

class FuzzBytes {
public:
    FuzzBytes(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    bool empty() const { return m_pos >= m_size; }
    std::uint8_t byte() { return empty() ? 0 : m_data[m_pos++]; }
    /// A choice among `n` (n > 0).
    unsigned pick(unsigned n) { return byte() % n; }
    std::uint32_t u32()
    {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v = (v << 8) | byte();
        return v;
    }
    std::int64_t i64()
    {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v = (v << 8) | byte();
        return static_cast<std::int64_t>(v);
    }
    /// A string of up to `maxLength` arbitrary bytes, its length first.
    std::string text(std::size_t maxLength)
    {
        std::size_t n = byte() % (maxLength + 1);
        std::string out;
        while (n-- > 0 && !empty()) out += static_cast<char>(byte());
        return out;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

/// Stops the run with `what` when an invariant does not hold; libFuzzer keeps the input.
inline void require(bool holds, const char* what)
{
    if (holds) return;
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

} // namespace kiosk::fuzz
