#include "pdf/report_layout.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "pdf/report_footer.hpp"
#include "pdf/report_lab_table.hpp"

namespace kiosk::devices::pdf {

namespace {

constexpr const char* kNothing = "—";
constexpr const char* kTimeFormat = "%Y-%m-%d %H:%M";
constexpr TextStyle kLabelStyle{9.5, Weight::Bold, Align::Left, 1};
constexpr TextStyle kValueStyle{9.5, Weight::Normal, Align::Left, 2};
constexpr TextStyle kSectionStyle{11.5, Weight::Bold, Align::Left, 1};
constexpr TextStyle kParagraphStyle{10.5, Weight::Normal, Align::Left, 0};

// An empty field prints as a dash: a blank could be taken for a part that did not print.
std::string orNothing(const std::string& text)
{
    return text.empty() ? kNothing : text;
}

// A time the hospital left unset is the clock's epoch, which must not print as 1970-01-01.
std::string timeText(WallTime when)
{
    return when == WallTime{} ? kNothing : localTimeText(when, kTimeFormat);
}

std::string sexText(Sex sex)
{
    switch (sex) {
    case Sex::Male: return "男";
    case Sex::Female: return "女";
    case Sex::Unspecified: return "未说明";
    case Sex::Unknown: break;
    }
    return kNothing;
}

bool isLab(const hospital::Report& report)
{
    return report.kind == hospital::ReportKind::Lab;
}

std::string patientNumber(const hospital::Report& report, const ReportPrintFacts& facts)
{
    return orNothing(facts.patientId.empty() ? report.patientId : facts.patientId);
}

std::string reprintMark(const ReportPrintFacts& facts)
{
    return facts.copy > 1 ? "补打 (第" + std::to_string(facts.copy) + "份)" : std::string();
}

SheetHeading headingOf(const hospital::Report& report, const ReportPrintFacts& facts)
{
    return SheetHeading{orNothing(facts.hospitalName), isLab(report) ? "检验报告单" : "检查报告单",
                        orNothing(report.title),
                        "姓名：" + orNothing(facts.patientName) + "    病历号：" + patientNumber(report, facts) +
                            "    报告编号：" + orNothing(report.id),
                        reprintMark(facts)};
}

// Label and value pairs three to a row; a long value wraps within its own
// column (two lines at most) and makes its row taller.
Result<void> layOutPatientBlock(ReportSheet& sheet, const hospital::Report& report, const ReportPrintFacts& facts)
{
    std::vector<std::pair<std::string, std::string>> fields{
        {"姓名", orNothing(facts.patientName)},
        {"性别", sexText(facts.sex)},
        {"年龄", facts.ageYears >= 0 ? std::to_string(facts.ageYears) + "岁" : kNothing},
        {"病历号", patientNumber(report, facts)},
        {"科室", orNothing(report.departmentName)},
        {"申请医生", orNothing(report.orderingDoctor)},
    };
    if (isLab(report)) fields.emplace_back("标本", orNothing(report.specimen));
    fields.emplace_back(isLab(report) ? "采集时间" : "检查时间", timeText(report.collectedAt));
    fields.emplace_back("报告时间", report.readyAt ? timeText(*report.readyAt) : kNothing);
    fields.emplace_back("报告编号", orNothing(report.id));
    fields.emplace_back("条码号", orNothing(report.barcode));

    constexpr int kPerRow = 3;
    constexpr double kLabelWidth = 50;
    const double column = ReportSheet::kWidth / kPerRow;
    const double valueWidth = column - kLabelWidth - 6;
    for (std::size_t first = 0; first < fields.size(); first += kPerRow) {
        double height = 0;
        for (std::size_t i = first; i < std::min(fields.size(), first + kPerRow); ++i) {
            double x = ReportSheet::kLeft + static_cast<double>(i - first) * column;
            KIOSK_TRY(sheet.text(x, sheet.y(), fields[i].first + "：", kLabelWidth, kLabelStyle));
            double h = KIOSK_TRY(sheet.text(x + kLabelWidth, sheet.y(), fields[i].second, valueWidth, kValueStyle));
            height = std::max(height, h);
        }
        sheet.moveDown(height + 3);
    }
    sheet.moveDown(3);
    sheet.rule(sheet.y(), 0.5);
    sheet.moveDown(8);
    return {};
}

// A section's title goes onto the next page with the first lines of its
// text rather than end a page alone.
Result<void> layOutSection(ReportSheet& sheet, const char* title, const std::string& text)
{
    double titleHeight = KIOSK_TRY(sheet.measure(title, ReportSheet::kWidth, kSectionStyle));
    double lineHeight = KIOSK_TRY(sheet.measure("检", ReportSheet::kWidth, kParagraphStyle));
    KIOSK_TRY_VOID(sheet.keepTogether(titleHeight + 4 + 2 * lineHeight));
    sheet.moveDown(KIOSK_TRY(sheet.text(ReportSheet::kLeft, sheet.y(), title, ReportSheet::kWidth, kSectionStyle)) + 4);
    KIOSK_TRY_VOID(sheet.paragraph(orNothing(text), kParagraphStyle));
    sheet.moveDown(12);
    return {};
}

ReportFooter footerOf(const hospital::Report& report, const ReportPrintFacts& facts)
{
    return ReportFooter{
        "报告医生：" + orNothing(report.reportingDoctor) + "        审核医生：" + orNothing(report.reviewingDoctor),
        isLab(report) ? "本报告仅对本次标本负责" : "本报告仅供临床参考",
        reprintMark(facts),
        "打印时间：" + timeText(facts.printedAt) + "        终端：" + orNothing(facts.kioskId),
        facts.verifyCode,
    };
}

} // namespace

Result<int> layOutReport(PdfDocument& pdf, const hospital::Report& report, const ReportPrintFacts& facts, Ink ink,
                         int totalPages)
{
    ReportSheet sheet(pdf, ink, headingOf(report, facts), totalPages);
    KIOSK_TRY_VOID(sheet.begin());
    KIOSK_TRY_VOID(layOutPatientBlock(sheet, report, facts));
    if (isLab(report)) {
        KIOSK_TRY_VOID(layOutLabTable(sheet, report.results));
        sheet.moveDown(10);
        // A lab report's conclusion holds the laboratory's remarks, often none.
        if (!report.conclusion.empty()) KIOSK_TRY_VOID(layOutSection(sheet, "备注", report.conclusion));
    } else {
        KIOSK_TRY_VOID(layOutSection(sheet, "检查所见", report.findings));
        KIOSK_TRY_VOID(layOutSection(sheet, "诊断意见", report.conclusion));
    }
    KIOSK_TRY_VOID(layOutFooter(sheet, footerOf(report, facts)));
    return sheet.end();
}

} // namespace kiosk::devices::pdf
