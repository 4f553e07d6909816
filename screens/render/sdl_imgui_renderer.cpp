#include "render/sdl_imgui_renderer.hpp"

#include <imgui.h>

#include <cmath>
#include <cstddef>

namespace kiosk::screens {

namespace {

constexpr int kStride = static_cast<int>(sizeof(ImDrawVert));

// ImGui emits every filled rectangle and every glyph as an axis-aligned quad
// (indices a,b,c a,c,d). SDL's software renderer fills and blits such quads
// far faster through SDL_RenderFillRect / SDL_RenderCopy than through its
// general triangle rasteriser, which matters at 1920x1080 without a GPU.
using Quad = SdlImguiRenderer::Quad;

bool asQuad(const ImDrawVert* v, const ImDrawIdx* idx, Quad& out)
{
    if (idx[0] != idx[3] || idx[2] != idx[4]) return false;
    const ImDrawVert& a = v[idx[0]];
    const ImDrawVert& b = v[idx[1]];
    const ImDrawVert& c = v[idx[2]];
    const ImDrawVert& d = v[idx[5]];
    if (a.col != b.col || a.col != c.col || a.col != d.col) return false;
    // a top-left, b top-right, c bottom-right, d bottom-left
    if (a.pos.y != b.pos.y || b.pos.x != c.pos.x || c.pos.y != d.pos.y || d.pos.x != a.pos.x) return false;
    if (a.uv.y != b.uv.y || b.uv.x != c.uv.x || c.uv.y != d.uv.y || d.uv.x != a.uv.x) return false;
    if (c.pos.x <= a.pos.x || c.pos.y <= a.pos.y) return false;
    if (c.uv.x < a.uv.x || c.uv.y < a.uv.y) return false;  // flipped texture coordinates
    out.dst = SDL_FRect{a.pos.x, a.pos.y, c.pos.x - a.pos.x, c.pos.y - a.pos.y};
    out.uvMin = a.uv;
    out.uvMax = c.uv;
    out.color = a.col;
    return true;
}

} // namespace

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
    m_textureWidth = width;
    m_textureHeight = height;
    io.Fonts->SetTexID(static_cast<ImTextureID>(m_fontTexture));
    io.Fonts->ClearTexData();
    return true;
}

void SdlImguiRenderer::drawTriangles(SDL_Texture* texture, const ImDrawVert* vertices, int vertexCount,
                                     const ImDrawIdx* indices, int indexCount)
{
    if (indexCount <= 0) return;
    // ImU32 colours are RGBA in memory order, which is SDL_Color's layout.
    const char* base = reinterpret_cast<const char*>(vertices);
    SDL_RenderGeometryRaw(m_renderer, texture, reinterpret_cast<const float*>(base + offsetof(ImDrawVert, pos)),
                          kStride, reinterpret_cast<const SDL_Color*>(base + offsetof(ImDrawVert, col)), kStride,
                          reinterpret_cast<const float*>(base + offsetof(ImDrawVert, uv)), kStride, vertexCount,
                          indices, indexCount, sizeof(ImDrawIdx));
}

void SdlImguiRenderer::drawQuad(SDL_Texture* texture, const Quad& q)
{
    Uint8 r = q.color & 0xFF;
    Uint8 g = (q.color >> 8) & 0xFF;
    Uint8 b = (q.color >> 16) & 0xFF;
    Uint8 a = (q.color >> 24) & 0xFF;
    bool solid = q.uvMin.x == q.uvMax.x && q.uvMin.y == q.uvMax.y;
    if (solid || !texture) {
        SDL_SetRenderDrawBlendMode(m_renderer, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(m_renderer, r, g, b, a);
        SDL_RenderFillRectF(m_renderer, &q.dst);
        return;
    }
    SDL_Rect src{static_cast<int>(std::lround(q.uvMin.x * static_cast<float>(m_textureWidth))),
                 static_cast<int>(std::lround(q.uvMin.y * static_cast<float>(m_textureHeight))), 0, 0};
    src.w = static_cast<int>(std::lround(q.uvMax.x * static_cast<float>(m_textureWidth))) - src.x;
    src.h = static_cast<int>(std::lround(q.uvMax.y * static_cast<float>(m_textureHeight))) - src.y;
    SDL_SetTextureColorMod(texture, r, g, b);
    SDL_SetTextureAlphaMod(texture, a);
    SDL_RenderCopyF(m_renderer, texture, &src, &q.dst);
}

void SdlImguiRenderer::render(const ImDrawData* drawData, const SDL_Rect* damage)
{
    if (!drawData || drawData->CmdListsCount == 0) return;
    const ImVec2 origin = drawData->DisplayPos;
    for (int n = 0; n < drawData->CmdListsCount; ++n) {
        const ImDrawList* list = drawData->CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                // ImDrawCallback_ResetRenderState is a marker, not a function; this
                // renderer sets its state per command anyway.
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            SDL_Rect clip{static_cast<int>(cmd.ClipRect.x - origin.x), static_cast<int>(cmd.ClipRect.y - origin.y),
                          static_cast<int>(cmd.ClipRect.z - cmd.ClipRect.x),
                          static_cast<int>(cmd.ClipRect.w - cmd.ClipRect.y)};
            if (damage && !SDL_IntersectRect(&clip, damage, &clip)) continue;
            if (clip.w <= 0 || clip.h <= 0) continue;
            SDL_RenderSetClipRect(m_renderer, &clip);

            auto* texture = static_cast<SDL_Texture*>(cmd.GetTexID());
            const ImDrawVert* vertices = list->VtxBuffer.Data + cmd.VtxOffset;
            int vertexCount = list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
            const ImDrawIdx* indices = list->IdxBuffer.Data + cmd.IdxOffset;
            int count = static_cast<int>(cmd.ElemCount);

            // Walk the triangles six indices at a time; quads take the fast
            // path, runs of anything else go to the triangle renderer in order.
            // The fast path knows the font atlas's size and its white pixel; other
            // textures (logos, photos) always take the triangle path.
            bool quadsAllowed = texture == nullptr || texture == m_fontTexture;
            int runStart = 0;
            Quad quad{};
            for (int i = 0; i + 6 <= count;) {
                if (quadsAllowed && asQuad(vertices, indices + i, quad)) {
                    drawTriangles(texture, vertices, vertexCount, indices + runStart, i - runStart);
                    drawQuad(texture, quad);
                    i += 6;
                    runStart = i;
                } else {
                    i += 3;
                }
            }
            drawTriangles(texture, vertices, vertexCount, indices + runStart, count - runStart);
        }
    }
    SDL_RenderSetClipRect(m_renderer, nullptr);
}

} // namespace kiosk::screens
