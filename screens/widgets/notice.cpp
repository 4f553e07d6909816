#include "widgets/notice.hpp"

namespace kiosk::screens {

float drawNotice(Ui& ui, float x, float y, float width)
{
    Notice notice = ui.shell().notice();
    if (notice == Notice::None) return 0;
    const Theme& t = ui.theme();
    bool problem = notice != Notice::ElderModeOn;
    return ui.message(x, y, width, ui.tr(noticeKey(notice)), problem ? t.warningBackground : t.noticeBackground,
                      problem ? t.warningText : t.noticeText) +
           ui.metrics().gap;
}

} // namespace kiosk::screens
