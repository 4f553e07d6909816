#pragma once
// The simulated printer's paper: a grayscale image, 255 for paper and 0 for
// full black, that grows downwards as the receipt is printed.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kiosk::devices::escpos {

struct PaperImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> gray;  ///< width × height, row-major.

    /// Adds white rows until the paper is `rows` long.
    void growTo(int rows)
    {
        if (rows <= height) return;
        gray.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(rows), 255);
        height = rows;
    }

    std::uint8_t at(int x, int y) const { return gray[index(x, y)]; }

    /// Lays `ink` (0 none … 255 full) on the paper; outside the paper it is lost.
    void darken(int x, int y, std::uint8_t ink)
    {
        if (inside(x, y)) gray[index(x, y)] = std::min<std::uint8_t>(gray[index(x, y)], 255 - ink);
    }

    /// Takes ink away again, for white-on-black (reverse) text.
    void lighten(int x, int y, std::uint8_t amount)
    {
        if (inside(x, y)) gray[index(x, y)] = std::max(gray[index(x, y)], amount);
    }

    void fill(int x, int y, int w, int h, std::uint8_t value)
    {
        for (int row = std::max(0, y); row < std::min(height, y + h); ++row)
            for (int col = std::max(0, x); col < std::min(width, x + w); ++col)
                gray[index(col, row)] = value;
    }

    bool inside(int x, int y) const { return x >= 0 && y >= 0 && x < width && y < height; }

private:
    std::size_t index(int x, int y) const
    {
        return static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
    }
};

/// Writes an 8-bit grayscale PNG.
Result<void> writePng(const PaperImage& paper, const std::string& path);

}  // namespace kiosk::devices::escpos
