#pragma once
#include <string>

#include "i18n/language.hpp"

namespace kiosk {

/// Speaks short prompts. Implementations return at once: synthesis and
/// playback happen elsewhere, so a prompt never holds up a frame.
class PromptPlayer {
public:
    virtual ~PromptPlayer() = default;
    /// Replaces whatever is being said with `text`.
    virtual void say(std::string text, Language language) = 0;
    /// Stops speaking now.
    virtual void silence() = 0;
    /// 0 = muted, 100 = full.
    virtual void setVolume(int percent) = 0;
};

} // namespace kiosk
