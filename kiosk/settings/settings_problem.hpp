#pragma once
// A setting that could not be applied, and where it came from: a line of the
// config file, or a row of the settings database (line 0).
#include <string>
#include <vector>

namespace kiosk {

struct SettingProblem {
    std::string file;
    int line = 0;         ///< 1-based; 0 when not about one line.
    std::string key;      ///< "timeouts.idle_seconds"; empty when the line has no key.
    std::string message;  ///< Why, starting with the key when there is one.
};

/// "FILE:LINE: KEY: why" (the key is already the start of the message).
inline std::string describeProblem(const SettingProblem& p)
{
    return p.file + (p.line > 0 ? ":" + std::to_string(p.line) : std::string()) + ": " + p.message;
}

} // namespace kiosk
