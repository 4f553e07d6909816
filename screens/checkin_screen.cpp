// Checking in for an appointment booked elsewhere: today's appointments, one
// tap each; then the queue number and where to wait.
#include "documents/registration_slip.hpp"
#include "screen_router.hpp"
#include "widgets/outcome_panel.hpp"
#include "widgets/paged_list.hpp"

namespace kiosk::screens {

using flows::CheckInFlow;
using flows::CheckInStage;

namespace {

float drawTitle(Ui& ui, Rect area, std::string_view key)
{
    return ui.textIn(area.x, area.y, area.w, ui.tr(key), FontRole::Title, ui.theme().text) + ui.metrics().gap;
}

void drawChoose(Ui& ui, Rect area, const CheckInFlow& flow, int page)
{
    float y = area.y + drawTitle(ui, area, "title.check_in.choose");
    std::vector<Choice> choices;
    for (const auto& a : flow.appointments()) {
        const std::string* department = flow.departmentName(a.slot.departmentId);
        choices.push_back({a.id,
                           (department ? *department + "  " : std::string()) +
                               formatSlotTime(a.slot, ui.catalogs(), ui.language()) + "\n" + a.slot.room,
                           true});
    }
    float rowHeight = ui.buttonHeight() + ui.metrics().bodySize;
    drawPagedChoices(ui, Rect{area.x, y, area.w, area.bottom() - y}, choices, page, 1, rowHeight);
}

void drawDone(Ui& ui, Rect area, const CheckInFlow& flow)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    const auto& a = flow.checkedIn();
    if (!a) return;
    float y = area.y + drawTitle(ui, area, "title.check_in.done");
    y += ui.textIn(area.x, y, area.w, ui.format("title.registration.queue_number", {{"number", std::to_string(a->queueNumber)}}),
                   FontRole::Title, t.text) +
         m.gap;
    y += ui.textIn(area.x, y, area.w, a->slot.room, FontRole::Body, t.text) + m.gap;
    if (flow.slipPrinted())
        ui.textIn(area.x, y, area.w, ui.tr("check_in.take_slip"), FontRole::Body, t.text);
    else
        ui.message(area.x, y, area.w, ui.tr("check_in.slip_not_printed"), t.warningBackground, t.warningText);
    drawFinishButtons(ui, area);
}

} // namespace

void drawCheckInScreen(Ui& ui, Rect area)
{
    const ServiceHost* host = ui.shell().services();
    const CheckInFlow* flow = host ? host->checkIn() : nullptr;
    if (!flow) return;
    const Metrics& m = ui.metrics();
    switch (flow->stage()) {
    case CheckInStage::Loading:
    case CheckInStage::CheckingIn:
    case CheckInStage::Printing: {
        float y = area.y + drawTitle(ui, area, "title.check_in");
        ui.textIn(area.x, y + m.gap * 2, area.w, ui.tr(flow->stage() == CheckInStage::Loading ? "flow.loading"
                                                                                               : "check_in.working"),
                  FontRole::Body, ui.theme().mutedText);
        break;
    }
    case CheckInStage::NothingToCheckIn: {
        float y = area.y + drawTitle(ui, area, "title.check_in");
        ui.textIn(area.x, y, area.w, ui.tr("check_in.nothing"), FontRole::Body, ui.theme().text);
        drawFinishButtons(ui, area);
        break;
    }
    case CheckInStage::Choose: drawChoose(ui, area, *flow, host->page()); break;
    case CheckInStage::Done: drawDone(ui, area, *flow); break;
    case CheckInStage::Failed: drawFailurePanel(ui, area, flow->failure(), ui.shell().referenceNumber()); break;
    }
}

} // namespace kiosk::screens
