// Diagnostic reports as PDFs, read back the way a person reads the paper:
// the text through pdftotext, the page count through pdfinfo, and the QR
// code by rendering the page (pdftoppm) and scanning it (zbarimg).
#include <doctest/doctest.h>

#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pdf/report_pdf.hpp"

using namespace kiosk;
using hospital::LabResult;
using hospital::Report;
using hospital::ResultFlag;

namespace {

// A directory of its own for each PDF and what is made from it.
class ScratchDir {
public:
    ScratchDir()
    {
        char path[] = "/tmp/kiosk-report-pdf-XXXXXX";
        REQUIRE(::mkdtemp(path) != nullptr);
        m_path = path;
    }
    ~ScratchDir() { std::filesystem::remove_all(m_path); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

std::string run(const std::string& command)
{
    std::string out;
    if (FILE* pipe = ::popen((command + " 2>&1").c_str(), "r")) {
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
        ::pclose(pipe);
    }
    return out;
}

class PrintedReport {
public:
    explicit PrintedReport(const std::vector<std::uint8_t>& pdf) : m_file(m_dir.path() + "/report.pdf")
    {
        std::ofstream file(m_file, std::ios::binary);
        file.write(reinterpret_cast<const char*>(pdf.data()), static_cast<std::streamsize>(pdf.size()));
    }

    /// The text of all pages, or of one; -layout keeps each table row on one line.
    std::string text(int page = 0) const
    {
        std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
        return run("pdftotext -layout" + range + " " + m_file + " -");
    }

    int pages() const
    {
        std::string info = run("pdfinfo " + m_file);
        auto at = info.find("Pages:");
        REQUIRE_MESSAGE(at != std::string::npos, info);
        return std::stoi(info.substr(at + 6));
    }

    /// What zbarimg reads from the page printed at 150 dpi.
    std::string scanQr(int page) const
    {
        std::string png = m_dir.path() + "/page";
        run("pdftoppm -r 150 -png -singlefile -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
            m_file + " " + png);
        return run("zbarimg --raw -q " + png + ".png");
    }

private:
    ScratchDir m_dir;
    std::string m_file;
};

// pdftotext keeps some spaces between words and drops others, so they do not count.
std::string withoutSpaces(std::string text)
{
    std::erase(text, ' ');
    return text;
}

bool has(const std::string& text, const std::string& part)
{
    return withoutSpaces(text).find(withoutSpaces(part)) != std::string::npos;
}

// The line of `text` that holds `part`; pdftotext -layout keeps a table row on one line.
std::string lineWith(const std::string& text, const std::string& part)
{
    auto at = text.find(part);
    if (at == std::string::npos) return {};
    auto newline = text.rfind('\n', at);
    auto begin = newline == std::string::npos ? 0 : newline + 1;
    return text.substr(begin, text.find('\n', at) - begin);
}

WallTime at(int year, int month, int day, int hour, int minute)
{
    std::tm local{};
    local.tm_year = year - 1900;
    local.tm_mon = month - 1;
    local.tm_mday = day;
    local.tm_hour = hour;
    local.tm_min = minute;
    local.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&local));
}

Report bloodCount()
{
    Report r;
    r.id = "R20240501-0007";
    r.patientId = "P00012345";
    r.kind = hospital::ReportKind::Lab;
    r.title = "血常规";
    r.departmentName = "心血管内科";
    r.orderingDoctor = "李明华";
    r.specimen = "静脉血";
    r.collectedAt = at(2024, 5, 1, 8, 5);
    r.status = hospital::ReportStatus::Ready;
    r.readyAt = at(2024, 5, 1, 10, 40);
    r.results = {
        {"WBC", "白细胞计数", "6.5", "10^9/L", "3.5-9.5", ResultFlag::Normal},
        {"RBC", "红细胞计数", "6.2", "10^12/L", "4.3-5.8", ResultFlag::High},
        {"HGB", "血红蛋白", "112", "g/L", "130-175", ResultFlag::Low},
        {"PLT", "血小板计数", "210", "10^9/L", "125-350", ResultFlag::Normal},
    };
    r.reportingDoctor = "王建国";
    r.reviewingDoctor = "赵丽";
    r.barcode = "8800123456";
    return r;
}

ReportPrintFacts factsFor(int copy = 1)
{
    ReportPrintFacts f;
    f.hospitalName = "示例市第一人民医院";
    f.patientName = "张*三";
    f.sex = Sex::Male;
    f.ageYears = 39;
    f.patientId = "P00012345";
    f.verifyCode = "KRPT-R20240501-0007-5F3A";
    f.kioskId = "K-OPD-01";
    f.printedAt = at(2024, 5, 2, 9, 30);
    f.copy = copy;
    return f;
}

std::vector<std::uint8_t> render(const Report& report, const ReportPrintFacts& facts)
{
    devices::pdf::PdfReportRenderer renderer;
    auto pdf = renderer.render(report, facts);
    REQUIRE_MESSAGE(pdf.has_value(), (pdf ? "" : pdf.error().message));
    REQUIRE(pdf->size() > 1000);
    CHECK(std::string(pdf->begin(), pdf->begin() + 5) == "%PDF-");
    return *pdf;
}

} // namespace

TEST_SUITE("report pdf")
{
    TEST_CASE("a lab report shows the patient and every result and the doctors with abnormal rows flagged")
    {
        PrintedReport printed(render(bloodCount(), factsFor()));
        CHECK(printed.pages() == 1);
        std::string text = printed.text();
        for (const char* part : {"示例市第一人民医院", "检验报告单", "血常规", "张*三", "男", "39岁", "P00012345",
                                 "心血管内科", "李明华", "静脉血", "2024-05-01 08:05", "2024-05-01 10:40",
                                 "R20240501-0007", "8800123456", "项目", "结果", "标志", "单位", "参考范围",
                                 "王建国", "赵丽", "本报告仅对本次标本负责", "2024-05-02 09:30", "K-OPD-01",
                                 "第 1 页 / 共 1 页"})
            CHECK_MESSAGE(has(text, part), std::string(part) << " missing from\n" << text);
        for (const LabResult& r : bloodCount().results)
            for (const std::string& part : {r.name, r.value, r.unit, r.referenceRange})
                CHECK_MESSAGE(has(text, part), std::string(part) << " missing from\n" << text);
        CHECK_MESSAGE(has(lineWith(text, "红细胞计数"), "↑"), lineWith(text, "红细胞计数"));
        CHECK_MESSAGE(has(lineWith(text, "血红蛋白"), "↓"), lineWith(text, "血红蛋白"));
        for (const char* normal : {"白细胞计数", "血小板计数"}) {
            CHECK_FALSE(has(lineWith(text, normal), "↑"));
            CHECK_FALSE(has(lineWith(text, normal), "↓"));
        }
        CHECK_FALSE(has(text, "补打"));
    }

    TEST_CASE("only the masked name reaches the paper")
    {
        std::string text = PrintedReport(render(bloodCount(), factsFor())).text();
        CHECK(has(text, "张*三"));
        CHECK_FALSE(has(text, "张小三"));
    }

    TEST_CASE("the QR code at the foot of the last page scans back to the verify code")
    {
        PrintedReport printed(render(bloodCount(), factsFor()));
        std::string scanned = printed.scanQr(printed.pages());
        CHECK_MESSAGE(has(scanned, "KRPT-R20240501-0007-5F3A"), scanned);
    }

    TEST_CASE("a reprint says so and which copy it is")
    {
        std::string text = PrintedReport(render(bloodCount(), factsFor(2))).text();
        CHECK_MESSAGE(has(text, "补打 (第2份)"), text);
    }

    TEST_CASE("200 results run onto more pages that each repeat the table header and carry their number")
    {
        Report report = bloodCount();
        report.results.clear();
        for (int i = 1; i <= 200; ++i) {
            ResultFlag flag = i % 17 == 0 ? ResultFlag::High : i % 23 == 0 ? ResultFlag::Low : ResultFlag::Normal;
            report.results.push_back({"C" + std::to_string(i), "检验项目" + std::to_string(i), std::to_string(i) + ".5",
                                      "mmol/L", "1.0-" + std::to_string(i + 100), flag});
        }
        PrintedReport printed(render(report, factsFor()));
        int pages = printed.pages();
        REQUIRE(pages > 1);
        std::string second = printed.text(2);
        for (const char* header : {"项目", "结果", "标志", "单位", "参考范围"})
            CHECK_MESSAGE(has(second, header), std::string(header) << " missing from page 2\n" << second);
        CHECK(has(second, "张*三"));
        std::string total = "共 " + std::to_string(pages) + " 页";
        for (int page = 1; page <= pages; ++page)
            CHECK(has(printed.text(page), "第 " + std::to_string(page) + " 页 / " + total));
        // No row is lost at a page break, and none is printed twice.
        std::string text = printed.text();
        for (int i = 1; i <= 200; ++i) {
            std::string name = "检验项目" + std::to_string(i) + " ";
            auto first = text.find(name);
            CHECK_MESSAGE(first != std::string::npos, name);
            CHECK_MESSAGE(text.find(name, first + 1) == std::string::npos, name);
        }
        CHECK(has(lineWith(text, "检验项目17 "), "↑"));
        CHECK(has(lineWith(text, "检验项目23 "), "↓"));
        CHECK(has(printed.text(pages), "王建国"));
        CHECK_FALSE(has(printed.text(1), "王建国"));
        CHECK(has(printed.scanQr(pages), "KRPT-R20240501-0007-5F3A"));
    }

    TEST_CASE("an imaging report shows its findings and conclusion")
    {
        Report report = bloodCount();
        report.kind = hospital::ReportKind::Imaging;
        report.title = "胸部X线";
        report.specimen.clear();
        report.results.clear();
        report.findings = "双肺纹理清晰，未见明显实质性病变。心影大小、形态未见异常。双侧膈面光整，肋膈角锐利。";
        report.conclusion = "心肺膈未见明显异常。";
        PrintedReport printed(render(report, factsFor()));
        std::string text = printed.text();
        for (const char* part : {"检查报告单", "胸部X线", "检查所见", "诊断意见", "双肺纹理清晰", "肋膈角锐利",
                                 "心肺膈未见明显异常", "王建国", "赵丽"})
            CHECK_MESSAGE(has(text, part), std::string(part) << " missing from\n" << text);
        CHECK_FALSE(has(text, "检验报告单"));
        CHECK(has(printed.scanQr(printed.pages()), "KRPT-R20240501-0007-5F3A"));
    }

    TEST_CASE("findings longer than a page go on over the next")
    {
        Report report = bloodCount();
        report.kind = hospital::ReportKind::Imaging;
        report.results.clear();
        for (int i = 1; i <= 120; ++i)
            report.findings += "第" + std::to_string(i) + "段：肝脏形态大小正常，包膜光整，实质回声均匀。\n";
        report.conclusion = "结论在最后";
        PrintedReport printed(render(report, factsFor()));
        REQUIRE(printed.pages() > 1);
        std::string text = printed.text();
        for (int i = 1; i <= 120; ++i) CHECK_MESSAGE(has(text, "第" + std::to_string(i) + "段："), i);
        CHECK(has(text, "诊断意见"));
        CHECK(has(text, "结论在最后"));
        CHECK(has(printed.text(printed.pages()), "赵丽"));
    }

    TEST_CASE("empty fields or no results or very long text still give a report")
    {
        SUBCASE("everything empty")
        {
            Report empty;
            ReportPrintFacts facts;
            facts.ageYears = -1;
            PrintedReport printed(render(empty, facts));
            CHECK(printed.pages() == 1);
            std::string text = printed.text();
            CHECK(has(text, "无检验结果"));
            // A time never set is not printed as the first of January 1970.
            CHECK_FALSE(has(text, "1970"));
        }
        SUBCASE("very long names")
        {
            Report report = bloodCount();
            std::string longName;
            for (int i = 0; i < 60; ++i) longName += "超长名称";
            report.results.front().name = longName;
            report.results.front().value = std::string(300, '9');
            report.title = longName;
            report.departmentName = longName;
            ReportPrintFacts facts = factsFor();
            facts.hospitalName = longName;
            facts.patientName = "欧*" + longName;
            facts.kioskId = std::string(200, 'K');
            PrintedReport printed(render(report, facts));
            std::string text = printed.text();
            CHECK(has(text, "红细胞计数"));
            CHECK(has(text, "赵丽"));
        }
        SUBCASE("bytes that are not UTF-8")
        {
            Report report = bloodCount();
            report.results.front().name = "白细胞\xff\xfe计数";
            CHECK(has(PrintedReport(render(report, factsFor())).text(), "计数"));
        }
    }

    // Fontconfig is set up once per process, so the test runs this binary
    // again with a configuration that has no fonts at all.
    TEST_CASE("without Noto Sans CJK the report fails and names the font package")
    {
        ScratchDir dir;
        std::string config = dir.path() + "/fonts.conf";
        std::ofstream(config) << "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>" << dir.path()
                              << "/cache</cachedir></fontconfig>\n";
        std::string self = std::filesystem::read_symlink("/proc/self/exe");
        std::string out = run("FONTCONFIG_FILE=" + config + " KIOSK_REPORT_PDF_FONTLESS=1 " + self +
                              " --test-case='report pdf child: no fonts' --no-colors");
        CHECK_MESSAGE(has(out, "fonts-noto-cjk"), out);
        CHECK_MESSAGE(has(out, "Status: SUCCESS"), out);
        CHECK_MESSAGE(has(out, "1 passed"), out);
    }

    TEST_CASE("report pdf child: no fonts")
    {
        if (::getenv("KIOSK_REPORT_PDF_FONTLESS") == nullptr) return;  // only as the child of the test above
        devices::pdf::PdfReportRenderer renderer;
        auto pdf = renderer.render(bloodCount(), factsFor());
        REQUIRE_FALSE(pdf.has_value());
        std::printf("render failed: %s\n", pdf.error().message.c_str());
        CHECK(has(pdf.error().message, "Noto Sans CJK SC"));
        CHECK(has(pdf.error().message, "fonts-noto-cjk"));
    }
}
