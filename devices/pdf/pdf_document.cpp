#include "pdf/pdf_document.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <ctime>
#include <utility>

namespace kiosk::devices::pdf {

namespace {

constexpr const char* kFontPackage = "fonts-noto-cjk";

struct GObjectDeleter {
    void operator()(gpointer object) const { g_object_unref(object); }
};
struct FontDescriptionDeleter {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct GFreeDeleter {
    void operator()(gchar* text) const { g_free(text); }
};
struct LayoutIterDeleter {
    void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
};
using FontDescription = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;
using Layout = std::unique_ptr<PangoLayout, GObjectDeleter>;

cairo_status_t appendToVector(void* closure, const unsigned char* data, unsigned int length)
{
    auto* out = static_cast<std::vector<std::uint8_t>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

FontDescription font(double points, Weight weight)
{
    FontDescription d(pango_font_description_new());
    pango_font_description_set_family(d.get(), kCjkFamily);
    pango_font_description_set_absolute_size(d.get(), points * PANGO_SCALE);
    pango_font_description_set_weight(d.get(), weight == Weight::Bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    return d;
}

// Text comes from the hospital's systems; pango warns about bytes that are
// not UTF-8 and may drop the rest, so they become U+FFFD here instead.
std::string validUtf8(std::string_view text)
{
    std::unique_ptr<gchar, GFreeDeleter> valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
    return valid.get();
}

PangoAlignment pangoAlignment(Align align)
{
    switch (align) {
    case Align::Left: return PANGO_ALIGN_LEFT;
    case Align::Center: return PANGO_ALIGN_CENTER;
    case Align::Right: return PANGO_ALIGN_RIGHT;
    }
    return PANGO_ALIGN_LEFT;
}

Result<Layout> makeLayout(cairo_t* cr, const std::string& text, double width, const TextStyle& style,
                          const std::string& document)
{
    Layout layout(pango_cairo_create_layout(cr));
    FontDescription d = font(style.points, style.weight);
    pango_layout_set_font_description(layout.get(), d.get());
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    if (width > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        // Chinese has no spaces to break at, and a long code or number must
        // still break rather than run into the next column.
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), pangoAlignment(style.align));
        if (style.maxLines > 0) {
            pango_layout_set_height(layout.get(), -style.maxLines);
            pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        }
    }
    if (pango_layout_get_unknown_glyphs_count(layout.get()) > 0)
        return fail("the font of " + document + " has no glyph for part of '" + text + "'");
    return layout;
}

double layoutHeight(PangoLayout* layout)
{
    int width = 0;
    int height = 0;
    pango_layout_get_size(layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
}

} // namespace

Result<void> checkCjkFont(std::string_view document)
{
    PangoFontMap* map = pango_cairo_font_map_get_default();  // owned by pango
    std::unique_ptr<PangoContext, GObjectDeleter> context(pango_font_map_create_context(map));
    FontDescription wanted = font(12, Weight::Normal);
    std::unique_ptr<PangoFont, GObjectDeleter> loaded(pango_font_map_load_font(map, context.get(), wanted.get()));
    if (!loaded)
        return fail("no font at all for " + std::string(document) + "; install " + kCjkFamily + " (Debian package " +
                    kFontPackage + ")");
    FontDescription got(pango_font_describe(loaded.get()));
    const char* family = pango_font_description_get_family(got.get());
    if (family == nullptr || std::string_view(family).find("Noto Sans CJK") == std::string_view::npos)
        return fail(std::string(kCjkFamily) + " is not installed (Debian package " + kFontPackage +
                    "); fontconfig offers " + (family ? family : "nothing"));
    return {};
}

std::string localTimeText(WallTime when, const char* format)
{
    std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&t, &local);
    char text[64];
    if (std::strftime(text, sizeof text, format, &local) == 0) return {};
    return text;
}

PdfDocument::PdfDocument(std::string document) : m_document(std::move(document)) {}

PdfDocument::~PdfDocument()
{
    if (m_cr) cairo_destroy(m_cr);
    if (m_surface) cairo_surface_destroy(m_surface);
}

Result<std::unique_ptr<PdfDocument>> PdfDocument::open(std::string document, const std::string& title)
{
    std::unique_ptr<PdfDocument> pdf(new PdfDocument(std::move(document)));
    pdf->m_surface = cairo_pdf_surface_create_for_stream(appendToVector, &pdf->m_bytes, kA4Width, kA4Height);
    if (cairo_surface_status(pdf->m_surface) != CAIRO_STATUS_SUCCESS)
        return fail(std::string("cairo cannot make a PDF surface: ") +
                    cairo_status_to_string(cairo_surface_status(pdf->m_surface)));
    cairo_pdf_surface_set_metadata(pdf->m_surface, CAIRO_PDF_METADATA_TITLE, validUtf8(title).c_str());
    pdf->m_cr = cairo_create(pdf->m_surface);
    KIOSK_TRY_VOID(pdf->checkStatus("drawing"));
    return pdf;
}

Result<void> PdfDocument::checkStatus(std::string_view doing)
{
    if (cairo_status(m_cr) != CAIRO_STATUS_SUCCESS)
        return fail(std::string(doing) + " " + m_document + " failed: " + cairo_status_to_string(cairo_status(m_cr)));
    return {};
}

Result<double> PdfDocument::measure(std::string_view text, double width, const TextStyle& style)
{
    Layout layout = KIOSK_TRY(makeLayout(m_cr, validUtf8(text), width, style, m_document));
    return layoutHeight(layout.get());
}

Result<double> PdfDocument::text(double x, double y, std::string_view text, double width, const TextStyle& style)
{
    Layout layout = KIOSK_TRY(makeLayout(m_cr, validUtf8(text), width, style, m_document));
    cairo_set_source_rgb(m_cr, 0, 0, 0);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, layout.get());
    return layoutHeight(layout.get());
}

Result<TextSplit> PdfDocument::splitToFit(std::string_view text, double width, const TextStyle& style, double height)
{
    std::string valid = validUtf8(text);
    TextStyle unlimited = style;
    unlimited.maxLines = 0;
    Layout layout = KIOSK_TRY(makeLayout(m_cr, valid, width, unlimited, m_document));
    std::unique_ptr<PangoLayoutIter, LayoutIterDeleter> iter(pango_layout_get_iter(layout.get()));
    do {
        PangoRectangle logical{};
        pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
        if (static_cast<double>(logical.y + logical.height) / PANGO_SCALE > height) {
            // The first line that does not fit starts the rest; a line after a
            // paragraph break starts behind the '\n'.
            auto at = static_cast<std::size_t>(pango_layout_iter_get_line_readonly(iter.get())->start_index);
            return TextSplit{valid.substr(0, at), valid.substr(at)};
        }
    } while (pango_layout_iter_next_line(iter.get()));
    return TextSplit{std::move(valid), {}};
}

void PdfDocument::line(double x0, double y0, double x1, double y1, double width)
{
    cairo_set_source_rgb(m_cr, 0, 0, 0);
    cairo_set_line_width(m_cr, width);
    cairo_move_to(m_cr, x0, y0);
    cairo_line_to(m_cr, x1, y1);
    cairo_stroke(m_cr);
}

void PdfDocument::fill(double x, double y, double w, double h, double grey)
{
    cairo_set_source_rgb(m_cr, grey, grey, grey);
    cairo_rectangle(m_cr, x, y, w, h);
    cairo_fill(m_cr);
}

void PdfDocument::outline(double x, double y, double w, double h, double width)
{
    cairo_set_source_rgb(m_cr, 0, 0, 0);
    cairo_set_line_width(m_cr, width);
    cairo_rectangle(m_cr, x, y, w, h);
    cairo_stroke(m_cr);
}

void PdfDocument::fillBlack(const std::vector<Rect>& rects)
{
    cairo_set_source_rgb(m_cr, 0, 0, 0);
    for (const Rect& r : rects) cairo_rectangle(m_cr, r.x, r.y, r.w, r.h);
    cairo_fill(m_cr);
}

Result<void> PdfDocument::nextPage()
{
    cairo_show_page(m_cr);
    return checkStatus("drawing");
}

Result<std::vector<std::uint8_t>> PdfDocument::finish()
{
    cairo_show_page(m_cr);
    KIOSK_TRY_VOID(checkStatus("drawing"));
    cairo_destroy(m_cr);
    m_cr = nullptr;
    // The PDF's trailer is written only when the surface is finished.
    cairo_surface_finish(m_surface);
    if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS)
        return fail("writing the PDF of " + m_document + " failed: " +
                    cairo_status_to_string(cairo_surface_status(m_surface)));
    return std::move(m_bytes);
}

} // namespace kiosk::devices::pdf
