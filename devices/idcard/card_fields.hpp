#pragma once
// Fields of an ID card's text block: fixed-size slots of UCS-2LE text padded
// with spaces. Each function decodes one slot into a value and names the field
// in its error. Errors never quote names or ID numbers, since they end up in
// logs; dates and codes are quoted, as they identify no one by themselves.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "patient/identity_card.hpp"

namespace kiosk::devices::idcard {

/// Where a field sits in the 256-byte block, and what to call it in errors.
struct FieldSpec {
    std::string_view name;
    std::size_t offset = 0;
    std::size_t bytes = 0;
};

/// UCS-2LE (surrogate pairs allowed) to UTF-8, trailing U+0020 trimmed and
/// nothing else: foreign names keep their inner spaces. Unpaired surrogates
/// and control characters are errors.
Result<std::string> decodeTextField(std::span<const std::uint8_t> block, FieldSpec field);
/// Digits and capital letters only, minLength to maxLength of them (ID and pass numbers).
Result<std::string> decodeNumberField(std::span<const std::uint8_t> block, FieldSpec field, std::size_t minLength,
                                      std::size_t maxLength);
/// YYYYMMDD, a real calendar day from 1900 on.
Result<CivilDate> decodeDateField(std::span<const std::uint8_t> block, FieldSpec field);
/// A date, or 长期 (no expiry) as nothing.
Result<std::optional<CivilDate>> decodeExpiryField(std::span<const std::uint8_t> block, FieldSpec field);
/// GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 unspecified; any other code is an error.
Result<Sex> decodeSexField(std::span<const std::uint8_t> block, FieldSpec field);
/// Two digits that must be in the 民族 table; returned as the code.
Result<std::string> decodeNationField(std::span<const std::uint8_t> block, FieldSpec field);
/// Three capital letters (GB/T 2659, as ISO 3166 alpha-3).
Result<std::string> decodeNationalityField(std::span<const std::uint8_t> block, FieldSpec field);
/// Digits as a number; a blank field is nothing.
Result<std::optional<int>> decodeCountField(std::span<const std::uint8_t> block, FieldSpec field);

} // namespace kiosk::devices::idcard
