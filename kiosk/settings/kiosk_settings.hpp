#pragma once
// The settings the shell runs with. Issue-level settings storage (SQLite,
// /etc overrides) builds on this struct; every field has a safe default.
#include <chrono>
#include <string>

#include "i18n/language.hpp"

namespace kiosk {

struct KioskSettings {
    std::string kioskId = "K-001";
    /// Shown on the attract screen; empty means the catalog's demo hospital name.
    std::string hospitalName;
    Language defaultLanguage = Language::ZhCN;
    /// Inactivity before the "are you still there?" countdown appears.
    std::chrono::seconds idleTimeout{60};
    /// How long the countdown runs; at least 20 s so that a slow reader can react.
    std::chrono::seconds warningDuration{30};
    /// Physical pixel density of the panel; touch targets are sized from it.
    float screenDpi = 96.0f;
    /// Patients this old or older get elder mode on by themselves.
    int elderAge = 65;
    /// Voice volume 0–100 at the start of every session.
    int defaultVolume = 80;
};

inline constexpr std::chrono::seconds kMinimumWarning{20};

} // namespace kiosk
