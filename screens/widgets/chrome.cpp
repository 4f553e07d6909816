#include "widgets/chrome.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "widgets/button_flow.hpp"

namespace kiosk::screens {

namespace {

std::string hospitalName(const Ui& ui)
{
    const std::string& configured = ui.shell().settings().hospitalName;
    return configured.empty() ? ui.tr("hospital.demo_name") : configured;
}

std::tm localTime(WallTime wall)
{
    std::time_t t = std::chrono::system_clock::to_time_t(wall);
    std::tm local{};
    localtime_r(&t, &local);
    return local;
}

std::vector<FlowButton> bottomButtons(const Ui& ui)
{
    const DisplayPrefs& prefs = ui.shell().prefs();
    std::vector<FlowButton> buttons;
    if (ui.shell().screen() != ScreenId::Attract)
        buttons.push_back({"home", ui.tr("chrome.home"), ButtonStyle::Secondary, intent::Home{}});
    if (ui.metrics().elder) {
        // Elder mode shows fewer choices at once: one language button that
        // opens a chooser instead of three side by side.
        buttons.push_back({"language", ui.tr("chrome.language"), ButtonStyle::Secondary, intent::OpenLanguage{}});
    } else {
        for (Language l : kAllLanguages) {
            std::string tag(languageTag(l));
            // Each language button shows that language's own name.
            buttons.push_back({"lang-" + tag, ui.nativeLanguageName(l),
                               l == prefs.language ? ButtonStyle::Selected : ButtonStyle::Secondary,
                               intent::SetLanguage{l}});
        }
    }
    buttons.push_back({"elder", ui.tr(prefs.elderMode ? "chrome.elder_on" : "chrome.elder_off"),
                       prefs.elderMode ? ButtonStyle::Selected : ButtonStyle::Secondary, intent::ToggleElderMode{}});
    buttons.push_back({"sound", ui.tr(prefs.muted ? "chrome.sound_muted" : "chrome.sound"), ButtonStyle::Secondary,
                       intent::OpenSound{}});
    buttons.push_back({"call-staff", ui.tr("chrome.call_staff"), ButtonStyle::Help, intent::CallStaff{}});
    return buttons;
}

} // namespace

float drawTopBar(Ui& ui)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    std::tm now = localTime(ui.wallNow());
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", now.tm_hour, now.tm_min);
    std::string date = ui.format("date.format", {{"year", std::to_string(now.tm_year + 1900)},
                                                 {"month", std::to_string(now.tm_mon + 1)},
                                                 {"month_name", ui.tr("month." + std::to_string(now.tm_mon + 1))},
                                                 {"day", std::to_string(now.tm_mday)},
                                                 {"weekday", ui.tr("weekday." + std::to_string(now.tm_wday))}});
    std::string name = hospitalName(ui);

    ImVec2 clockSize = ui.measure(clock, FontRole::Clock);
    ImVec2 dateSize = ui.measure(date, FontRole::Body);
    float rightWidth = std::max(clockSize.x, dateSize.x);
    float rightHeight = clockSize.y + dateSize.y;
    float inner = m.width - 2 * m.pad;
    ImVec2 nameSize = ui.measure(name, FontRole::Title);

    bool sideBySide = nameSize.x + rightWidth + 2 * m.pad <= inner;
    float height = sideBySide ? std::max(nameSize.y, rightHeight) + 2 * m.pad
                              : ui.measure(name, FontRole::Title, inner).y + rightHeight + 2 * m.pad;
    ui.fill(Rect{0, 0, m.width, height}, t.barBackground);
    if (sideBySide) {
        ui.text(ImVec2(m.pad, (height - nameSize.y) * 0.5f), name, FontRole::Title, t.barText);
        float rx = m.width - m.pad - rightWidth;
        float ry = (height - rightHeight) * 0.5f;
        ui.text(ImVec2(rx + rightWidth - clockSize.x, ry), clock, FontRole::Clock, t.barText);
        ui.text(ImVec2(rx + rightWidth - dateSize.x, ry + clockSize.y), date, FontRole::Body, t.barText);
    } else {
        float y = m.pad + ui.textIn(m.pad, m.pad, inner, name, FontRole::Title, t.barText);
        float x = (m.width - clockSize.x - m.gap - dateSize.x) * 0.5f;
        if (clockSize.x + m.gap + dateSize.x <= inner) {
            ui.text(ImVec2(x, y), clock, FontRole::Clock, t.barText);
            ui.text(ImVec2(x + clockSize.x + m.gap, y + clockSize.y - dateSize.y), date, FontRole::Body, t.barText);
        } else {
            ui.textIn(m.pad, y, inner, clock, FontRole::Clock, t.barText);
            ui.textIn(m.pad, y + clockSize.y, inner, date, FontRole::Body, t.barText);
        }
    }
    return height;
}

float measureBottomBar(const Ui& ui)
{
    const Metrics& m = ui.metrics();
    return measureFlow(ui, bottomButtons(ui), m.width - 2 * m.pad) + 2 * m.pad;
}

void drawBottomBar(Ui& ui, float y)
{
    const Metrics& m = ui.metrics();
    ui.fill(Rect{0, y, m.width, m.height - y}, ui.theme().barBackground);
    std::vector<FlowButton> buttons = bottomButtons(ui);
    drawFlow(ui, buttons, m.pad, y + m.pad, m.width - 2 * m.pad);
}

} // namespace kiosk::screens
