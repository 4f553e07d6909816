#pragma once
// Personal data is masked everywhere a stranger could read it: on screen,
// on paper and in logs (张*三, 4401**********1234).
#include <string>
#include <string_view>

namespace kiosk {

/// Keeps the first and last character of a Chinese name and stars the rest
/// (张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明). Names in Latin script keep the
/// first letter of each word (John SMITH → J*** S****).
std::string maskName(std::string_view utf8Name);

/// Keeps the first four and last four characters (4401**********1234);
/// shorter numbers keep only the last two.
std::string maskIdNumber(std::string_view idNumber);

/// Keeps the first three and last four digits of a mobile number (138****5678); anything
/// shorter than eight characters is starred entirely.
std::string maskPhoneNumber(std::string_view phone);

} // namespace kiosk
