// The catalog keys the shell speaks and shows: each screen's spoken prompt,
// and each notice's sentence.
#include "shell/shell.hpp"

namespace kiosk {

std::string_view voiceKeyFor(ScreenId screen)
{
    switch (screen) {
    case ScreenId::Attract: return "voice.attract";
    case ScreenId::Identify: return "voice.identify";
    case ScreenId::Patient: return "voice.patient";
    case ScreenId::Registration: return "voice.registration";
    case ScreenId::Bills: return "voice.bills";
    case ScreenId::Reports: return "voice.reports";
    case ScreenId::Prices: return "voice.prices";
    case ScreenId::CheckIn: return "voice.check_in";
    case ScreenId::TransactionLookup: return "voice.lookup";
    case ScreenId::MaintainerPin:
    case ScreenId::Maintainer: return "voice.maintainer";
    }
    return "voice.attract";
}

std::string_view noticeKey(Notice notice)
{
    switch (notice) {
    case Notice::None: return "";
    case Notice::CardReadFailed: return "notice.card_read_failed";
    case Notice::CodeNotRecognised: return "notice.code_not_recognised";
    case Notice::ElderModeOn: return "notice.elder_mode_on";
    }
    return "";
}

} // namespace kiosk
