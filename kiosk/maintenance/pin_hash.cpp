#include "maintenance/pin_hash.hpp"

#include <sodium.h>

namespace kiosk::maintenance {

namespace {
// sodium_init() is safe to call from several threads and more than once;
// it returns 1 when already done.
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

Result<std::string> hashPin(std::string_view pin)
{
    if (!sodiumReady()) return fail("libsodium could not be initialised");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail("hashing the PIN failed (out of memory: Argon2id needs about 64 MiB)");
    return std::string(out);
}

bool pinMatchesHash(std::string_view pin, std::string_view hash)
{
    if (!sodiumReady() || !isArgon2idHash(hash)) return false;
    std::string terminated(hash);  // libsodium wants a C string
    return crypto_pwhash_str_verify(terminated.c_str(), pin.data(), pin.size()) == 0;
}

bool isArgon2idHash(std::string_view hash)
{
    if (!sodiumReady()) return false;
    if (hash.size() >= crypto_pwhash_STRBYTES || !hash.starts_with("$argon2id$")) return false;
    std::string terminated(hash);
    // -1: not a hash libsodium can read (or another algorithm); 0 or 1: an
    // Argon2id hash with our limits or with others, which is still usable.
    return crypto_pwhash_str_needs_rehash(terminated.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1;
}

} // namespace kiosk::maintenance
