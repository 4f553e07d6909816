#pragma once
// The settings the shell runs with: one typed field per key of the config
// file (/etc/kiosk/kiosk.conf, see README "Configuration"), plus the few that
// only the command line sets. Every default is what the kiosk did before
// settings could be stored, so an empty settings database changes nothing.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "i18n/language.hpp"

namespace kiosk {

enum class Orientation { Landscape, Portrait };

/// Which device plays a role: found by itself, none, the simulator, or a named one.
struct DeviceAssignment {
    enum class Kind { Auto, None, Simulated, Usb, Cups, Hidraw, Evdev };
    // The `{}` let `{Kind::None}` name the kind alone without GCC warning about the rest.
    Kind kind = Kind::Auto;
    std::uint16_t vendorId{};   ///< Usb
    std::uint16_t productId{};  ///< Usb
    std::string serial{};       ///< Usb, optional
    std::string target{};       ///< Cups: the queue; Hidraw, Evdev: the device node
    friend bool operator==(const DeviceAssignment&, const DeviceAssignment&) = default;
};

struct ServiceSwitches {
    bool registration = true;
    bool bills = true;
    bool reports = true;
    bool checkIn = true;
    bool prices = true;
    friend bool operator==(const ServiceSwitches&, const ServiceSwitches&) = default;
};

struct PaymentSwitches {
    bool wechat = true;
    bool alipay = true;
    bool unionpay = true;
    bool qrCode = true;       ///< The QR code on screen that the patient's phone scans.
    bool paymentCode = true;  ///< The patient's payment code shown to the scanner.
    friend bool operator==(const PaymentSwitches&, const PaymentSwitches&) = default;
};

struct DeviceAssignments {
    DeviceAssignment idReader;
    DeviceAssignment receiptPrinter;
    DeviceAssignment scanner;
    /// No CUPS destination unless one is named: a kiosk without an A4 printer is common.
    DeviceAssignment a4Printer{DeviceAssignment::Kind::None};
    friend bool operator==(const DeviceAssignments&, const DeviceAssignments&) = default;
};

struct KioskSettings {
    /// Shown on the attract screen; empty means the catalog's demo hospital name.
    std::string hospitalName;
    /// Absolute path of a PNG; empty: no logo.
    std::string hospitalLogo;
    std::string kioskId = "K-001";
    Orientation orientation = Orientation::Landscape;
    /// Physical pixel density of the panel; touch targets are sized from it.
    float screenDpi = 96.0f;
    /// The languages a patient may choose, in the order offered.
    std::vector<Language> languages{Language::ZhCN, Language::ZhTW, Language::En};
    Language defaultLanguage = Language::ZhCN;
    /// A line printed at the bottom of every receipt; may be empty.
    std::string receiptFooter;
    /// Inactivity before the "are you still there?" countdown appears.
    std::chrono::seconds idleTimeout{60};
    /// How long the countdown runs; at least 20 s so that a slow reader can react.
    std::chrono::seconds warningDuration{30};
    /// Maintainer mode leaves by itself after this long without a touch.
    std::chrono::seconds maintainerIdleTimeout{120};
    ServiceSwitches services;
    PaymentSwitches payment;
    /// Registrations one patient may make per day at this kiosk (the demo hospital's limit).
    int registrationDailyLimit = 3;
    /// The hospital back end: an http(s) URL, or "demo" for the embedded demo hospital.
    std::string backendUrl = "demo";
    std::chrono::seconds backendTimeout{10};
    DeviceAssignments devices;
    /// How long finished transactions stay in the money journal.
    int journalRetentionDays = 365;
    /// The maintainer PIN as a libsodium Argon2id hash string; empty: no PIN set.
    std::string maintainerPinHash;

    // Set on the command line only, not stored.
    /// Patients this old or older get elder mode on by themselves.
    int elderAge = 65;
    /// Voice volume 0–100 at the start of every session.
    int defaultVolume = 80;

    friend bool operator==(const KioskSettings&, const KioskSettings&) = default;
};

inline constexpr std::chrono::seconds kMinimumWarning{20};

} // namespace kiosk
