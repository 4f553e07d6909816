// Self-registration, one step per screen: department (or a symptom from the
// hospital's guide), doctor, time, confirm, pay, and the outcome. The flow
// (kiosk/flows/registration_flow.hpp) decides; this file only shows its
// state and sends the patient's choices.
#include "documents/registration_slip.hpp"
#include "screen_router.hpp"
#include "widgets/outcome_panel.hpp"
#include "widgets/paged_list.hpp"
#include "widgets/payment_panel.hpp"

namespace kiosk::screens {

using flows::RegistrationFlow;
using flows::RegistrationStage;

namespace {

/// Title at the top, a back button at the bottom left; returns the area between.
Rect frame(Ui& ui, Rect area, std::string_view titleKey, bool withBack)
{
    const Metrics& m = ui.metrics();
    float y = area.y;
    y += ui.textIn(area.x, y, area.w, ui.tr(titleKey), FontRole::Title, ui.theme().text) + m.gap;
    float bottom = area.bottom();
    if (withBack) {
        float h = ui.buttonHeight();
        std::string label = ui.tr("flow.back");
        if (ui.button("back", label, Rect{area.x, bottom - h, ui.buttonWidth(label), h}, ButtonStyle::Secondary))
            ui.intend(intent::Back{});
        bottom -= h + m.gap;
    }
    return Rect{area.x, y, area.w, bottom - y};
}

void drawWaiting(Ui& ui, Rect area, std::string_view titleKey, std::string_view messageKey)
{
    Rect body = frame(ui, area, titleKey, false);
    ui.textIn(body.x, body.y + ui.metrics().gap * 3, body.w, ui.tr(messageKey), FontRole::Body, ui.theme().mutedText);
}

int columnsFor(const Metrics& m, int landscape, int portrait)
{
    int columns = m.portrait ? portrait : landscape;
    return m.elder ? std::max(1, columns - 1) : columns;
}

/// The symptom guide's button at the top, so that a patient who does not know the department sees it before
/// reading through two dozen names; in the help colour, so it does not pass for one more department. Beside the
/// centred title where the row has room for both (landscape), so that the list keeps its rows (in elder mode
/// a row of its own would halve the departments on a page); otherwise on a row under the title.
Rect drawSymptomGuideButton(Ui& ui, Rect area, Rect body)
{
    const Metrics& m = ui.metrics();
    std::string label = ui.tr("registration.symptom_guide");
    float h = ui.buttonHeight();
    float titleWidth = ui.measure(ui.tr("title.registration.choose_department"), FontRole::Title).x;
    float fitted = std::min(area.w, ui.buttonWidth(label));
    bool beside = (area.w + titleWidth) * 0.5f + m.gap + fitted <= area.w;
    Rect button{area.right() - fitted, area.y, fitted, h};
    if (!beside) {
        button.w = std::min(body.w, std::max(fitted, body.w * 0.5f));
        button.x = body.x + (body.w - button.w) * 0.5f;
        button.y = body.y;
    }
    if (ui.button(RegistrationFlow::kSymptomGuideChoice, label, button, ButtonStyle::Help))
        ui.intend(intent::Choose{std::string(RegistrationFlow::kSymptomGuideChoice)});
    float top = std::max(body.y, button.bottom() + m.gap);
    return Rect{body.x, top, body.w, body.bottom() - top};
}

void drawDepartments(Ui& ui, Rect area, const RegistrationFlow& flow, int page)
{
    Rect body = frame(ui, area, "title.registration.choose_department", false);
    if (!flow.symptomGuide().empty()) body = drawSymptomGuideButton(ui, area, body);
    std::vector<Choice> choices;
    for (const auto& d : flow.departments()) choices.push_back({d.id, d.name, true});
    drawPagedChoices(ui, body, choices, page, columnsFor(ui.metrics(), 4, 2), ui.buttonHeight());
}

void drawSymptoms(Ui& ui, Rect area, const RegistrationFlow& flow, int page)
{
    Rect body = frame(ui, area, "title.registration.choose_symptom", true);
    const Metrics& m = ui.metrics();
    // The note ("for guidance only") shares the back button's row rather than taking a line above the list:
    // in elder mode on a landscape screen that line would leave no room for a two-line choice and the pager.
    std::string note = ui.tr("registration.symptom_note");
    float rowHeight = ui.buttonHeight();
    float noteX = area.x + ui.buttonWidth(ui.tr("flow.back")) + m.gap;
    float noteWidth = area.right() - noteX;
    float noteHeight = ui.measure(note, FontRole::Body, noteWidth).y;
    // Centred on the back button; a note taller than the button rises from the bottom and the list gives way.
    float noteY = noteHeight <= rowHeight ? area.bottom() - (rowHeight + noteHeight) * 0.5f
                                          : area.bottom() - noteHeight;
    body.h = std::min(body.h, noteY - m.gap - body.y);
    ui.textIn(noteX, noteY, noteWidth, note, FontRole::Body, ui.theme().mutedText, Align::Left);
    std::vector<Choice> choices;
    const auto& guide = flow.symptomGuide();
    for (std::size_t i = 0; i < guide.size(); ++i) {
        const hospital::SymptomGuideEntry& entry = guide[i];
        const hospital::Department* department = flow.department(entry.departmentId);
        std::string label = ui.format("registration.symptom_choice",
                                      {{"symptom", entry.symptom}, {"department", department ? department->name : ""}});
        if (!entry.hint.empty()) label += "\n" + entry.hint;
        // The position is the id the flow takes back (RegistrationFlow::chooseSymptom).
        choices.push_back({std::to_string(i), label, true});
    }
    drawPagedChoices(ui, body, choices, page, columnsFor(m, 2, 1), ui.buttonHeight() + m.bodySize);
}

void drawDoctors(Ui& ui, Rect area, const RegistrationFlow& flow, int page)
{
    Rect body = frame(ui, area, "title.registration.choose_doctor", true);
    std::vector<Choice> choices;
    for (const auto& offer : flow.doctors()) {
        std::string kind = ui.tr(offer.doctor.expert ? "registration.expert" : "registration.general");
        std::string label = offer.doctor.name + "  " + offer.doctor.title + "\n" +
                            ui.format("registration.doctor_offer", {{"kind", kind},
                                                                    {"fee", formatYuan(offer.fee)},
                                                                    {"remaining", std::to_string(offer.remaining)}});
        choices.push_back({offer.doctor.id, label, true});
    }
    if (choices.empty()) {
        ui.textIn(body.x, body.y + ui.metrics().gap, body.w, ui.tr("registration.no_doctors"), FontRole::Body,
                  ui.theme().text);
        return;
    }
    float rowHeight = ui.buttonHeight() + ui.metrics().bodySize;
    drawPagedChoices(ui, body, choices, page, columnsFor(ui.metrics(), 2, 1),
                     rowHeight);
}

void drawPeriods(Ui& ui, Rect area, const RegistrationFlow& flow, int page)
{
    Rect body = frame(ui, area, "title.registration.choose_period", true);
    const flows::DoctorOffer* doctor = flow.chosenDoctor();
    if (!doctor) return;
    std::vector<Choice> choices;
    for (const auto& slot : doctor->slots)
        choices.push_back({slot.id,
                           formatSlotTime(slot, ui.catalogs(), ui.language()) + "\n" +
                               ui.format("registration.remaining", {{"remaining", std::to_string(slot.remaining)}}),
                           slot.remaining > 0});
    float rowHeight = ui.buttonHeight() + ui.metrics().bodySize;
    drawPagedChoices(ui, body, choices, page, columnsFor(ui.metrics(), 2, 1),
                     rowHeight);
}

void drawConfirm(Ui& ui, Rect area, const RegistrationFlow& flow)
{
    Rect body = frame(ui, area, "title.registration.confirm", true);
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    const auto* department = flow.chosenDepartment();
    const auto* doctor = flow.chosenDoctor();
    const auto* slot = flow.chosenSlot();
    if (!department || !doctor || !slot) return;
    float y = body.y;
    auto row = [&](std::string_view key, const std::string& value) {
        y += ui.textIn(body.x, y, body.w, ui.tr(key) + value, FontRole::Body, t.text, Align::Left) + m.gap * 0.5f;
    };
    row("slip.department", department->name);
    row("slip.location", slot->room.empty() ? department->location : slot->room);
    row("slip.doctor", doctor->doctor.name + " " + doctor->doctor.title);
    row("slip.time", formatSlotTime(*slot, ui.catalogs(), ui.language()));
    row("slip.fee", formatYuan(slot->fee));
    std::string label = ui.format("title.registration.confirm_and_pay", {{"amount", formatYuan(slot->fee)}});
    float h = std::max(ui.buttonHeight(FontRole::Title), m.minTarget * 1.4f);
    float w = std::min(body.w, std::max(ui.buttonWidth(label, FontRole::Title), body.w * 0.5f));
    float by = std::min(y + m.gap, body.bottom() - h);
    if (ui.button("confirm", label, Rect{body.x + (body.w - w) * 0.5f, by, w, h}, ButtonStyle::Primary,
                  FontRole::Title))
        ui.intend(intent::Confirm{});
}

void drawDone(Ui& ui, Rect area, const RegistrationFlow& flow)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    const auto& a = flow.appointment();
    if (!a) return;
    float y = area.y;
    y += ui.textIn(area.x, y, area.w, ui.tr("title.registration.done"), FontRole::Title, t.text) + m.gap;
    y += ui.textIn(area.x, y, area.w,
                   ui.format("title.registration.queue_number", {{"number", std::to_string(a->queueNumber)}}),
                   FontRole::Title, t.text) +
         m.gap;
    const auto* department = flow.chosenDepartment();
    const auto* doctor = flow.chosenDoctor();
    if (department && doctor)
        y += ui.textIn(area.x, y, area.w,
                       department->name + "  " + doctor->doctor.name + "  " +
                           formatSlotTime(a->slot, ui.catalogs(), ui.language()),
                       FontRole::Body, t.text) +
             m.gap;
    if (department)
        y += ui.textIn(area.x, y, area.w, a->slot.room.empty() ? department->location : a->slot.room, FontRole::Body,
                       t.mutedText) +
             m.gap;
    if (flow.slipPrinted()) {
        ui.textIn(area.x, y, area.w, ui.tr("registration.take_slip"), FontRole::Body, t.text);
    } else {
        ui.message(area.x, y, area.w,
                   ui.format("registration.slip_not_printed", {{"reference", flow.transactionNumber()}}),
                   t.warningBackground, t.warningText);
    }
    drawFinishButtons(ui, area);
}

} // namespace

void drawRegistrationScreen(Ui& ui, Rect area)
{
    const ServiceHost* host = ui.shell().services();
    const RegistrationFlow* flow = host ? host->registration() : nullptr;
    if (!flow) return;
    switch (flow->stage()) {
    case RegistrationStage::Loading: drawWaiting(ui, area, "title.registration", "flow.loading"); break;
    case RegistrationStage::ChooseDepartment: drawDepartments(ui, area, *flow, host->page()); break;
    case RegistrationStage::ChooseSymptom: drawSymptoms(ui, area, *flow, host->page()); break;
    case RegistrationStage::LoadingDoctors: drawWaiting(ui, area, "title.registration.choose_doctor", "flow.loading"); break;
    case RegistrationStage::ChooseDoctor: drawDoctors(ui, area, *flow, host->page()); break;
    case RegistrationStage::ChoosePeriod: drawPeriods(ui, area, *flow, host->page()); break;
    case RegistrationStage::Confirm: drawConfirm(ui, area, *flow); break;
    case RegistrationStage::Holding: drawWaiting(ui, area, "title.registration", "registration.holding"); break;
    case RegistrationStage::Paying: {
        Rect body = frame(ui, area, "title.registration.pay", false);
        drawPaymentPanel(ui, body, flow->payment());
        break;
    }
    case RegistrationStage::Booking: drawWaiting(ui, area, "title.registration", "registration.booking"); break;
    case RegistrationStage::Refunding: drawWaiting(ui, area, "title.registration", "flow.refunding"); break;
    case RegistrationStage::Printing: drawWaiting(ui, area, "title.registration", "registration.printing"); break;
    case RegistrationStage::Done: drawDone(ui, area, *flow); break;
    case RegistrationStage::Failed:
        drawFailurePanel(ui, area, flow->failure(),
                         flow->transactionNumber().empty() ? ui.shell().referenceNumber() : flow->transactionNumber());
        break;
    }
}

} // namespace kiosk::screens
