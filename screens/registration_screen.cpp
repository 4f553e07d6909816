// Self-registration, one step per screen: department, doctor, time, confirm,
// pay, and the outcome. The flow (kiosk/flows/registration_flow.hpp)
// decides; this file only shows its state and sends the patient's choices.
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

void drawDepartments(Ui& ui, Rect area, const RegistrationFlow& flow, int page)
{
    Rect body = frame(ui, area, "title.registration.choose_department", false);
    std::vector<Choice> choices;
    for (const auto& d : flow.departments()) choices.push_back({d.id, d.name, true});
    drawPagedChoices(ui, body, choices, page, columnsFor(ui.metrics(), 4, 2), ui.buttonHeight());
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
