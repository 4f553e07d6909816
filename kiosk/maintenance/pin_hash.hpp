#pragma once
// The maintainer PIN's hash: libsodium's Argon2id string format
// ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"), which carries its own salt and
// cost, so a hash made by `kioskctl maintainer hash-pin` on one machine can be
// provisioned to a whole fleet through the config file.
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kiosk::maintenance {

/// Argon2id with libsodium's interactive limits (about 64 MiB and a tenth of a second).
Result<std::string> hashPin(std::string_view pin);
/// True if `pin` matches `hash`; constant-time in libsodium.
bool pinMatchesHash(std::string_view pin, std::string_view hash);
/// True if libsodium reads `hash` as an Argon2id hash string (any cost parameters).
bool isArgon2idHash(std::string_view hash);

} // namespace kiosk::maintenance
