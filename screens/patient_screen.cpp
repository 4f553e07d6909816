// The identified patient: greeted by masked name, shown the masked ID
// number, and offered the services this kiosk provides.
#include "patient/masking.hpp"
#include "screen_router.hpp"
#include "widgets/device_notice.hpp"
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
    y += drawPausedServices(ui, area.x, y, area.w);

    // The services, as big tiles: one tap starts one. Only those this kiosk runs are shown.
    y += m.gap;
    if (ui.shell().services()) {
        // Side by side in landscape, stacked in portrait; big enough for the
        // title font, but never so tall that "finish" is pushed onto them.
        float finishRoom = ui.buttonHeight() + m.gap * 2;
        struct Tile {
            const char* id;
            const char* labelKey;
            ServiceKind service;
        };
        std::vector<Tile> tiles = {{"registration", "title.service.registration", ServiceKind::Registration},
                                   {"bills", "title.service.bills", ServiceKind::Bills},
                                   {"check-in", "title.service.check_in", ServiceKind::CheckIn}};
        if (ui.shell().services()->offers(ServiceKind::Reports))
            tiles.push_back({"reports", "title.service.reports", ServiceKind::Reports});
        if (ui.shell().services()->offers(ServiceKind::Prices))
            tiles.push_back({"prices", "title.service.prices", ServiceKind::Prices});
        int n = static_cast<int>(tiles.size());
        // Three to a row at most where it fits (wider tiles keep their titles
        // on one line in every language); all in one row when two rows would
        // push "finish" off the screen (elder mode's larger text in landscape);
        // the body font when even that does not fit.
        float space = area.bottom() - finishRoom - y;
        FontRole role = FontRole::Title;
        int columns = m.portrait ? 1 : std::min(n, 3);
        auto rowsFor = [n](int c) { return (n + c - 1) / c; };
        auto fits = [&](int c, FontRole r) {
            return static_cast<float>(rowsFor(c)) * (ui.buttonHeight(r) + m.gap) <= space;
        };
        if (!fits(columns, role) && !m.portrait) columns = n;
        if (!fits(columns, role)) role = FontRole::Body;
        int rows = rowsFor(columns);
        float room = space / static_cast<float>(rows) - m.gap;
        float h = std::max(ui.buttonHeight(role), std::min(m.minTarget * 1.6f, room));
        float w = (area.w - m.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        for (int i = 0; i < n; ++i) {
            float x = area.x + static_cast<float>(i % columns) * (w + m.gap);
            float ty = y + static_cast<float>(i / columns) * (h + m.gap);
            const Tile& tile = tiles[static_cast<std::size_t>(i)];
            // A paused service stays in its place, quieter, and starts nothing: the line above says why.
            bool paused = ui.shell().servicePause(tile.service) != PauseReason::None;
            if (ui.button(std::string("service-") + tile.id, ui.tr(tile.labelKey), Rect{x, ty, w, h},
                          paused ? ButtonStyle::Secondary : ButtonStyle::Primary, role) &&
                !paused)
                ui.intend(intent::OpenService{tile.service});
        }
        y += static_cast<float>(rows) * (h + m.gap) + m.gap;
    } else {
        y += ui.textIn(area.x, y, area.w, ui.tr("patient.no_services"), FontRole::Body, t.text) + m.gap * 2;
    }

    // The button follows the text, but never below the content area: large
    // text in elder mode would otherwise push it under the bottom bar.
    std::string label = ui.tr("patient.finish");
    float w = std::min(area.w, std::max(ui.buttonWidth(label), area.w * 0.5f));
    float h = ui.buttonHeight();
    float by = std::min(y, area.bottom() - h);
    if (ui.button("finish", label, Rect{area.x + (area.w - w) * 0.5f, by, w, h}, ButtonStyle::Secondary))
        ui.intend(intent::Home{});
}

} // namespace kiosk::screens
