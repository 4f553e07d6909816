#pragma once
// What the demo hospital tests share: a hospital seeded from the shipped
// files on a hand-moved clock that stands at 07:00 local time on Monday
// 2026-11-23, new patients with valid ID numbers, and a way to find a slot
// that can still be booked.
#include <doctest/doctest.h>

#include <algorithm>
#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/clock.hpp"
#include "hospital/demo/demo_hospital.hpp"
#include "hospital/demo/demo_time.hpp"

namespace kiosk::test {

inline constexpr CivilDate kDemoToday{2026, 11, 23};  // a Monday
inline const std::string kZhangIdNumber = "440106198503121234";

inline std::string demoSeedDir() { return std::string(KIOSK_TEST_ASSETS) + "/demo/hospital"; }

inline std::string describe(const hospital::BackendError& error) { return error.message; }
inline std::string describe(const Error& error) { return error.message; }

/// The value of a result the test needs, failing the test with the error's message otherwise.
template <class T>
T need(std::expected<T, hospital::BackendError> result)
{
    REQUIRE_MESSAGE(result.has_value(), (result ? std::string() : describe(result.error())));
    return std::move(*result);
}

inline hospital::BackendErrorKind errorKind(const auto& result)
{
    REQUIRE_FALSE(result.has_value());
    return result.error().kind;
}

/// A database file of its own in the temp folder, removed with its WAL files afterwards.
class TempDatabase {
public:
    explicit TempDatabase(const std::string& name)
        : m_path((std::filesystem::temp_directory_path() /
                  ("kiosk-demo-" + name + "-" + std::to_string(::getpid()) + ".db"))
                     .string())
    {
        remove();
    }
    ~TempDatabase() { remove(); }
    const std::string& path() const { return m_path; }

private:
    void remove()
    {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(m_path + suffix);
    }
    std::string m_path;
};

struct DemoFixture {
    explicit DemoFixture(hospital::DemoHospitalOptions options = {}, const std::string& dbPath = ":memory:")
    {
        clock.setWall(hospital::demo::localWallTime(kDemoToday, 7 * 60));
        reopen(options, dbPath);
    }

    void reopen(hospital::DemoHospitalOptions options = {}, const std::string& dbPath = ":memory:")
    {
        his.reset();
        auto opened = hospital::DemoHospital::open(dbPath, demoSeedDir(), clock, options);
        REQUIRE_MESSAGE(opened.has_value(), (opened ? std::string() : opened.error().message));
        his = std::move(*opened);
    }

    /// A patient new to the hospital, made from a card with a valid GB 11643 ID number.
    hospital::PatientRecord newPatient(int n)
    {
        IdentityCard card;
        card.name = "测试" + std::to_string(n);
        card.sex = n % 2 ? Sex::Male : Sex::Female;
        card.birthDate = {1980, 1, 1 + n % 28};
        card.idNumber = withCheckDigit("44010619800101" + std::to_string(100 + n % 900));
        return need(his->findOrCreatePatient(card));
    }

    hospital::PatientRecord zhang()
    {
        IdentityCard card;
        card.name = "张小三";
        card.idNumber = kZhangIdNumber;
        return need(his->findOrCreatePatient(card));
    }

    /// The first slot of the department on `date` with a place left and a doctor not in `avoidDoctors`.
    std::optional<hospital::Slot> freeSlot(const std::string& departmentId, CivilDate date,
                                           const std::vector<std::string>& avoidDoctors = {})
    {
        for (const hospital::Slot& slot : need(his->slots(departmentId, date, 1)))
            if (slot.remaining > 0 && std::find(avoidDoctors.begin(), avoidDoctors.end(), slot.doctorId) ==
                                          avoidDoctors.end())
                return slot;
        return std::nullopt;
    }

    /// A slot's remaining places now, read back from the hospital.
    int remaining(const hospital::Slot& slot)
    {
        for (const hospital::Slot& s : need(his->slots(slot.departmentId, slot.date, 1)))
            if (s.id == slot.id) return s.remaining;
        FAIL("the slot is no longer listed");
        return -1;
    }

    static std::string withCheckDigit(const std::string& first17)
    {
        static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
        return first17 + "10X98765432"[sum % 11];
    }

    ManualClock clock;
    std::unique_ptr<hospital::DemoHospital> his;
};

} // namespace kiosk::test
