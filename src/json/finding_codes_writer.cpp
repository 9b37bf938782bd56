// The finding-code table as a document, so that a product can word, filter
// and group findings without keeping its own copy of the table.
#include <kare/finding.hpp>
#include <kare/json.hpp>
#include <kare/version.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {

std::string write_finding_codes()
{
    boost::json::array codes;
    for (const finding_code& c : finding_codes()) {
        boost::json::object o;
        o["code"] = c.code;
        o["severity"] = to_string(c.severity);
        o["subject"] = to_string(c.subject);
        o["description"] = c.description;
        codes.push_back(std::move(o));
    }
    boost::json::object document;
    document["format"] = "kare-finding-codes";
    document["version"] = KARE_PLAN_FORMAT_VERSION;
    document["codes"] = std::move(codes);
    return to_canonical_text(document);
}

} // namespace v1
} // namespace kare
