#include "app/frame_stats.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>

namespace kiosk::screens {

namespace {
double monotonicMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double cpuMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

long statusKb(const char* field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    std::string prefix = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.starts_with(prefix)) return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
    return 0;
}
} // namespace

FrameStats::FrameStats()
{
    // The benchmark passes the moment it started the process, so start-up
    // time includes loading the program and its libraries.
    if (const char* t0 = std::getenv("KIOSK_BENCH_T0_NS")) m_startMs = std::strtod(t0, nullptr) / 1e6;
    else m_startMs = monotonicMs();
}

void FrameStats::firstFramePresented()
{
    if (!m_firstFrameMs) m_firstFrameMs = monotonicMs() - m_startMs;
}

void FrameStats::idleStarted()
{
    m_idleCpuStart = processCpuMs();
    m_idleWallStart = monotonicMs();
    m_idleFramesStart = m_frames;
}

void FrameStats::idleEnded()
{
    double wall = monotonicMs() - m_idleWallStart;
    if (wall <= 0) return;
    m_idleWindows.push_back({wall / 1e3, 100.0 * (processCpuMs() - m_idleCpuStart) / wall, m_frames - m_idleFramesStart});
}

void FrameStats::setAtlas(int width, int height, std::size_t glyphs, double buildMs)
{
    m_atlasWidth = width;
    m_atlasHeight = height;
    m_atlasGlyphs = glyphs;
    m_atlasBuildMs = buildMs;
}

double FrameStats::processCpuMs() { return cpuMs(CLOCK_PROCESS_CPUTIME_ID); }
double FrameStats::threadCpuMs() { return cpuMs(CLOCK_THREAD_CPUTIME_ID); }

bool FrameStats::write(const std::string& path) const
{
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) return false;
    if (m_firstFrameMs) std::fprintf(f, "first_frame_ms %.1f\n", *m_firstFrameMs);
    std::fprintf(f, "peak_rss_mb %.1f\n", static_cast<double>(statusKb("VmHWM")) / 1024.0);
    std::fprintf(f, "rss_at_exit_mb %.1f\n", static_cast<double>(statusKb("VmRSS")) / 1024.0);
    for (std::size_t i = 0; i < m_idleWindows.size(); ++i) {
        const IdleWindow& w = m_idleWindows[i];
        std::fprintf(f, "idle%zu_seconds %.1f\nidle%zu_cpu_percent %.3f\nidle%zu_frames %llu\n", i + 1, w.seconds, i + 1,
                     w.cpuPercent, i + 1, static_cast<unsigned long long>(w.frames));
    }
    std::fprintf(f, "countdown_frames %zu\n", m_countdownFrames.size());
    std::fprintf(f, "countdown_frame_cpu_p50_ms %.2f\n", percentile(m_countdownFrames, 0.50));
    std::fprintf(f, "countdown_frame_cpu_p99_ms %.2f\n", percentile(m_countdownFrames, 0.99));
    std::fprintf(f, "atlas_width %d\natlas_height %d\natlas_glyphs %zu\natlas_build_ms %.1f\n", m_atlasWidth,
                 m_atlasHeight, m_atlasGlyphs, m_atlasBuildMs);
    std::fprintf(f, "atlas_bytes_rgba %lld\n",
                 static_cast<long long>(m_atlasWidth) * static_cast<long long>(m_atlasHeight) * 4);
    std::fprintf(f, "frames %llu\n", static_cast<unsigned long long>(m_frames));
    std::fclose(f);
    return true;
}

} // namespace kiosk::screens
