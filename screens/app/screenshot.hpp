#pragma once
#include <SDL.h>

#include <string>

#include "core/result.hpp"

namespace kiosk::screens {

/// Writes what the renderer has drawn so far this frame to a PNG file.
Result<void> saveScreenshot(SDL_Renderer* renderer, const std::string& path);

} // namespace kiosk::screens
