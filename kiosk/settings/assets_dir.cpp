#include "settings/assets_dir.hpp"

#include <system_error>

namespace kiosk {

std::filesystem::path installedAssetsDir(const std::filesystem::path& executable)
{
    return (executable.parent_path() / ".." / "share" / "kiosk" / "assets").lexically_normal();
}

std::string defaultAssetsDir(const std::string& buildTreeAssets)
{
    // The binary's own path rather than argv[0], which a shell or cage may
    // have given as a bare name found through PATH.
    std::error_code ec;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return buildTreeAssets;
    std::filesystem::path installed = installedAssetsDir(self);
    // The catalogs are what every run needs; a folder without them is not an installation.
    if (std::filesystem::is_directory(installed / "i18n", ec)) return installed.string();
    return buildTreeAssets;
}

} // namespace kiosk
