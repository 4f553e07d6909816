#include "escpos/escpos_commands.hpp"

#include <algorithm>

namespace kiosk::devices::escpos {

namespace {

std::uint8_t low(std::size_t n)
{
    return static_cast<std::uint8_t>(n & 0xFF);
}

std::uint8_t high(std::size_t n)
{
    return static_cast<std::uint8_t>((n >> 8) & 0xFF);
}

// Reserving first keeps GCC 12 from a false -Warray-bounds on inserting into a fresh vector.
template <class Data> Bytes withData(std::initializer_list<std::uint8_t> head, const Data& data)
{
    Bytes out;
    out.reserve(head.size() + data.size());
    out.insert(out.end(), head.begin(), head.end());
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

// GS ( k pL pH cn fn params: pL + 256 pH counts cn, fn and the parameters.
Bytes qrFunction(std::uint8_t fn, std::initializer_list<std::uint8_t> params)
{
    std::size_t length = params.size() + 2;
    return withData({kGs, '(', 'k', low(length), high(length), 49, fn}, params);
}

}  // namespace

Bytes initialize()
{
    return {kEsc, '@'};
}
Bytes selectCodePage(std::uint8_t page)
{
    return {kEsc, 't', page};
}
Bytes chineseMode(bool on)
{
    return {kFs, static_cast<std::uint8_t>(on ? '&' : '.')};
}
Bytes chineseDoubleWidth(bool on)
{
    return {kFs, static_cast<std::uint8_t>(on ? 0x0E : 0x14)};
}
Bytes chineseQuadruple(bool on)
{
    return {kFs, 'W', static_cast<std::uint8_t>(on ? 1 : 0)};
}
Bytes printMode(std::uint8_t bits)
{
    return {kEsc, '!', bits};
}

Bytes characterSize(int widthScale, int heightScale)
{
    auto nibble = [](int scale) { return static_cast<std::uint8_t>(std::clamp(scale, 1, 8) - 1); };
    return {kGs, '!', static_cast<std::uint8_t>(nibble(widthScale) << 4 | nibble(heightScale))};
}

Bytes align(TextAlign alignment)
{
    std::uint8_t n = alignment == TextAlign::Center ? 1 : alignment == TextAlign::Right ? 2 : 0;
    return {kEsc, 'a', n};
}

Bytes bold(bool on)
{
    return {kEsc, 'E', static_cast<std::uint8_t>(on ? 1 : 0)};
}
Bytes underline(int dots)
{
    return {kEsc, '-', static_cast<std::uint8_t>(std::clamp(dots, 0, 2))};
}
Bytes reverse(bool on)
{
    return {kGs, 'B', static_cast<std::uint8_t>(on ? 1 : 0)};
}

Bytes qrModel(QrModel model)
{
    return qrFunction(0x41, {static_cast<std::uint8_t>(model), 0});
}
Bytes qrModuleSize(int dots)
{
    return qrFunction(0x43, {static_cast<std::uint8_t>(std::clamp(dots, 1, 16))});
}
Bytes qrErrorCorrection(QrErrorCorrection level)
{
    return qrFunction(0x45, {static_cast<std::uint8_t>(48 + static_cast<int>(level))});
}

Bytes qrStore(std::string_view data)
{
    std::size_t length = data.size() + 3;
    return withData({kGs, '(', 'k', low(length), high(length), 49, 0x50, 48}, data);
}

Bytes qrPrint()
{
    return qrFunction(0x51, {48});
}

Bytes rasterImage(int widthBytes, int heightDots, std::span<const std::uint8_t> rows, RasterScale scale)
{
    auto w = static_cast<std::size_t>(widthBytes);
    auto h = static_cast<std::size_t>(heightDots);
    return withData({kGs, 'v', '0', static_cast<std::uint8_t>(scale), low(w), high(w), low(h), high(h)}, rows);
}

Bytes feedLines(std::uint8_t lines)
{
    return {kEsc, 'd', lines};
}
Bytes cut(CutKind kind)
{
    return {kGs, 'V', static_cast<std::uint8_t>(kind == CutKind::Full ? 0 : 1)};
}
Bytes feedAndCut(CutKind kind, std::uint8_t extra)
{
    return {kGs, 'V', static_cast<std::uint8_t>(kind == CutKind::Full ? 65 : 66), extra};
}

Bytes drawerKick(std::uint8_t pin, std::uint8_t onTime, std::uint8_t offTime)
{
    return {kEsc, 'p', static_cast<std::uint8_t>(pin & 1), onTime, offTime};
}

Bytes realTimeStatus(StatusQuery query)
{
    return {kDle, kEot, static_cast<std::uint8_t>(query)};
}
Bytes automaticStatusBack(std::uint8_t enableBits)
{
    return {kGs, 'a', static_cast<std::uint8_t>(enableBits & 0x0F)};
}
Bytes paperSensorStatus()
{
    return {kGs, 'r', 1};
}

}  // namespace kiosk::devices::escpos
