#pragma once
// Draws Dear ImGui's draw data with SDL_Renderer. Debian's libimgui 1.86
// ships no SDL_Renderer backend, so this is the kiosk's own: one
// SDL_RenderGeometryRaw call per draw command, clipped by its rectangle.
#include <SDL.h>

struct ImDrawData;

namespace kiosk::screens {

class SdlImguiRenderer {
public:
    explicit SdlImguiRenderer(SDL_Renderer* renderer) : m_renderer(renderer) {}
    ~SdlImguiRenderer();
    SdlImguiRenderer(const SdlImguiRenderer&) = delete;
    SdlImguiRenderer& operator=(const SdlImguiRenderer&) = delete;

    /// Uploads ImGui's font atlas as a texture, replacing the previous one;
    /// then frees ImGui's CPU copy of the pixels, which is no longer needed.
    bool uploadFontAtlas();
    void render(const ImDrawData* drawData);

private:
    SDL_Renderer* m_renderer;
    SDL_Texture* m_fontTexture = nullptr;
};

} // namespace kiosk::screens
