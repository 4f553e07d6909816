#pragma once
// Draws Dear ImGui's draw data with SDL_Renderer. Debian's libimgui 1.86
// ships no SDL_Renderer backend, so this is the kiosk's own. Axis-aligned
// quads (rectangles, glyphs) use SDL's fast fill and copy paths; everything
// else goes through SDL_RenderGeometryRaw, clipped by the command's rectangle.
#include <SDL.h>
#include <imgui.h>

namespace kiosk::screens {

class SdlImguiRenderer {
public:
    /// An axis-aligned rectangle with one colour, textured or solid.
    struct Quad {
        SDL_FRect dst;
        ImVec2 uvMin;
        ImVec2 uvMax;
        ImU32 color;
    };

    explicit SdlImguiRenderer(SDL_Renderer* renderer) : m_renderer(renderer) {}
    ~SdlImguiRenderer();
    SdlImguiRenderer(const SdlImguiRenderer&) = delete;
    SdlImguiRenderer& operator=(const SdlImguiRenderer&) = delete;

    /// Uploads ImGui's font atlas as a texture, replacing the previous one;
    /// then frees ImGui's CPU copy of the pixels, which is no longer needed.
    bool uploadFontAtlas();
    /// Draws the frame; with `damage`, only pixels inside it are touched and
    /// the rest of the window keeps the previous frame.
    void render(const ImDrawData* drawData, const SDL_Rect* damage = nullptr);

private:
    void drawTriangles(SDL_Texture* texture, const ImDrawVert* vertices, int vertexCount, const ImDrawIdx* indices,
                       int indexCount);
    void drawQuad(SDL_Texture* texture, const Quad& quad);

    SDL_Renderer* m_renderer;
    SDL_Texture* m_fontTexture = nullptr;
    int m_textureWidth = 1;
    int m_textureHeight = 1;
};

} // namespace kiosk::screens
