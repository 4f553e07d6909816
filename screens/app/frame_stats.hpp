#pragma once
// Figures for the benchmark: start-up time, frame CPU time while the
// countdown animates, idle CPU, atlas size, peak memory. Written as
// `key value` lines at exit when --stats is given.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::screens {

class FrameStats {
public:
    FrameStats();
    void firstFramePresented();
    void addCountdownFrame(double cpuMs) { m_countdownFrames.push_back(cpuMs); }
    void idleStarted();
    void idleEnded();
    void setAtlas(int width, int height, std::size_t glyphs, double buildMs);
    void countFrame() { ++m_frames; }
    bool write(const std::string& path) const;

    /// CPU time this process has used so far, in milliseconds.
    static double processCpuMs();
    /// CPU time the calling thread has used so far, in milliseconds.
    static double threadCpuMs();

private:
    double m_startMs = 0;  ///< Monotonic start: KIOSK_BENCH_T0_NS if set, else main().
    std::optional<double> m_firstFrameMs;
    std::vector<double> m_countdownFrames;
    struct IdleWindow {
        double seconds = 0;
        double cpuPercent = 0;
        std::uint64_t frames = 0;
    };
    double m_idleCpuStart = 0;
    double m_idleWallStart = 0;
    std::uint64_t m_idleFramesStart = 0;
    std::vector<IdleWindow> m_idleWindows;  ///< One per scenario `idle` step, in order.
    std::uint64_t m_frames = 0;
    int m_atlasWidth = 0;
    int m_atlasHeight = 0;
    std::size_t m_atlasGlyphs = 0;
    double m_atlasBuildMs = 0;
};

} // namespace kiosk::screens
