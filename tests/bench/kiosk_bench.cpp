// Benchmark (not a test): starts the real kiosk binary at 1920x1080 with the
// software renderer, runs bench.scenario and prints start-up time, peak RSS,
// idle CPU, frame CPU time while the countdown animates and the atlas size.
//
//   kiosk_bench KIOSK SCENARIO [--x11 DISPLAY]
//
// By default the kiosk runs on SDL's offscreen driver; --x11 runs it on an X
// server instead (e.g. Xvfb), where SDL's own blocking wait is used.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

long long monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

std::map<std::string, std::string> readStats(const std::string& path)
{
    std::map<std::string, std::string> out;
    std::ifstream in(path);
    std::string key;
    std::string value;
    while (in >> key >> value) out[key] = value;
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: kiosk_bench KIOSK SCENARIO [--x11 DISPLAY]\n");
        return 2;
    }
    std::string kiosk = argv[1];
    std::string scenario = argv[2];
    std::string display;
    if (argc >= 5 && std::string(argv[3]) == "--x11") display = argv[4];

    char statsTemplate[] = "/tmp/kiosk-bench-XXXXXX";
    int fd = mkstemp(statsTemplate);
    if (fd < 0) return 1;
    close(fd);
    std::string stats = statsTemplate;

    long long t0 = monotonicNs();
    pid_t pid = fork();
    if (pid == 0) {
        setenv("KIOSK_BENCH_T0_NS", std::to_string(t0).c_str(), 1);
        if (display.empty()) {
            setenv("SDL_VIDEODRIVER", "offscreen", 1);
        } else {
            setenv("SDL_VIDEODRIVER", "x11", 1);
            setenv("DISPLAY", display.c_str(), 1);
        }
        execl(kiosk.c_str(), kiosk.c_str(), "--script", scenario.c_str(), "--windowed", "1920x1080", "--stats",
              stats.c_str(), "--audio", "null", static_cast<char*>(nullptr));
        std::perror("exec kiosk");
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "kiosk_bench: the kiosk failed (status %d)\n", status);
        return 1;
    }
    auto s = readStats(stats);
    std::remove(stats.c_str());
    auto get = [&](const char* k) { return s.count(k) ? s[k] : std::string("?"); };

    std::printf("kiosk benchmark, 1920x1080, software renderer, video driver %s\n",
                display.empty() ? "offscreen" : ("x11 on " + display).c_str());
    std::printf("  first interactive frame      %8s ms   (target <= 150)\n", get("first_frame_ms").c_str());
    std::printf("  peak RSS                     %8.1f MB   (target <= 60)\n",
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    std::printf("  idle CPU over %4s s         %8s %%    (target <= 0.2 of one core; %s frames drawn)\n",
                get("idle1_seconds").c_str(), get("idle1_cpu_percent").c_str(), get("idle1_frames").c_str());
    std::printf("  countdown frame CPU p50      %8s ms\n", get("countdown_frame_cpu_p50_ms").c_str());
    std::printf("  countdown frame CPU p99      %8s ms   (target <= 4; %s frames)\n",
                get("countdown_frame_cpu_p99_ms").c_str(), get("countdown_frames").c_str());
    std::printf("  CPU while countdown animates %8s %%    (over %s s)\n", get("idle2_cpu_percent").c_str(),
                get("idle2_seconds").c_str());
    std::printf("  font atlas                   %4s x %-4s px, %s glyphs, %.1f MB RGBA, built in %s ms\n",
                get("atlas_width").c_str(), get("atlas_height").c_str(), get("atlas_glyphs").c_str(),
                std::atof(get("atlas_bytes_rgba").c_str()) / 1048576.0, get("atlas_build_ms").c_str());
    return 0;
}
