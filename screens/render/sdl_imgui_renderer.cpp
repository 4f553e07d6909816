#include "render/sdl_imgui_renderer.hpp"

#include <imgui.h>

#include <cstddef>

namespace kiosk::screens {

SdlImguiRenderer::~SdlImguiRenderer()
{
    if (m_fontTexture) SDL_DestroyTexture(m_fontTexture);
}

bool SdlImguiRenderer::uploadFontAtlas()
{
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (m_fontTexture) SDL_DestroyTexture(m_fontTexture);
    m_fontTexture = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, width, height);
    if (!m_fontTexture) return false;
    SDL_UpdateTexture(m_fontTexture, nullptr, pixels, width * 4);
    SDL_SetTextureBlendMode(m_fontTexture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(m_fontTexture, SDL_ScaleModeLinear);
    io.Fonts->SetTexID(static_cast<ImTextureID>(m_fontTexture));
    io.Fonts->ClearTexData();
    return true;
}

void SdlImguiRenderer::render(const ImDrawData* drawData)
{
    if (!drawData || drawData->CmdListsCount == 0) return;
    const ImVec2 origin = drawData->DisplayPos;
    for (int n = 0; n < drawData->CmdListsCount; ++n) {
        const ImDrawList* list = drawData->CmdLists[n];
        const ImDrawVert* vertices = list->VtxBuffer.Data;
        const ImDrawIdx* indices = list->IdxBuffer.Data;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                cmd.UserCallback(list, &cmd);
                continue;
            }
            SDL_Rect clip{static_cast<int>(cmd.ClipRect.x - origin.x), static_cast<int>(cmd.ClipRect.y - origin.y),
                          static_cast<int>(cmd.ClipRect.z - cmd.ClipRect.x),
                          static_cast<int>(cmd.ClipRect.w - cmd.ClipRect.y)};
            if (clip.w <= 0 || clip.h <= 0) continue;
            SDL_RenderSetClipRect(m_renderer, &clip);

            const ImDrawVert* v = vertices + cmd.VtxOffset;
            constexpr int stride = static_cast<int>(sizeof(ImDrawVert));
            // ImU32 colours are RGBA in memory order, which is SDL_Color's layout.
            SDL_RenderGeometryRaw(m_renderer, static_cast<SDL_Texture*>(cmd.GetTexID()),
                                  reinterpret_cast<const float*>(reinterpret_cast<const char*>(v) +
                                                                 offsetof(ImDrawVert, pos)),
                                  stride,
                                  reinterpret_cast<const SDL_Color*>(reinterpret_cast<const char*>(v) +
                                                                     offsetof(ImDrawVert, col)),
                                  stride,
                                  reinterpret_cast<const float*>(reinterpret_cast<const char*>(v) +
                                                                 offsetof(ImDrawVert, uv)),
                                  stride, list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset),
                                  indices + cmd.IdxOffset, static_cast<int>(cmd.ElemCount), sizeof(ImDrawIdx));
        }
    }
    SDL_RenderSetClipRect(m_renderer, nullptr);
}

} // namespace kiosk::screens
