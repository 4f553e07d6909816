#pragma once
// The ID card's data as the reader returns it after `30 01` / `30 10`: a
// 256-byte UCS-2LE text block whose layout depends on the card-type flag at
// offset 248, and a 1024-byte WLT photo kept as it is.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/result.hpp"
#include "patient/identity_card.hpp"

namespace kiosk::devices::idcard {

inline constexpr std::size_t kTextBlockSize = 256;
inline constexpr std::size_t kPhotoSize = 1024;
inline constexpr std::size_t kFingerprintSize = 1024;
/// Offset of the card-type flag (one UCS-2 character) in the text block.
inline constexpr std::size_t kCardTypeFlagOffset = 248;

/// Decodes the text block of a resident card (flag ' ' or 0), an HMT residence
/// permit ('J') or a foreign permanent resident card ('I' 2017, 'Y' 2023).
/// An unknown flag, a malformed date, an unknown sex or nation code, or broken
/// UCS-2 text is an error naming the field; photoWlt stays empty.
Result<IdentityCard> decodeTextBlock(std::span<const std::uint8_t> block);

/// Decodes a whole read reply: 1295 bytes for `30 01`, 2321 for `30 10`. Checks
/// the frame, SW3 90 and the announced lengths, decodes the text and keeps the
/// photo in photoWlt. The fingerprint of a `30 10` reply is dropped: the kiosk
/// has no use for it and keeps no personal data it does not need.
Result<IdentityCard> decodeReadResponse(std::span<const std::uint8_t> frame);

} // namespace kiosk::devices::idcard
