#pragma once
// Where the kiosk and kioskctl find their catalogs and demo data when no
// --assets is given. The package installs them beside the binaries under the
// same prefix (/usr/bin/kiosk, /usr/share/kiosk/assets); a binary run from
// the build tree has no such folder next to it and uses the source tree's.
#include <filesystem>
#include <string>

namespace kiosk {

/// The assets folder of an installation whose binary is `executable`:
/// <prefix>/share/kiosk/assets for <prefix>/bin/<name>.
std::filesystem::path installedAssetsDir(const std::filesystem::path& executable);

/// installedAssetsDir() of the running binary when that folder holds the
/// catalogs, `buildTreeAssets` otherwise.
std::string defaultAssetsDir(const std::string& buildTreeAssets);

} // namespace kiosk
