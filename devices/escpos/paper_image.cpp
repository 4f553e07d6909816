#include "escpos/paper_image.hpp"

#include <stb/stb_image_write.h>

namespace kiosk::devices::escpos {

Result<void> writePng(const PaperImage& paper, const std::string& path)
{
    if (paper.width <= 0 || paper.height <= 0) return fail("nothing to write: the paper is empty");
    if (!stbi_write_png(path.c_str(), paper.width, paper.height, 1, paper.gray.data(), paper.width))
        return fail("cannot write " + path);
    return {};
}

}  // namespace kiosk::devices::escpos
