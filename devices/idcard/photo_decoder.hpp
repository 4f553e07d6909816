#pragma once
// The hook for turning an ID card's WLT photo into an image. WLT is a
// proprietary compressed format and only licensed vendor libraries decode it
// (for example the CVR-100 driver's CV_Decode, which needs the vendor's
// base.dat and license.lic), so this project ships the interface and no
// implementation: a site that holds a licence adds a class that wraps its
// library, and everything else keeps the raw 1024 bytes in
// IdentityCard::photoWlt, treats them as opaque and shows no photo.
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace kiosk::devices::idcard {

class PhotoDecoder {
public:
    virtual ~PhotoDecoder() = default;
    /// Decodes the 1024-byte WLT photo from a read reply into a BMP file in
    /// memory (102 × 126 pixels, 24 bits, 38 862 bytes from the known decoders);
    /// an error if the library refuses the data or its licence.
    virtual Result<std::vector<std::uint8_t>> decodeToBmp(std::span<const std::uint8_t> wlt) = 0;
};

} // namespace kiosk::devices::idcard
