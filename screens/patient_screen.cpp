// The identified patient: greeted by masked name, shown the masked ID
// number, and offered the services this kiosk provides.
#include "patient/masking.hpp"
#include "screen_router.hpp"
#include "widgets/notice.hpp"

namespace kiosk::screens {

void drawPatientScreen(Ui& ui, Rect area)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    const Session* session = ui.shell().session();
    const IdentityCard* patient = session ? session->patient() : nullptr;
    if (!patient) return;  // the shell only shows this screen with a patient; draw nothing otherwise

    float y = area.y + m.gap;
    y += ui.textIn(area.x, y, area.w, ui.format("title.greeting", {{"name", maskName(patient->displayName())}}),
                   FontRole::Title, t.text) +
         m.gap;
    y += ui.textIn(area.x, y, area.w, ui.format("patient.id_label", {{"id", maskIdNumber(patient->idNumber)}}),
                   FontRole::Body, t.mutedText) +
         m.gap;

    y += drawNotice(ui, area.x, y, area.w);

    // No patient service is available on this kiosk yet: say where to go
    // instead of showing tiles that lead nowhere.
    y += m.gap;
    y += ui.textIn(area.x, y, area.w, ui.tr("patient.no_services"), FontRole::Body, t.text) + m.gap * 2;

    // The button follows the text, but never below the content area: large
    // text in elder mode would otherwise push it under the bottom bar.
    std::string label = ui.tr("patient.finish");
    float w = std::min(area.w, std::max(ui.buttonWidth(label), area.w * 0.5f));
    float h = ui.buttonHeight();
    float by = std::min(y, area.bottom() - h);
    if (ui.button("finish", label, Rect{area.x + (area.w - w) * 0.5f, by, w, h}, ButtonStyle::Primary))
        ui.intend(intent::Home{});
}

} // namespace kiosk::screens
