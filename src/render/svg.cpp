// The KARE map as SVG. Layout constants are in one place; every coordinate is
// an integer so the output is byte-stable across platforms.
//
// No font is at hand when the picture is written, so text widths are
// estimated from character counts, on the wide side of DejaVu Sans (the first
// font asked for; Arial is narrower). Columns are sized from the text they
// hold and long text is cut with "…" before it reaches the next column. Each
// column is also clipped, so a glyph wider than the estimate (a run of W, CJK)
// is cut at the column's edge rather than drawn over its neighbour.
#include "escape.hpp"

#include <kare/error.hpp>
#include <kare/render.hpp>

#include <algorithm>
#include <array>

namespace kare {
inline namespace v1 {

namespace {

using detail::escape_xml;

constexpr int wide_width = 1400;
constexpr int narrow_width = 860; // a page about 900 px wide shows it near full size
constexpr int margin = 24;
constexpr int header = 84;
constexpr int side_width = 330;
constexpr int gap = 16;

// The picture's frame: wide puts the margin lists in a column beside the
// quadrants; narrow puts them in two columns under the quadrants, so that a
// page about 900 px wide shows the text near its drawn size.
struct frame {
    bool narrow = false;
    int width = wide_width;
    int quad_width = (wide_width - 2 * margin - side_width - 2 * gap) / 2;
    int side_column = side_width - 8; // the width of a margin list's text
};

frame make_frame(const svg_options& options)
{
    frame f;
    if (options.narrow) {
        f.narrow = true;
        f.width = narrow_width;
        f.quad_width = (narrow_width - 2 * margin - gap) / 2;
        f.side_column = f.quad_width - 8;
    }
    return f;
}
constexpr int row = 19;
constexpr int bar_row = 24;
constexpr int pad = 16;         // inside a quadrant, left and right
constexpr int column_gap = 14;  // between columns of a quadrant
constexpr int min_bar = 120;    // a progress bar never gets shorter
constexpr std::size_t owner_chars = 12;

// Estimated advance per character, in tenths of a pixel.
constexpr int name_em = 92;     // 14px account names, bold or not
constexpr int small_em = 72;    // 12px owners, progress labels, notes
constexpr int figure_em = 78;   // 12px figures: digits and capitals are wide
constexpr int line_em = 78;     // 13px quadrant figures, margin entries, moves
constexpr int title_em = 172;   // 26px bold
constexpr int subtitle_em = 80; // 14px

struct palette {
    const char* ink;
    const char* fill;
};

constexpr std::array<palette, 4> colours{{
    {"#1b5e20", "#edf7ee"}, // keep
    {"#0d47a1", "#eaf2fc"}, // attain
    {"#b34700", "#fdf1e6"}, // recapture
    {"#4a148c", "#f4ecfa"}, // expand
}};

constexpr std::array<const char*, 4> titles{"KEEP", "ATTAIN", "RECAPTURE", "EXPAND"};
constexpr std::array<const char*, 4> taglines{
    "protect current clients", "win new clients", "win back former clients",
    "grow the best clients"};

std::size_t code_points(const std::string& text)
{
    std::size_t n = 0;
    for (char ch : text)
        n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

int estimate(const std::string& text, int em)
{
    return static_cast<int>((code_points(text) * static_cast<std::size_t>(em) + 9) / 10);
}

std::size_t fitting(int pixels, int em)
{
    return pixels > 0 ? static_cast<std::size_t>(pixels) * 10 / static_cast<std::size_t>(em) : 0;
}

// At most `max_chars` code points, the last one "…" when cut; code points, so
// that a cut never splits a UTF-8 sequence.
std::string clip(const std::string& text, std::size_t max_chars)
{
    max_chars = std::max<std::size_t>(max_chars, 1);
    if (code_points(text) <= max_chars)
        return text;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars == max_chars)
            return text.substr(0, i) + "\xE2\x80\xA6"; // …
    return text;
}

// Breaks a line at spaces into lines of at most `max_chars` code points; a
// word longer than that is cut.
std::vector<std::string> wrap(const std::string& text, std::size_t max_chars)
{
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && code_points(line) + 1 + code_points(word) > max_chars) {
            lines.push_back(clip(line, max_chars));
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty() || lines.empty())
        lines.push_back(clip(line, max_chars));
    return lines;
}

std::string num(long long v)
{
    return std::to_string(v);
}

std::string clipped(const char* id)
{
    return std::string(" clip-path=\"url(#") + id + ")\"";
}

void text(std::string& out, int x, int y, const std::string& content, const std::string& attrs = "")
{
    out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attrs + ">" + escape_xml(content) +
           "</text>\n";
}

// A name cut to fit its column keeps its whole text in a <title>, which
// screen readers and hover tooltips show.
void name_text(std::string& out, int x, int y, const std::string& prefix, const std::string& name,
               std::size_t max_chars, const std::string& suffix, const std::string& attrs)
{
    const std::string shown = clip(name, max_chars);
    out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attrs + ">" +
           escape_xml(prefix + shown + suffix);
    if (shown != name)
        out += "<title>" + escape_xml(name) + "</title>";
    out += "</text>\n";
}

// The money beside an account: its revenue, then its open deals by
// honesty. Hope and dead money are named so they never read as forecast.
struct money_part {
    std::string text;
    const char* kind; // "revenue", "honest", "hope", "dead"
};

std::vector<money_part> money_parts(const map_entry& e, const std::string& currency)
{
    std::vector<money_part> parts;
    if (!e.figure.empty())
        parts.push_back({e.figure, "revenue"});
    const auto add = [&](const std::string& amount, const char* kind) {
        if (amount.empty())
            return;
        // The currency is said once, on the first figure.
        parts.push_back({std::string(kind) + " " + (parts.empty() ? currency + " " : "") + amount, kind});
    };
    add(e.honest, "honest");
    add(e.hope, "hope");
    add(e.dead, "dead");
    return parts;
}

std::string money_text(const map_entry& e, const std::string& currency)
{
    std::string text;
    for (const money_part& part : money_parts(e, currency))
        text += (text.empty() ? "" : " \xC2\xB7 ") + part.text;
    return text;
}

void money_figure(std::string& out, int x, int y, const map_entry& e, const std::string& currency,
                  const std::string& attrs)
{
    const std::vector<money_part> parts = money_parts(e, currency);
    if (parts.empty())
        return;
    out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attrs + ">";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string kind = parts[i].kind;
        const std::string words = (i ? " \xC2\xB7 " : "") + parts[i].text;
        if (kind == "hope")
            out += "<tspan class=\"hope\" fill=\"#8a5a00\">" + escape_xml(words) + "</tspan>";
        else if (kind == "dead")
            out += "<tspan class=\"dead\" fill=\"#767676\">" + escape_xml(words) + "</tspan>";
        else
            out += escape_xml(words);
    }
    out += "</text>\n";
}

// A mark before an account the review has warnings or errors about; its
// title carries the findings' sentences.
void concern_mark(std::string& out, int y, const map_entry& e)
{
    if (!e.concern)
        return;
    std::string why = e.name + ":";
    for (const std::string& sentence : e.concerns)
        why += " " + sentence;
    out += "<text x=\"4\" y=\"" + num(y) + "\" font-size=\"14\" font-weight=\"bold\" fill=\"" +
           (*e.concern == severity::error ? "#b00020" : "#c05600") + "\" class=\"concern " +
           std::string(to_string(*e.concern)) + "\">!<title>" + escape_xml(why) + "</title></text>\n";
}

std::string progress_count(const map_progress& p)
{
    return num(p.done) + " / " + num(p.target);
}

// Where the columns of every quadrant go, in coordinates local to a
// quadrant; one layout for all four keeps the columns aligned across them.
struct layout {
    int quad_width = 0;         // of every quadrant
    bool money_below = false;   // narrow: an account's money on a line under its name
    int owner_x = 0;            // the owner column's left edge
    int owner_right = 0;        // … and the figure column's clip edge
    std::size_t name_chars = 0; // of an account name, its marker not included
    int label_w = 0;            // progress labels, from `pad`
    std::size_t label_chars = 0;
    int bar_x = 0;
    int bar_w = 0;
    std::size_t line_chars = 0; // of a quadrant figure line
    std::size_t playbook_chars = 0; // of a playbook line
};

constexpr int playbook_row = 17;
constexpr std::size_t questions_on_map = 2; // the rest are on the review page

// The playbook, compactly: the actions' names, then the first questions.
std::vector<std::string> playbook_lines(const map_quadrant& q, std::size_t chars)
{
    std::vector<std::string> lines;
    const auto add = [&](const std::string& text) {
        for (std::string& line : wrap(text, chars))
            lines.push_back(std::move(line));
    };
    const playbook& book = q.playbook;
    if (!book.actions.empty()) {
        std::string text = "Do:";
        for (std::size_t i = 0; i < book.actions.size(); ++i)
            text += (i ? " \xC2\xB7 " : " ") + book.actions[i].name;
        add(text);
    }
    if (!book.questions.empty()) {
        std::string text = "Ask:";
        for (std::size_t i = 0; i < book.questions.size() && i < questions_on_map; ++i)
            text += " " + book.questions[i];
        if (book.questions.size() > questions_on_map)
            text += " (+" + num(static_cast<long long>(book.questions.size() - questions_on_map)) +
                    " more)";
        add(text);
    }
    return lines;
}

bool has_money(const map_entry& e)
{
    return !(e.figure.empty() && e.honest.empty() && e.hope.empty() && e.dead.empty());
}

constexpr int money_row = 16;

layout make_layout(const map_view& view, std::size_t rows, int quad_width, bool money_below)
{
    const int right = quad_width - pad;
    int figure_w = 0;
    int owner_w = 0;
    int label_w = 0;
    int count_w = 0;
    for (const map_quadrant& q : view.quadrants) {
        for (std::size_t i = 0; i < q.accounts.size() && i < rows; ++i) {
            if (!money_below)
                figure_w = std::max(figure_w, estimate(money_text(q.accounts[i], view.currency), figure_em));
            owner_w = std::max(owner_w, estimate(clip(q.accounts[i].owner, owner_chars), small_em));
        }
        for (const map_progress& p : q.progress) {
            label_w = std::max(label_w, estimate(p.label, small_em));
            count_w = std::max(count_w, estimate(progress_count(p), figure_em));
        }
    }
    layout l;
    l.quad_width = quad_width;
    l.money_below = money_below;
    l.owner_x = right - (figure_w > 0 ? figure_w + column_gap : 0) - owner_w;
    l.owner_right = l.owner_x + owner_w + column_gap / 2;
    // Two characters go to the marker ("● ").
    const std::size_t name_room = fitting(l.owner_x - column_gap - pad, name_em);
    l.name_chars = std::max<std::size_t>(name_room > 2 ? name_room - 2 : 0, 4);
    l.label_w = std::max(0, std::min(label_w, right - pad - count_w - 2 * column_gap - min_bar));
    l.label_chars = fitting(l.label_w, small_em);
    l.bar_x = pad + l.label_w + column_gap;
    l.bar_w = std::max(min_bar / 2, right - count_w - column_gap - l.bar_x);
    l.line_chars = fitting(right - pad, line_em);
    l.playbook_chars = fitting(right - pad, small_em);
    return l;
}

// The clip regions of a quadrant's columns, local to the quadrant.
void quadrant_clips(std::string& out, const layout& l, int height)
{
    const auto rect = [&](const char* id, int x, int w) {
        out += "<clipPath id=\"" + std::string(id) + "\"><rect x=\"" + num(x) +
               "\" y=\"0\" width=\"" + num(std::max(w, 0)) + "\" height=\"" + num(height) +
               "\"/></clipPath>\n";
    };
    rect("kare-clip-name", 0, l.owner_x - column_gap / 2);
    rect("kare-clip-owner", l.owner_x, l.owner_right - l.owner_x);
    rect("kare-clip-figure", l.owner_right, l.quad_width - l.owner_right);
    rect("kare-clip-label", 0, l.bar_x - column_gap / 2);
    rect("kare-clip-count", l.bar_x + l.bar_w + column_gap / 2,
         l.quad_width - (l.bar_x + l.bar_w + column_gap / 2));
    rect("kare-clip-quadrant", 0, l.quad_width);
}

int quadrant_height(const map_quadrant& q, std::size_t rows, const layout& l)
{
    const std::size_t listed = std::min(q.accounts.size(), rows) + (q.accounts.size() > rows ? 1 : 0);
    std::size_t lines = 0;
    int money_lines = 0;
    if (l.money_below)
        for (std::size_t i = 0; i < q.accounts.size() && i < rows; ++i)
            money_lines += has_money(q.accounts[i]) ? money_row : 0;
    for (const std::string& f : q.figures)
        lines += wrap(f, l.line_chars).size();
    return 64 + money_lines + static_cast<int>(std::max<std::size_t>(listed, 1)) * row +
           static_cast<int>(q.progress.size()) * bar_row + static_cast<int>(lines) * row +
           static_cast<int>(playbook_lines(q, l.playbook_chars).size()) * playbook_row + 20;
}

// Drawn in coordinates local to the quadrant, so the column clips are shared.
void draw_quadrant(std::string& out, const map_quadrant& q, const std::string& currency, int x,
                   int y, int height, std::size_t rows, const layout& l)
{
    const auto index = static_cast<std::size_t>(q.category);
    const palette& c = colours[index];
    const int right = l.quad_width - pad;
    out += "<g id=\"quadrant-" + std::string(to_string(q.category)) + "\">\n";
    out += "<g transform=\"translate(" + num(x) + "," + num(y) + ")\">\n";
    out += "<rect x=\"0\" y=\"0\" width=\"" + num(l.quad_width) + "\" height=\"" + num(height) +
           "\" rx=\"10\" fill=\"" + c.fill + "\" stroke=\"" + c.ink + "\" stroke-width=\"2\"/>\n";
    // The counts have a line of their own beside the title and the tagline,
    // so a long count never runs into the quadrant's name.
    const std::string count = num(static_cast<long long>(q.accounts.size())) +
                              (q.accounts.size() == 1 ? " account" : " accounts") + " \xC2\xB7 " +
                              num(static_cast<long long>(q.focus)) + " in focus";
    text(out, pad, 30, titles[index],
         std::string(" font-size=\"22\" font-weight=\"bold\" fill=\"") + c.ink + "\"");
    text(out, right, 30, count,
         std::string(" font-size=\"14\" text-anchor=\"end\" fill=\"") + c.ink + "\"");
    text(out, pad, 50, taglines[index], " font-size=\"13\" fill=\"#555\" font-style=\"italic\"");
    if (q.focus_min && q.focus_max)
        text(out, right, 50,
             "focus target " + num(static_cast<long long>(*q.focus_min)) + "\xE2\x80\x93" +
                 num(static_cast<long long>(*q.focus_max)) + " per rep",
             " font-size=\"13\" text-anchor=\"end\" fill=\"#555\"");

    int cy = 74;
    const std::size_t shown = std::min(q.accounts.size(), rows);
    for (std::size_t i = 0; i < shown; ++i, cy += row) {
        const map_entry& e = q.accounts[i];
        name_text(out, pad, cy, e.by_profile ? "\xE2\x97\x8B " : "\xE2\x97\x8F ", e.name,
                  l.name_chars, "",
                  std::string(e.focus ? " font-size=\"14\" font-weight=\"bold\" class=\"account focus\""
                                      : " font-size=\"14\" class=\"account\"") +
                      clipped("kare-clip-name"));
        name_text(out, l.owner_x, cy, "", e.owner, owner_chars, "",
                  " font-size=\"12\" fill=\"#555\"" + clipped("kare-clip-owner"));
        concern_mark(out, cy, e);
        if (l.money_below && has_money(e)) {
            cy += money_row;
            money_figure(out, right, cy, e, currency,
                         " font-size=\"12\" text-anchor=\"end\" fill=\"#333\"" +
                             clipped("kare-clip-quadrant"));
        } else if (!l.money_below) {
            money_figure(out, right, cy, e, currency,
                         " font-size=\"12\" text-anchor=\"end\" fill=\"#333\"" +
                             clipped("kare-clip-figure"));
        }
    }
    if (q.accounts.empty()) {
        text(out, pad, cy, "no accounts", " font-size=\"14\" fill=\"#666\"");
        cy += row;
    } else if (q.accounts.size() > rows) {
        text(out, pad, cy, "+ " + num(static_cast<long long>(q.accounts.size() - rows)) + " more",
             " font-size=\"13\" fill=\"#555\"");
        cy += row;
    }
    for (const map_progress& p : q.progress) {
        cy += 6;
        const long long filled =
            p.target > 0 ? std::min<long long>(l.bar_w, p.done * l.bar_w / p.target) : 0;
        name_text(out, pad, cy + 10, "", p.label, l.label_chars, "",
                  " font-size=\"12\"" + clipped("kare-clip-label"));
        out += "<rect x=\"" + num(l.bar_x) + "\" y=\"" + num(cy) + "\" width=\"" + num(l.bar_w) +
               "\" height=\"12\" fill=\"#fff\" stroke=\"#999\"/>\n";
        out += "<rect x=\"" + num(l.bar_x) + "\" y=\"" + num(cy) + "\" width=\"" + num(filled) +
               "\" height=\"12\" fill=\"" + c.ink + "\"/>\n";
        if (p.target > 0 && p.expected > 0) {
            // A tick where pace is: the bar should reach it by now.
            const long long pace =
                l.bar_x + std::min<long long>(l.bar_w, p.expected * l.bar_w / p.target);
            out += "<line x1=\"" + num(pace) + "\" y1=\"" + num(cy - 3) + "\" x2=\"" + num(pace) +
                   "\" y2=\"" + num(cy + 15) + "\" stroke=\"#222\" stroke-width=\"2\"/>\n";
        }
        text(out, right, cy + 10, progress_count(p),
             " font-size=\"12\" text-anchor=\"end\"" + clipped("kare-clip-count"));
        cy += bar_row - 6;
    }
    for (const std::string& f : q.figures)
        for (const std::string& line : wrap(f, l.line_chars)) {
            cy += row;
            text(out, pad, cy - 4, line,
                 " font-size=\"13\" fill=\"#222\"" + clipped("kare-clip-quadrant"));
        }
    const std::vector<std::string> play = playbook_lines(q, l.playbook_chars);
    if (!play.empty()) {
        out += "<g class=\"playbook\">\n";
        for (const std::string& line : play) {
            cy += playbook_row;
            text(out, pad, cy - 4, line,
                 " font-size=\"12\" fill=\"#444\"" + clipped("kare-clip-quadrant"));
        }
        out += "</g>\n";
    }
    out += "</g>\n</g>\n";
}

int draw_margin_list(std::string& out, const char* heading, const std::vector<map_entry>& items,
                     int x, int y, std::size_t listed, int side)
{
    text(out, x, y, std::string(heading) + " (" + num(static_cast<long long>(items.size())) + ")",
         " font-size=\"16\" font-weight=\"bold\"");
    y += 22;
    for (std::size_t i = 0; i < items.size() && i < listed; ++i) {
        const map_entry& e = items[i];
        const std::string owner = " \xC2\xB7 " + clip(e.owner, owner_chars);
        name_text(out, x, y, "", e.name, fitting(side - estimate(owner, line_em), line_em), owner,
                  " font-size=\"13\"");
        y += 16;
        if (!e.note.empty()) {
            name_text(out, x + 12, y, "", e.note, fitting(side - 12, small_em), "",
                      " font-size=\"12\" fill=\"#555\"");
            y += 16;
        }
        y += 4;
    }
    if (items.size() > listed) {
        text(out, x, y, "+ " + num(static_cast<long long>(items.size() - listed)) + " more",
             " font-size=\"13\" fill=\"#555\"");
        y += 18;
    } else if (items.empty()) {
        text(out, x, y, "none", " font-size=\"13\" fill=\"#666\"");
        y += 18;
    }
    return y + 16;
}

} // namespace

std::string render_svg(const map_view& view, const svg_options& options)
{
    const auto& q = view.quadrants;
    if (options.width > max_svg_width)
        throw error(errc::invalid_argument, "the picture's width " + std::to_string(options.width) +
                                                " is more than " + std::to_string(max_svg_width) +
                                                " pixels");
    const std::size_t rows = std::max<std::size_t>(options.rows_per_quadrant, 1);
    const frame f = make_frame(options);
    const int width = f.width;
    const layout l = make_layout(view, rows, f.quad_width, f.narrow);
    const int top_h = std::max(quadrant_height(q[0], rows, l), quadrant_height(q[3], rows, l));
    const int bottom_h = std::max(quadrant_height(q[1], rows, l), quadrant_height(q[2], rows, l));
    std::string title = "KARE map" + (view.title.empty() ? std::string() : ": " + view.title);
    std::string subtitle = "as of " + view.as_of.to_string() +
                           (view.rep.empty() ? std::string(", whole team") : ", rep " + view.rep);
    std::string summary;
    for (category c : all_categories) {
        const auto& quad = q[static_cast<std::size_t>(c)];
        summary += std::string(to_string(c)) + " " + num(static_cast<long long>(quad.accounts.size())) + ", ";
    }
    summary += "unassigned " + num(static_cast<long long>(view.unassigned.size())) + ", fired " +
               num(static_cast<long long>(view.fired.size())) + ".";

    // The margin first: its length decides the picture's height when it
    // outgrows the quadrants. Everything in it is clipped to its column.
    // Narrow: the unassigned and fired under the left quadrants, the moves
    // and the legend under the right ones.
    const int below = header + top_h + gap + bottom_h + gap + 8;
    int side_x = f.narrow ? margin : margin + 2 * f.quad_width + 2 * gap + 8;
    const int side_top = f.narrow ? below : header;
    const std::size_t listed = rows * 2;
    const std::string side_clip = "<g" + clipped("kare-clip-side") + ">\n";
    std::string side = "<g id=\"margin\">\n" + side_clip;
    int y = draw_margin_list(side, "Unassigned", view.unassigned, side_x, side_top + 20, listed,
                             f.side_column);
    y = draw_margin_list(side, "Fired", view.fired, side_x, y, listed, f.side_column);
    const int left_end = y;
    std::string moves_clip = side_clip;
    if (f.narrow) {
        side_x = margin + f.quad_width + gap;
        y = side_top + 20;
        moves_clip = "<g" + clipped("kare-clip-side-right") + ">\n";
    }
    side += "</g>\n</g>\n<g id=\"moves\">\n" + moves_clip;
    text(side, side_x, y, "Suggested moves (" + num(static_cast<long long>(view.moves.size())) + ")",
         " font-size=\"16\" font-weight=\"bold\"");
    y += 22;
    for (std::size_t i = 0; i < view.moves.size() && i < listed; ++i, y += 20)
        name_text(side, side_x, y, "", view.moves[i], fitting(f.side_column, line_em), "",
                  " font-size=\"13\"");
    if (view.moves.size() > listed) {
        text(side, side_x, y, "+ " + num(static_cast<long long>(view.moves.size() - listed)) + " more",
             " font-size=\"13\" fill=\"#555\"");
        y += 20;
    } else if (view.moves.empty()) {
        text(side, side_x, y, "none", " font-size=\"13\" fill=\"#666\"");
        y += 20;
    }
    y += 16;
    side += "</g>\n</g>\n<g id=\"legend\">\n" + moves_clip;
    const char* legend[] = {"\xE2\x97\x8F decided   \xE2\x97\x8B placed by profile",
                            "bold: on the owner\xE2\x80\x99s focus list",
                            "accounts listed highest priority first",
                            "progress: done / target this period, | = pace",
                            "! warnings or errors about the account",
                            "honest: qualified open deals; hope: stalled or",
                            "  unqualified; dead: dead deals (not forecast)"};
    for (const char* line : legend) {
        text(side, side_x, y, line, " font-size=\"12\" fill=\"#555\"");
        y += 18;
    }
    text(side, side_x, y, num(static_cast<long long>(view.findings)) + " findings in the review",
         " font-size=\"12\" fill=\"#555\"");
    side += "</g>\n</g>\n";
    const int height = std::max({header + top_h + gap + bottom_h, y, left_end}) + margin;

    std::string out;
    out.reserve(16384 + side.size());
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    // A chosen width scales the whole drawing: the viewBox keeps its coordinates.
    const long long shown_width = options.width == 0 ? width : static_cast<long long>(options.width);
    const long long shown_height = (static_cast<long long>(height) * shown_width + width / 2) / width;
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(shown_width) + "\" height=\"" +
           num(shown_height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
           "\" role=\"img\" aria-labelledby=\"kare-title kare-desc\" font-family=\"'DejaVu Sans', Arial, sans-serif\">\n";
    out += "<title id=\"kare-title\">" + escape_xml(title + " (" + subtitle + ")") + "</title>\n";
    out += "<desc id=\"kare-desc\">" + escape_xml("Accounts per quadrant: " + summary) + "</desc>\n";
    out += "<defs>\n";
    quadrant_clips(out, l, std::max(top_h, bottom_h));
    if (f.narrow) {
        // Each column of the lists under the quadrants is clipped to itself.
        out += "<clipPath id=\"kare-clip-side\"><rect x=\"" + num(margin) + "\" y=\"0\" width=\"" +
               num(f.quad_width) + "\" height=\"" + num(height) + "\"/></clipPath>\n";
        out += "<clipPath id=\"kare-clip-side-right\"><rect x=\"" + num(side_x) +
               "\" y=\"0\" width=\"" + num(width - side_x) + "\" height=\"" + num(height) +
               "\"/></clipPath>\n";
    } else {
        out += "<clipPath id=\"kare-clip-side\"><rect x=\"" + num(side_x) + "\" y=\"0\" width=\"" +
               num(width - side_x) + "\" height=\"" + num(height) + "\"/></clipPath>\n";
    }
    out += "</defs>\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    const int inner = width - 2 * margin;
    name_text(out, margin, 40, "", title, fitting(inner, title_em), "",
              " font-size=\"26\" font-weight=\"bold\"");
    name_text(out, margin, 66, "", subtitle + " \xC2\xB7 " + summary, fitting(inner, subtitle_em), "",
              " font-size=\"14\" fill=\"#444\"");

    const int left = margin;
    const int right = margin + f.quad_width + gap;
    const int top = header;
    const int bottom = header + top_h + gap;
    draw_quadrant(out, q[static_cast<std::size_t>(category::keep)], view.currency, left, top, top_h, rows, l);
    draw_quadrant(out, q[static_cast<std::size_t>(category::expand)], view.currency, right, top, top_h, rows, l);
    draw_quadrant(out, q[static_cast<std::size_t>(category::attain)], view.currency, left, bottom, bottom_h, rows, l);
    draw_quadrant(out, q[static_cast<std::size_t>(category::recapture)], view.currency, right, bottom, bottom_h, rows, l);
    out += side;

    out += "</svg>\n";
    return out;
}

} // namespace v1
} // namespace kare
