#include <algorithm>
#include <cstdio>

#include "kioskctl/commands.hpp"
#include "settings/assets_dir.hpp"

namespace kiosk::ctl {

int failWith(const std::string& message)
{
    std::fprintf(stderr, "kioskctl: %s\n", message.c_str());
    return 1;
}

bool takeOption(Args& args, const std::string& name, std::string& value)
{
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == name) {
            value = args[i + 1];
            args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
            return true;
        }
    return false;
}

bool takeFlag(Args& args, const std::string& name)
{
    auto it = std::find(args.begin(), args.end(), name);
    if (it == args.end()) return false;
    args.erase(it);
    return true;
}

std::string takeAssetsDir(Args& args)
{
    std::string dir = defaultAssetsDir(KIOSK_DEFAULT_ASSETS);
    takeOption(args, "--assets", dir);
    return dir;
}

} // namespace kiosk::ctl
