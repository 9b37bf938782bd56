// The HTML review page: the SVG map, then the findings and the accounts.
#include <kare/render.hpp>

namespace kare {
inline namespace v1 {

namespace {

std::string cell(const std::string& text)
{
    return "<td>" + escape_xml(text) + "</td>";
}

std::string joined(const std::vector<category>& cats)
{
    std::string out;
    for (std::size_t i = 0; i < cats.size(); ++i)
        out += (i ? ", " : "") + std::string(to_string(cats[i]));
    return out;
}

} // namespace

std::string render_html(const map_view& view, const report& r, const svg_options& options)
{
    std::string svg = render_svg(view, options);
    svg.erase(0, svg.find("<svg")); // an inline SVG carries no XML declaration
    const std::string title =
        "KARE review" + (view.title.empty() ? std::string() : ": " + view.title);

    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<title>" + escape_xml(title) + "</title>\n";
    out += "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#222}"
           "table{border-collapse:collapse;margin:12px 0 28px}td,th{border:1px solid #ccc;"
           "padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}"
           ".error{color:#b00020}.warning{color:#8a5a00}.info{color:#555}"
           "svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n";
    out += "<h1>" + escape_xml(title) + "</h1>\n";
    out += "<p>As of " + escape_xml(view.as_of.to_string()) +
           (view.rep.empty() ? ", whole team" : ", rep " + escape_xml(view.rep)) + ".</p>\n";
    out += svg;
    out += "<h2>Findings (" + std::to_string(r.findings.size()) + ")</h2>\n";
    out += "<table id=\"findings\">\n<tr><th>severity</th><th>code</th><th>about</th><th>finding</th></tr>\n";
    for (const finding& f : r.findings)
        out += "<tr class=\"" + std::string(to_string(f.severity)) + "\">" +
               cell(std::string(to_string(f.severity))) + cell(f.code) +
               cell(std::string(to_string(f.subject)) + " " + f.subject_id) + cell(f.message) +
               "</tr>\n";
    out += "</table>\n";
    out += "<h2>Accounts (" + std::to_string(r.accounts.size()) + ")</h2>\n";
    out += "<table id=\"accounts\">\n<tr><th>id</th><th>name</th><th>owner</th><th>placement</th>"
           "<th>decided by</th><th>matching profiles</th></tr>\n";
    for (const account_result& a : r.accounts)
        out += "<tr>" + cell(a.id) + cell(a.name) + cell(a.owner) +
               cell(std::string(a.outcome.result.name())) +
               cell(std::string(to_string(a.outcome.basis))) + cell(joined(a.outcome.candidates)) +
               "</tr>\n";
    out += "</table>\n</body>\n</html>\n";
    return out;
}

} // namespace v1
} // namespace kare
