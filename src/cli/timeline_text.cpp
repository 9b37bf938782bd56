#include "timeline_text.hpp"
#include "pipeline_table.hpp"
#include "../render/escape.hpp"

namespace kare::cli {

namespace {

using detail::escape_terminal;

std::string placement_word(placement p)
{
    std::string name(p.name());
    if (p.is_assigned())
        name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

std::string event_line(const deal_event& e)
{
    std::string out = "      " + e.on.to_string() + "  " + std::string(to_string(e.what));
    if (!e.detail.empty())
        out += " " + escape_terminal(e.detail);
    if (!e.note.empty())
        out += ": " + escape_terminal(e.note);
    return out + "\n";
}

} // namespace

std::string render_timeline_text(const account_history& h)
{
    std::string out = "Timeline: " + escape_terminal(h.id) + " " + escape_terminal(h.name) + " (" +
                      escape_terminal(h.owner) + "), as of " + h.as_of.to_string() + "\n";
    out += "Now: " + placement_word(h.now) + ", by its " + std::string(to_string(h.basis)) +
           (h.added ? "; added " + h.added->to_string() : std::string()) + "\n";

    out += "\nPlacements\n";
    if (h.moves.empty())
        out += "  no recorded decision: its profiles place it\n";
    for (const auto& m : h.moves)
        out += "  " + m.on.to_string() + "  " + placement_word(m.from) + " -> " +
               placement_word(m.to) +
               (m.reason.empty() ? std::string() : ": " + escape_terminal(m.reason)) + "\n";

    out += "\nDeals\n";
    if (h.deals.empty())
        out += "  none\n";
    for (const auto& d : h.deals) {
        out += "  " + escape_terminal(d.id) + " " + grouped(d.amount.to_string()) + ", " +
               escape_terminal(d.stage) + ", expected to close " + d.expected_close.to_string() +
               ": " +
               (d.state ? (d.reason.empty() ? std::string(to_string(*d.state))
                                            : escape_terminal(d.reason))
                        : std::string(to_string(d.outcome))) +
               "\n";
        for (const auto& e : d.events)
            out += event_line(e);
    }

    out += "\nActivity logged\n";
    if (h.activities.empty())
        out += "  none\n";
    std::size_t total = 0;
    for (const auto& day : h.activities) {
        out += "  " + day.on.to_string() + "  " + std::to_string(day.count) + "\n";
        total += day.count;
    }
    if (!h.activities.empty())
        out += "  total " + std::to_string(total) + " on " + std::to_string(h.activities.size()) +
               (h.activities.size() == 1 ? " day" : " days") + "\n";
    return out;
}

} // namespace kare::cli
