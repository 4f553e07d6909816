#pragma once
// kioskctl's commands. Each group lives in its own file and is listed once in
// the table in main.cpp. A command gets the words after its name and returns
// the exit code: 0 success, 1 a check failed or input was invalid (with a
// one-line reason on stderr), 2 the command was used wrongly. The journal
// commands differ, as finance scripts need: 1 means mismatches were found,
// 2 any error.
#include <string>
#include <vector>

namespace kiosk::ctl {

using Args = std::vector<std::string>;

/// Prints "kioskctl: MESSAGE" to stderr and returns 1.
int failWith(const std::string& message);
/// Takes "--assets DIR" out of args; the source tree's assets/ otherwise.
std::string takeAssetsDir(Args& args);
/// Takes "--NAME VALUE" out of args if present.
bool takeOption(Args& args, const std::string& name, std::string& value);
/// Takes "--NAME" out of args; true if it was there.
bool takeFlag(Args& args, const std::string& name);

// text_commands.cpp
int catalogCheck(Args args);
int scenarioCheck(Args args);
int identitiesList(Args args);
int say(Args args);

// idcard_commands.cpp
int idcardDecode(Args args);

// escpos_commands.cpp
int escposRender(Args args);
int escposStatus(Args args);

// scan_commands.cpp
int scanClassify(Args args);
int scanWait(Args args);

// device_commands.cpp
int usbList(Args args);
int printerStatus(Args args);
int idcardRead(Args args);
int a4Status(Args args);

// feedback_commands.cpp
int feedbackSummary(Args args);

// settings_commands.cpp
int settingsShow(Args args);
int settingsSet(Args args);
int settingsCheck(Args args);

// maintainer_commands.cpp
int maintainerSetPin(Args args);
int maintainerHashPin(Args args);
int auditShow(Args args);
// journal_commands.cpp
int journalReconcile(Args args);
int journalExport(Args args);

// print_commands.cpp
int printerTestReceipt(Args args);
int a4TestPage(Args args);

} // namespace kiosk::ctl
