// The KARE map as SVG. Layout constants are in one place; every coordinate is
// an integer so the output is byte-stable across platforms.
#include <kare/render.hpp>

#include <algorithm>
#include <array>

namespace kare {
inline namespace v1 {

namespace {

constexpr int width = 1400;
constexpr int margin = 24;
constexpr int header = 84;
constexpr int side_width = 330;
constexpr int gap = 16;
constexpr int quad_width = (width - 2 * margin - side_width - 2 * gap) / 2;
constexpr int row = 19;
constexpr int bar_row = 24;

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

// Code points, so that truncation never splits a UTF-8 sequence.
std::string clip(const std::string& text, std::size_t max_chars)
{
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > max_chars)
            return text.substr(0, i) + "\xE2\x80\xA6"; // …
    }
    return text;
}

std::string num(long long v)
{
    return std::to_string(v);
}

void text(std::string& out, int x, int y, const std::string& content, const char* attrs = "")
{
    out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attrs + ">" + escape_xml(content) +
           "</text>\n";
}

// A name cut to fit its column keeps its whole text in a <title>, which
// screen readers and hover tooltips show.
void name_text(std::string& out, int x, int y, const std::string& prefix, const std::string& name,
               std::size_t max_chars, const std::string& suffix, const char* attrs)
{
    const std::string shown = clip(name, max_chars);
    out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attrs + ">" +
           escape_xml(prefix + shown + suffix);
    if (shown != name)
        out += "<title>" + escape_xml(name) + "</title>";
    out += "</text>\n";
}

int quadrant_height(const map_quadrant& q, std::size_t rows)
{
    const std::size_t listed = std::min(q.accounts.size(), rows) + (q.accounts.size() > rows ? 1 : 0);
    return 64 + static_cast<int>(std::max<std::size_t>(listed, 1)) * row +
           static_cast<int>(q.progress.size()) * bar_row +
           static_cast<int>(q.figures.size()) * row + 20;
}

void draw_quadrant(std::string& out, const map_quadrant& q, int x, int y, int height,
                   std::size_t rows)
{
    const auto index = static_cast<std::size_t>(q.category);
    const palette& c = colours[index];
    out += "<g id=\"quadrant-" + std::string(to_string(q.category)) + "\">\n";
    out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(quad_width) +
           "\" height=\"" + num(height) + "\" rx=\"10\" fill=\"" + c.fill + "\" stroke=\"" +
           c.ink + "\" stroke-width=\"2\"/>\n";
    std::string count = num(static_cast<long long>(q.accounts.size())) +
                        (q.accounts.size() == 1 ? " account" : " accounts") + " \xC2\xB7 " +
                        num(static_cast<long long>(q.focus)) + " in focus";
    if (q.focus_min && q.focus_max)
        count += " (target " + num(static_cast<long long>(*q.focus_min)) + "\xE2\x80\x93" +
                 num(static_cast<long long>(*q.focus_max)) + " per rep)";
    text(out, x + 16, y + 30, titles[index],
         (std::string(" font-size=\"22\" font-weight=\"bold\" fill=\"") + c.ink + "\"").c_str());
    text(out, x + quad_width - 16, y + 30, count,
         (std::string(" font-size=\"14\" text-anchor=\"end\" fill=\"") + c.ink + "\"").c_str());
    text(out, x + 16, y + 50, taglines[index], " font-size=\"13\" fill=\"#555\" font-style=\"italic\"");

    int cy = y + 74;
    const std::size_t shown = std::min(q.accounts.size(), rows);
    for (std::size_t i = 0; i < shown; ++i, cy += row) {
        const map_entry& e = q.accounts[i];
        name_text(out, x + 16, cy, e.by_profile ? "\xE2\x97\x8B " : "\xE2\x97\x8F ", e.name, 30, "",
             e.focus ? " font-size=\"14\" font-weight=\"bold\" class=\"account focus\""
                     : " font-size=\"14\" class=\"account\"");
        text(out, x + 290, cy, clip(e.owner, 12), " font-size=\"12\" fill=\"#555\"");
        if (!e.figure.empty())
            text(out, x + quad_width - 16, cy, e.figure, " font-size=\"12\" text-anchor=\"end\" fill=\"#333\"");
    }
    if (q.accounts.empty()) {
        text(out, x + 16, cy, "no accounts", " font-size=\"14\" fill=\"#777\"");
        cy += row;
    } else if (q.accounts.size() > rows) {
        text(out, x + 16, cy, "+ " + num(static_cast<long long>(q.accounts.size() - rows)) + " more",
             " font-size=\"13\" fill=\"#555\"");
        cy += row;
    }
    for (const map_progress& p : q.progress) {
        cy += 6;
        const int bar_x = x + 200;
        const int bar_w = quad_width - 200 - 90;
        const long long filled =
            p.target > 0 ? std::min<long long>(bar_w, p.done * bar_w / p.target) : 0;
        text(out, x + 16, cy + 10, clip(p.label, 26), " font-size=\"12\"");
        out += "<rect x=\"" + num(bar_x) + "\" y=\"" + num(cy) + "\" width=\"" + num(bar_w) +
               "\" height=\"12\" fill=\"#fff\" stroke=\"#999\"/>\n";
        out += "<rect x=\"" + num(bar_x) + "\" y=\"" + num(cy) + "\" width=\"" + num(filled) +
               "\" height=\"12\" fill=\"" + c.ink + "\"/>\n";
        if (p.target > 0 && p.expected > 0) {
            // A tick where pace is: the bar should reach it by now.
            const long long pace = bar_x + std::min<long long>(bar_w, p.expected * bar_w / p.target);
            out += "<line x1=\"" + num(pace) + "\" y1=\"" + num(cy - 3) + "\" x2=\"" + num(pace) +
                   "\" y2=\"" + num(cy + 15) + "\" stroke=\"#222\" stroke-width=\"2\"/>\n";
        }
        text(out, x + quad_width - 16, cy + 10, num(p.done) + " / " + num(p.target),
             " font-size=\"12\" text-anchor=\"end\"");
        cy += bar_row - 6;
    }
    for (const std::string& f : q.figures) {
        cy += row;
        text(out, x + 16, cy - 4, f, " font-size=\"13\" fill=\"#222\"");
    }
    out += "</g>\n";
}

int draw_margin_list(std::string& out, const char* heading, const std::vector<map_entry>& items,
                     int x, int y, std::size_t listed)
{
    text(out, x, y, std::string(heading) + " (" + num(static_cast<long long>(items.size())) + ")",
         " font-size=\"16\" font-weight=\"bold\"");
    y += 22;
    for (std::size_t i = 0; i < items.size() && i < listed; ++i) {
        const map_entry& e = items[i];
        name_text(out, x, y, "", e.name, 30, " \xC2\xB7 " + e.owner, " font-size=\"13\"");
        y += 16;
        if (!e.note.empty()) {
            text(out, x + 12, y, clip(e.note, 40), " font-size=\"12\" fill=\"#555\"");
            y += 16;
        }
        y += 4;
    }
    if (items.size() > listed) {
        text(out, x, y, "+ " + num(static_cast<long long>(items.size() - listed)) + " more",
             " font-size=\"13\" fill=\"#555\"");
        y += 18;
    } else if (items.empty()) {
        text(out, x, y, "none", " font-size=\"13\" fill=\"#777\"");
        y += 18;
    }
    return y + 16;
}

} // namespace

std::string render_svg(const map_view& view, const svg_options& options)
{
    const auto& q = view.quadrants;
    const std::size_t rows = std::max<std::size_t>(options.rows_per_quadrant, 1);
    const int top_h = std::max(quadrant_height(q[0], rows), quadrant_height(q[3], rows));
    const int bottom_h = std::max(quadrant_height(q[1], rows), quadrant_height(q[2], rows));
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
    // outgrows the quadrants.
    const int side_x = margin + 2 * quad_width + 2 * gap + 8;
    const std::size_t listed = rows * 2;
    std::string side = "<g id=\"margin\">\n";
    int y = draw_margin_list(side, "Unassigned", view.unassigned, side_x, header + 20, listed);
    y = draw_margin_list(side, "Fired", view.fired, side_x, y, listed);
    side += "</g>\n<g id=\"moves\">\n";
    text(side, side_x, y, "Suggested moves (" + num(static_cast<long long>(view.moves.size())) + ")",
         " font-size=\"16\" font-weight=\"bold\"");
    y += 22;
    for (std::size_t i = 0; i < view.moves.size() && i < listed; ++i, y += 20)
        text(side, side_x, y, clip(view.moves[i], 44), " font-size=\"13\"");
    if (view.moves.size() > listed) {
        text(side, side_x, y, "+ " + num(static_cast<long long>(view.moves.size() - listed)) + " more",
             " font-size=\"13\" fill=\"#555\"");
        y += 20;
    } else if (view.moves.empty()) {
        text(side, side_x, y, "none", " font-size=\"13\" fill=\"#777\"");
        y += 20;
    }
    y += 16;
    side += "</g>\n<g id=\"legend\">\n";
    const char* legend[] = {"\xE2\x97\x8F decided   \xE2\x97\x8B placed by profile",
                            "bold: on the owner\xE2\x80\x99s focus list",
                            "accounts listed highest priority first",
                            "progress: done / target this period, | = pace"};
    for (const char* line : legend) {
        text(side, side_x, y, line, " font-size=\"12\" fill=\"#555\"");
        y += 18;
    }
    text(side, side_x, y, num(static_cast<long long>(view.findings)) + " findings in the review",
         " font-size=\"12\" fill=\"#555\"");
    side += "</g>\n";
    const int height = std::max(header + top_h + gap + bottom_h, y) + margin;

    std::string out;
    out.reserve(16384 + side.size());
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" +
           num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
           "\" role=\"img\" aria-labelledby=\"kare-title kare-desc\" font-family=\"'DejaVu Sans', Arial, sans-serif\">\n";
    out += "<title id=\"kare-title\">" + escape_xml(title + " (" + subtitle + ")") + "</title>\n";
    out += "<desc id=\"kare-desc\">" + escape_xml("Accounts per quadrant: " + summary) + "</desc>\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    text(out, margin, 40, title, " font-size=\"26\" font-weight=\"bold\"");
    text(out, margin, 66, subtitle + " \xC2\xB7 " + summary, " font-size=\"14\" fill=\"#444\"");

    const int left = margin;
    const int right = margin + quad_width + gap;
    const int top = header;
    const int bottom = header + top_h + gap;
    draw_quadrant(out, q[static_cast<std::size_t>(category::keep)], left, top, top_h, rows);
    draw_quadrant(out, q[static_cast<std::size_t>(category::expand)], right, top, top_h, rows);
    draw_quadrant(out, q[static_cast<std::size_t>(category::attain)], left, bottom, bottom_h, rows);
    draw_quadrant(out, q[static_cast<std::size_t>(category::recapture)], right, bottom, bottom_h, rows);
    out += side;

    out += "</svg>\n";
    return out;
}

} // namespace v1
} // namespace kare
