// Identification: put the ID card on the reader or scan a code. The reader
// works on its own thread; this screen only explains and waits.
#include "screen_router.hpp"
#include "widgets/device_notice.hpp"
#include "widgets/notice.hpp"

namespace kiosk::screens {

namespace {
// A simple picture of a card on a reader, so the instruction does not rely
// on reading alone.
void drawCardPicture(Ui& ui, float cx, float y, float width)
{
    const Theme& t = ui.theme();
    const Metrics& m = ui.metrics();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float cardW = width;
    float cardH = width * 0.63f;  // ID-1 card proportions
    ImVec2 a(cx - cardW * 0.5f, y);
    ImVec2 b(cx + cardW * 0.5f, y + cardH);
    draw->AddRectFilled(a, b, t.secondary);
    draw->AddRect(a, b, t.primary, 0, 0, m.border * 2);
    float photo = cardH * 0.55f;
    draw->AddRectFilled(ImVec2(b.x - photo * 0.8f - m.pad, a.y + m.pad),
                        ImVec2(b.x - m.pad, a.y + m.pad + photo), t.secondaryBorder);
    for (int i = 0; i < 4; ++i) {
        float ly = a.y + m.pad + i * cardH * 0.16f;
        draw->AddRectFilled(ImVec2(a.x + m.pad, ly), ImVec2(a.x + cardW * (i == 3 ? 0.62f : 0.45f), ly + cardH * 0.06f),
                            t.secondaryBorder);
    }
}
} // namespace

void drawIdentifyScreen(Ui& ui, Rect area)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    float y = area.y + m.gap;
    y += ui.textIn(area.x, y, area.w, ui.tr("title.identify"), FontRole::Title, t.text) + m.gap;
    y += ui.textIn(area.x, y, area.w, ui.tr("identify.instruction"), FontRole::Body, t.mutedText) + m.gap;

    y += drawNotice(ui, area.x, y, area.w);
    y += drawIdentifyDeviceNotice(ui, area.x, y, area.w);

    float back = ui.buttonHeight();
    float room = area.bottom() - y - back - 2 * m.gap;
    float pictureWidth = std::min(area.w * 0.5f, room / 0.63f);
    if (pictureWidth > m.minTarget) {
        drawCardPicture(ui, area.x + area.w * 0.5f, y + m.gap, pictureWidth);
        y += pictureWidth * 0.63f + 2 * m.gap;
    }
    // With the reader gone, waiting "for the card" would send the patient the wrong way.
    bool readerDown = ui.shell().device(DeviceRole::IdCardReader).down();
    ui.textIn(area.x, y, area.w, ui.tr(readerDown ? "identify.waiting_scan" : "identify.waiting"), FontRole::Body,
              t.mutedText);

    std::string label = ui.tr("identify.back");
    float w = ui.buttonWidth(label);
    if (ui.button("back", label, Rect{area.x, area.bottom() - back, w, back}, ButtonStyle::Secondary))
        ui.intend(intent::Home{});
}

} // namespace kiosk::screens
