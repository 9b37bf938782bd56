// The timeline document, `kare timeline --json` (docs/review.md, "An account's timeline").
#include <kare/json.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {

namespace {

// The version of the kare-timeline document, raised when a key changes meaning.
constexpr int timeline_format_version = 1;

boost::json::value note_or_null(const std::string& s)
{
    return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

} // namespace

std::string write_account_history(const account_history& h)
{
    using boost::json::array;
    using boost::json::object;
    object o;
    o["format"] = "kare-timeline";
    o["version"] = timeline_format_version;
    o["as_of"] = h.as_of.to_string();
    o["account"] = h.id;
    o["name"] = h.name;
    o["owner"] = h.owner;
    o["added"] = h.added ? boost::json::value(h.added->to_string()) : boost::json::value(nullptr);
    o["placement"] = h.now.name();
    o["basis"] = to_string(h.basis);
    array moves;
    for (const auto& m : h.moves) {
        object mo;
        mo["date"] = m.on.to_string();
        mo["from"] = m.from.name();
        mo["to"] = m.to.name();
        mo["reason"] = m.reason;
        moves.push_back(std::move(mo));
    }
    o["moves"] = std::move(moves);
    array deals;
    for (const auto& d : h.deals) {
        object dob;
        dob["id"] = d.id;
        dob["amount"] = d.amount.to_string();
        dob["stage"] = d.stage;
        dob["expected_close"] = d.expected_close.to_string();
        dob["outcome"] = to_string(d.outcome);
        dob["state"] = d.state ? boost::json::value(to_string(*d.state)) : boost::json::value(nullptr);
        dob["reason"] = d.reason;
        array events;
        for (const auto& e : d.events) {
            object eo;
            eo["date"] = e.on.to_string();
            eo["event"] = to_string(e.what);
            eo["detail"] = e.detail;
            eo["note"] = note_or_null(e.note);
            events.push_back(std::move(eo));
        }
        dob["events"] = std::move(events);
        deals.push_back(std::move(dob));
    }
    o["deals"] = std::move(deals);
    array activity;
    for (const auto& day : h.activities) {
        object ao;
        ao["date"] = day.on.to_string();
        ao["count"] = day.count;
        activity.push_back(std::move(ao));
    }
    o["activities"] = std::move(activity);
    return to_canonical_text(o);
}

} // namespace v1
} // namespace kare
