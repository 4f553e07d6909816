#pragma once
// Line breaking that suits Chinese as well as English. ImGui 1.86 wraps only
// at spaces, so a Chinese sentence either overflows or breaks at the one
// space it has ("30 / 秒后…"). Here a line may break between any two CJK
// characters, at spaces, and never puts closing punctuation (，。！？) at the
// start of a line.
#include <string_view>
#include <vector>

struct ImFont;

namespace kiosk::screens {

/// Splits `text` into lines no wider than `width` (a single character wider
/// than `width` gets a line of its own). '\n' always breaks.
std::vector<std::string_view> breakLines(const ImFont* font, float size, std::string_view text, float width);

} // namespace kiosk::screens
