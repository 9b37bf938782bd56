#include "cells.hpp"

#include <charconv>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

bool is_digit(char c) noexcept
{
    return c >= '0' && c <= '9';
}

char lower(char c) noexcept
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Format tokens, longest first so that `MM` wins over `M`.
struct token {
    std::string_view text;
    std::size_t min_digits;
    std::size_t max_digits;
};
constexpr token tokens[] = {{"YYYY", 4, 4}, {"MM", 2, 2}, {"DD", 2, 2}, {"HH", 2, 2},
                            {"mm", 2, 2},   {"ss", 2, 2}, {"M", 1, 2},  {"D", 1, 2},
                            {"H", 1, 2},    {"A", 0, 0}};

const token* token_at(std::string_view format, std::size_t i) noexcept
{
    for (const token& t : tokens)
        if (format.substr(i, t.text.size()) == t.text)
            return &t;
    return nullptr;
}

} // namespace

std::string_view trimmed(std::string_view text) noexcept
{
    const auto space = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

std::optional<std::string> check_date_format(std::string_view format)
{
    bool year = false, month = false, day = false;
    for (std::size_t i = 0; i < format.size();) {
        if (const token* t = token_at(format, i)) {
            year = year || t->text == "YYYY";
            month = month || t->text == "MM" || t->text == "M";
            day = day || t->text == "DD" || t->text == "D";
            i += t->text.size();
        } else {
            ++i;
        }
    }
    if (!year || !month || !day)
        return "a date format needs a year (YYYY), a month (MM or M) and a day (DD or D)";
    return std::nullopt;
}

std::optional<date> parse_date(std::string_view text, std::string_view format) noexcept
{
    int year = 0;
    unsigned month = 0, day = 0;
    std::size_t at = 0;
    for (std::size_t i = 0; i < format.size();) {
        const token* t = token_at(format, i);
        if (!t) {
            if (at >= text.size() || text[at] != format[i])
                return std::nullopt;
            ++at;
            ++i;
            continue;
        }
        i += t->text.size();
        if (t->text == "A") { // AM or PM, read and ignored
            if (text.size() - at < 2 || (lower(text[at]) != 'a' && lower(text[at]) != 'p') ||
                lower(text[at + 1]) != 'm')
                return std::nullopt;
            at += 2;
            continue;
        }
        std::size_t n = 0;
        unsigned v = 0;
        while (n < t->max_digits && at + n < text.size() && is_digit(text[at + n]))
            v = v * 10 + static_cast<unsigned>(text[at + n++] - '0');
        if (n < t->min_digits)
            return std::nullopt;
        at += n;
        if (t->text == "YYYY")
            year = static_cast<int>(v);
        else if (t->text == "MM" || t->text == "M")
            month = v;
        else if (t->text == "DD" || t->text == "D")
            day = v;
    }
    if (at != text.size())
        return std::nullopt;
    return date::from_ymd(year, month, day);
}

std::optional<date> parse_date(std::string_view text, const std::vector<std::string>& formats) noexcept
{
    for (const auto& f : formats)
        if (auto d = parse_date(text, f))
            return d;
    return std::nullopt;
}

std::optional<std::string> plain_decimal(std::string_view text, char decimal,
                                         std::optional<char> thousands)
{
    std::string out;
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-')
        out += text[i++];
    std::size_t digits = 0, group = 0;
    bool grouped = false;
    for (; i < text.size() && text[i] != decimal; ++i) {
        const char c = text[i];
        if (is_digit(c)) {
            out += c;
            ++digits;
            ++group;
        } else if (thousands && c == *thousands) {
            // 1,234,567: at most three digits before the first separator,
            // exactly three between separators.
            if (digits == 0 || (grouped ? group != 3 : group > 3))
                return std::nullopt;
            grouped = true;
            group = 0;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || (grouped && group != 3))
        return std::nullopt;
    if (i < text.size()) { // the decimal separator
        ++i;
        if (i == text.size())
            return std::nullopt;
        out += '.';
        for (; i < text.size(); ++i) {
            if (!is_digit(text[i]))
                return std::nullopt;
            out += text[i];
        }
    }
    return out;
}

std::optional<bool> parse_boolean(std::string_view text) noexcept
{
    std::string low;
    for (char c : text)
        low += lower(c);
    if (low == "true" || low == "yes" || low == "1")
        return true;
    if (low == "false" || low == "no" || low == "0")
        return false;
    return std::nullopt;
}

std::string slug(std::string_view name)
{
    std::string out;
    bool dash = false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || is_digit(c) || u >= 0x80) {
            if (dash && !out.empty())
                out += '-';
            out += c;
            dash = false;
        } else if (c >= 'A' && c <= 'Z') {
            if (dash && !out.empty())
                out += '-';
            out += lower(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

} // namespace detail
} // namespace v1
} // namespace kare
