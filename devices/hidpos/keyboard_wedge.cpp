#include "hidpos/keyboard_wedge.hpp"

#include <linux/input-event-codes.h>

namespace kiosk::devices::hidpos {

namespace {

struct KeyCharacters {
    std::uint16_t code;
    char plain;
    char shifted;
};

// The US layout's printable keys. Letters are listed lower-case; Shift and
// Caps Lock decide the case.
constexpr KeyCharacters kUsLayout[] = {
    {KEY_1, '1', '!'},          {KEY_2, '2', '@'},          {KEY_3, '3', '#'},         {KEY_4, '4', '$'},
    {KEY_5, '5', '%'},          {KEY_6, '6', '^'},          {KEY_7, '7', '&'},         {KEY_8, '8', '*'},
    {KEY_9, '9', '('},          {KEY_0, '0', ')'},          {KEY_MINUS, '-', '_'},     {KEY_EQUAL, '=', '+'},
    {KEY_Q, 'q', 'Q'},          {KEY_W, 'w', 'W'},          {KEY_E, 'e', 'E'},         {KEY_R, 'r', 'R'},
    {KEY_T, 't', 'T'},          {KEY_Y, 'y', 'Y'},          {KEY_U, 'u', 'U'},         {KEY_I, 'i', 'I'},
    {KEY_O, 'o', 'O'},          {KEY_P, 'p', 'P'},          {KEY_LEFTBRACE, '[', '{'}, {KEY_RIGHTBRACE, ']', '}'},
    {KEY_A, 'a', 'A'},          {KEY_S, 's', 'S'},          {KEY_D, 'd', 'D'},         {KEY_F, 'f', 'F'},
    {KEY_G, 'g', 'G'},          {KEY_H, 'h', 'H'},          {KEY_J, 'j', 'J'},         {KEY_K, 'k', 'K'},
    {KEY_L, 'l', 'L'},          {KEY_SEMICOLON, ';', ':'},  {KEY_APOSTROPHE, '\'', '"'}, {KEY_GRAVE, '`', '~'},
    {KEY_BACKSLASH, '\\', '|'}, {KEY_Z, 'z', 'Z'},          {KEY_X, 'x', 'X'},         {KEY_C, 'c', 'C'},
    {KEY_V, 'v', 'V'},          {KEY_B, 'b', 'B'},          {KEY_N, 'n', 'N'},         {KEY_M, 'm', 'M'},
    {KEY_COMMA, ',', '<'},      {KEY_DOT, '.', '>'},        {KEY_SLASH, '/', '?'},     {KEY_SPACE, ' ', ' '},
    // Keypad, with Num Lock on as scanners that type through it expect.
    {KEY_KP0, '0', '0'},        {KEY_KP1, '1', '1'},        {KEY_KP2, '2', '2'},       {KEY_KP3, '3', '3'},
    {KEY_KP4, '4', '4'},        {KEY_KP5, '5', '5'},        {KEY_KP6, '6', '6'},       {KEY_KP7, '7', '7'},
    {KEY_KP8, '8', '8'},        {KEY_KP9, '9', '9'},        {KEY_KPDOT, '.', '.'},     {KEY_KPMINUS, '-', '-'},
    {KEY_KPPLUS, '+', '+'},     {KEY_KPASTERISK, '*', '*'}, {KEY_KPSLASH, '/', '/'},
};

const KeyCharacters* lookUp(std::uint16_t code)
{
    for (const KeyCharacters& k : kUsLayout)
        if (k.code == code) return &k;
    return nullptr;
}

std::uint8_t ctrlAltBit(std::uint16_t code)
{
    switch (code) {
    case KEY_LEFTCTRL: return 0x01;
    case KEY_RIGHTCTRL: return 0x02;
    case KEY_LEFTALT: return 0x04;
    case KEY_RIGHTALT: return 0x08;
    default: return 0;
    }
}

bool isLetter(char c) { return c >= 'a' && c <= 'z'; }

} // namespace

KeyboardWedge::KeyboardWedge(std::size_t maxLength, std::chrono::milliseconds maxGap)
    : m_maxLength(maxLength), m_maxGap(maxGap)
{
}

void KeyboardWedge::clearScan()
{
    m_text.clear();
    m_overflow = false;
    m_badKey.reset();
}

void KeyboardWedge::reset()
{
    clearScan();
    m_leftShift = m_rightShift = m_capsLock = false;
    m_heldCtrlAlt = 0;
}

std::optional<Error> KeyboardWedge::dropIfStale(Clock::time_point at)
{
    if (!pending() || at - m_lastKey <= m_maxGap) return std::nullopt;
    auto pause = std::chrono::duration_cast<std::chrono::milliseconds>(at - m_lastKey).count();
    std::size_t dropped = m_text.size();
    clearScan();
    return Error{"scan cut off: no Enter after a " + std::to_string(pause) + " ms pause; " +
                 std::to_string(dropped) + " characters dropped"};
}

std::optional<Error> KeyboardWedge::expire(Clock::time_point now) { return dropIfStale(now); }

std::optional<Result<std::string>> KeyboardWedge::key(std::uint16_t code, KeyAction action, Clock::time_point at)
{
    std::optional<Error> stale = dropIfStale(at);
    m_lastKey = at;
    auto report = [&]() -> std::optional<Result<std::string>> {
        if (stale) return std::unexpected(std::move(*stale));
        return std::nullopt;
    };

    bool pressed = action == KeyAction::Press;
    bool released = action == KeyAction::Release;
    if (code == KEY_LEFTSHIFT || code == KEY_RIGHTSHIFT) {
        if (pressed || released) (code == KEY_LEFTSHIFT ? m_leftShift : m_rightShift) = pressed;
        return report();
    }
    if (std::uint8_t bit = ctrlAltBit(code)) {
        if (pressed) m_heldCtrlAlt |= bit;
        if (released) m_heldCtrlAlt &= static_cast<std::uint8_t>(~bit);
        return report();
    }
    // Autorepeat means a key held down, which a scanner never does; releases
    // carry no character. Neither adds to the scan.
    if (!pressed) return report();
    if (code == KEY_CAPSLOCK) {
        m_capsLock = !m_capsLock;
        return report();
    }

    if (code == KEY_ENTER || code == KEY_KPENTER) {
        // The stale part, if any, was reported above; this Enter ended nothing.
        if (stale) return report();
        std::optional<Result<std::string>> out;
        if (m_overflow)
            out = std::unexpected(Error{"scan longer than " + std::to_string(m_maxLength) + " characters; dropped"});
        else if (m_badKey)
            out = std::unexpected(Error{"scan dropped: key code " + std::to_string(*m_badKey) +
                                        " has no character in the US layout (or came with Ctrl/Alt held)"});
        else if (!m_text.empty())
            out = std::move(m_text);
        clearScan();
        return out;
    }

    const KeyCharacters* characters = m_heldCtrlAlt == 0 ? lookUp(code) : nullptr;
    if (!characters) {
        if (!m_badKey) m_badKey = code;
        return report();
    }
    if (m_overflow) return report();
    if (m_text.size() >= m_maxLength) {
        m_overflow = true;
        m_text.clear();
        return report();
    }
    bool shift = m_leftShift || m_rightShift;
    bool upper = isLetter(characters->plain) ? shift != m_capsLock : shift;
    m_text.push_back(upper ? characters->shifted : characters->plain);
    return report();
}

} // namespace kiosk::devices::hidpos
