#include "app/screenshot.hpp"

#include <stb/stb_image_write.h>

#include <vector>

namespace kiosk::screens {

Result<void> saveScreenshot(SDL_Renderer* renderer, const std::string& path)
{
    int w = 0;
    int h = 0;
    if (SDL_GetRendererOutputSize(renderer, &w, &h) != 0) return fail(std::string("no renderer: ") + SDL_GetError());
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), w * 4) != 0)
        return fail(std::string("cannot read the screen: ") + SDL_GetError());
    if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4)) return fail("cannot write " + path);
    return {};
}

} // namespace kiosk::screens
