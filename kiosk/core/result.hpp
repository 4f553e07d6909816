#pragma once
// Results at boundaries: a value or an Error that says what went wrong in
// words a maintainer can act on.
#include <expected>
#include <string>
#include <utility>

namespace kiosk {

struct Error {
    std::string message;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string message)
{
    return std::unexpected<Error>(Error{std::move(message)});
}

} // namespace kiosk

// Propagates an error from an expression returning Result<T>; evaluates to the
// value. A GNU statement expression (GCC and clang), hence __extension__.
#define KIOSK_TRY(expr)                                                                            \
    __extension__({                                                                                \
        auto _kiosk_try_result = (expr);                                                           \
        if (!_kiosk_try_result) return std::unexpected(std::move(_kiosk_try_result.error()));      \
        std::move(*_kiosk_try_result);                                                             \
    })

// Propagates an error from an expression returning Result<void>.
#define KIOSK_TRY_VOID(expr)                                                                       \
    do {                                                                                           \
        auto _kiosk_try_result = (expr);                                                           \
        if (!_kiosk_try_result) return std::unexpected(std::move(_kiosk_try_result.error()));      \
    } while (0)
