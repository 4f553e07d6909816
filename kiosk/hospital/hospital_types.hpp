#pragma once
// The hospital's side of a visit as values, shaped after HL7 FHIR R4 so that
// a FHIR server can stand behind the interface later: Patient, Organization
// (department), Practitioner + PractitionerRole (doctor), Schedule/Slot,
// Appointment, ChargeItem grouped by order, Invoice, DiagnosticReport with
// Observations, and the price catalogue (ChargeItemDefinition). Money is
// integer fen; times are wall-clock (UTC in storage, local on screen).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/secure_clear.hpp"
#include "patient/identity_card.hpp"

namespace kiosk::hospital {

/// Money in fen (1/100 yuan). Never a floating-point number.
using Fen = std::int64_t;

/// FHIR Patient. `verified` is false for records a kiosk created from a card.
struct PatientRecord {
    std::string id;          ///< The hospital's patient id (HIS number).
    std::string name;
    std::string idNumber;    ///< From the ID card; the matching key.
    std::string visitCard;   ///< 就诊卡号, if the patient has one.
    Sex sex = Sex::Unknown;
    CivilDate birthDate;
    std::string phone;
    bool createdByKiosk = false;  ///< registrationSource = KIOSK: identity checked by card, not at a window.

    /// Overwrites the identifying fields in place, as IdentityCard::wipe does; every copy does it when it
    /// goes, so a flow's copy is cleared when the session ends and the flow is destroyed.
    void wipe()
    {
        for (std::string* s : {&name, &idNumber, &visitCard, &phone}) secureClear(*s);
        sex = Sex::Unknown;
        birthDate = {};
    }
    PatientRecord() = default;
    PatientRecord(const PatientRecord&) = default;
    PatientRecord(PatientRecord&&) noexcept = default;
    PatientRecord& operator=(const PatientRecord&) = default;
    PatientRecord& operator=(PatientRecord&&) noexcept = default;
    ~PatientRecord() { wipe(); }
};

/// FHIR Organization (a clinical department) with a Location.
struct Department {
    std::string id;
    std::string name;        ///< 心血管内科
    std::string category;    ///< 内科, 外科, ... for grouping on screen
    std::string location;    ///< 门诊楼3层B区
    std::string intro;       ///< One or two sentences.
};

/// One line of the hospital's guide from a common complaint to the department
/// that sees it (导诊), for patients who do not know which department to choose.
/// The hospital keeps it, as it keeps the departments: which department sees
/// what differs between hospitals.
struct SymptomGuideEntry {
    std::string symptom;       ///< 发热、咳嗽 (in the hospital's language, as the department names)
    std::string departmentId;
    std::string hint;          ///< A short note such as 儿童请选儿科; may be empty.
};

/// FHIR Practitioner + PractitionerRole.
struct Doctor {
    std::string id;
    std::string name;
    std::string departmentId;
    std::string title;       ///< 主任医师, 副主任医师, 主治医师, 住院医师
    std::string speciality;  ///< 擅长: a short phrase
    bool expert = false;     ///< 专家号 (higher fee) rather than 普通号
};

enum class DayPeriod { Morning, Afternoon };

/// FHIR Slot: one doctor, one hour-long period on one day, with a quota.
struct Slot {
    std::string id;
    std::string doctorId;
    std::string departmentId;
    CivilDate date;
    DayPeriod period = DayPeriod::Morning;
    int startMinute = 0;      ///< Minutes after midnight, local time (8:00 → 480).
    int endMinute = 0;
    int capacity = 0;
    int remaining = 0;        ///< Live: capacity minus held and booked.
    /// Of `remaining`, places kept for patients aged 65 and over (老年人优先号): others cannot take them.
    int elderReserved = 0;
    Fen fee = 0;              ///< 挂号费 + 诊查费
    std::string room;         ///< 诊室
};

/// A slot held for one patient while they pay (Appointment/$hold).
struct SlotHold {
    std::string id;
    std::string slotId;
    std::string patientId;
    WallTime expires;
};

enum class AppointmentStatus { Booked, CheckedIn, Cancelled };

/// FHIR Appointment.
struct Appointment {
    std::string id;
    std::string patientId;
    Slot slot;
    int queueNumber = 0;      ///< 就诊序号
    AppointmentStatus status = AppointmentStatus::Booked;
    std::string paymentReference;  ///< The payment this booking was paid by; empty for an appointment paid elsewhere.
    WallTime bookedAt;
};

enum class OrderKind { Prescription, LabTest, Exam, Treatment };

/// FHIR ChargeItem: one line of an order.
struct ChargeItem {
    std::string id;
    std::string code;         ///< The price catalogue's code.
    std::string name;
    std::string unit;         ///< 盒, 次, 项
    int quantity = 1;
    Fen unitPrice = 0;
    Fen amount() const { return unitPrice * quantity; }
};

/// A prescription or an order for tests: the unit the patient pays for.
struct Order {
    std::string id;
    OrderKind kind = OrderKind::Prescription;
    std::string departmentName;
    std::string doctorName;
    WallTime orderedAt;
    std::vector<ChargeItem> items;
    Fen total() const
    {
        Fen sum = 0;
        for (const ChargeItem& i : items) sum += i.amount();
        return sum;
    }
};

/// FHIR Invoice, issued when orders are settled.
struct Invoice {
    std::string id;
    std::string patientId;
    std::vector<std::string> orderIds;
    Fen total = 0;
    std::string paymentReference;
    std::string eInvoiceUrl;  ///< 电子发票 link for the receipt's QR code.
    WallTime issuedAt;
};

enum class ReportKind { Lab, Imaging };
enum class ReportStatus { Pending, Ready, Printed };
enum class ResultFlag { Normal, High, Low };

/// FHIR Observation as a row of a lab report.
struct LabResult {
    std::string code;
    std::string name;         ///< 白细胞计数
    std::string value;        ///< As reported ("6.5", "阴性")
    std::string unit;         ///< 10^9/L
    std::string referenceRange;  ///< "3.5-9.5"
    ResultFlag flag = ResultFlag::Normal;
};

/// FHIR DiagnosticReport.
struct Report {
    std::string id;
    std::string patientId;
    ReportKind kind = ReportKind::Lab;
    std::string title;        ///< 血常规, 胸部X线
    std::string departmentName;
    std::string orderingDoctor;
    std::string specimen;     ///< 静脉血 (lab); empty for imaging
    WallTime collectedAt;
    ReportStatus status = ReportStatus::Pending;
    std::optional<WallTime> readyAt;     ///< When it became ready, or when it is expected (pending).
    std::vector<LabResult> results;      ///< Lab reports.
    std::string findings;                ///< Imaging: 检查所见
    std::string conclusion;              ///< Imaging: 诊断意见; lab: remarks
    std::string reportingDoctor;
    std::string reviewingDoctor;
    int timesPrinted = 0;
    std::string barcode;      ///< The specimen / report barcode a patient may scan.
};

/// ChargeItemDefinition: an entry of the price list.
struct PriceItem {
    std::string code;
    std::string name;
    std::string pinyinInitials;  ///< "XCG" for 血常规, for search with the keypad
    std::string category;        ///< 药品, 检验, 检查, 治疗, 挂号
    std::string unit;
    std::string specification;   ///< 0.25g*24片 for drugs
    Fen price = 0;
};

} // namespace kiosk::hospital
