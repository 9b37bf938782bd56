// Shared helpers for the unit suites: the bundled example, a minimal plan,
// and JSON editing for bad-input tables.
#ifndef KARE_TESTS_FIXTURES_HPP
#define KARE_TESTS_FIXTURES_HPP

#include <kare/json.hpp>
#include <kare/kare.hpp>

#include <boost/json.hpp>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

// How Boost.Test prints kare values in failure messages (found by ADL).
namespace kare {
inline namespace v1 {
inline std::ostream& boost_test_print_type(std::ostream& os, errc c) { return os << to_string(c); }
inline std::ostream& boost_test_print_type(std::ostream& os, field_type t) { return os << to_string(t); }
inline std::ostream& boost_test_print_type(std::ostream& os, category c) { return os << to_string(c); }
inline std::ostream& boost_test_print_type(std::ostream& os, severity s) { return os << to_string(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, basis b) { return os << to_string(b); }
inline std::ostream& boost_test_print_type(std::ostream& os, placement p) { return os << p.name(); }
inline std::ostream& boost_test_print_type(std::ostream& os, subject_kind k) { return os << to_string(k); }
inline std::ostream& boost_test_print_type(std::ostream& os, rep_fit_strategy s) { return os << to_string(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, relationship r) { return os << to_string(r); }
inline std::ostream& boost_test_print_type(std::ostream& os, import_kind k) { return os << to_string(k); }
inline std::ostream& boost_test_print_type(std::ostream& os, deal_outcome o) { return os << to_string(o); }
} // namespace v1
} // namespace kare

namespace kare_test {

inline std::string read_text(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    std::ostringstream out;
    out << file.rdbuf();
    return out.str();
}

inline std::string example_path()
{
    return std::string(KARE_EXAMPLES_DIR) + "/harbor-analytics.json";
}

inline kare::plan example_plan()
{
    return kare::read_plan(read_text(example_path()));
}

inline kare::date day(const char* text)
{
    return *kare::date::parse(text);
}

/// An account named after its id, with a decision already taken.
inline kare::account decided_account(std::string id, std::string owner, kare::relationship rel,
                                     kare::placement decision)
{
    kare::account a;
    a.name = "Account " + id;
    a.id = std::move(id);
    a.owner = std::move(owner);
    a.relationship = rel;
    a.decision = decision;
    return a;
}

/// A small valid plan document: two reps, three accounts, default profiles.
inline boost::json::value minimal_document()
{
    return boost::json::parse(R"({
      "format": "kare-plan", "version": 1, "name": "Minimal",
      "settings": {"currency": "EUR", "fiscal_year_start_month": 4},
      "fields": [{"name": "seats", "type": "number", "min": 0},
                 {"name": "industry", "type": "choice", "choices": ["retail", "media"]},
                 {"name": "renewal", "type": "date"}],
      "reps": [{"id": "ana", "name": "Ana", "style": "hunter"},
               {"id": "bo", "name": "Bo", "style": "farmer"}],
      "accounts": [
        {"id": "A-1", "name": "Acme", "owner": "bo", "relationship": "client",
         "products": ["core"], "attributes": {"growth_potential": "low", "risk": "low", "seats": 10}},
        {"id": "A-2", "name": "Bravo", "owner": "ana", "relationship": "prospect",
         "attributes": {"growth_potential": "high", "risk": "low", "industry": "media"}},
        {"id": "A-3", "name": "Cobalt", "owner": "bo", "relationship": "former_client",
         "attributes": {"strategic_value": "high", "renewal": "2027-01-31"},
         "placement": "recapture",
         "history": [{"date": "2026-01-05", "from": "open", "to": "keep", "reason": ""},
                     {"date": "2026-06-01", "from": "keep", "to": "recapture", "reason": "Lapsed."}]}
      ]})");
}

inline std::string text_of(const boost::json::value& v)
{
    return boost::json::serialize(v);
}

inline kare::plan minimal_plan()
{
    return kare::read_plan(text_of(minimal_document()));
}

/// The error a read raises, or errc::ok.
inline kare::error_info read_error(const std::string& text)
{
    kare::error_info err;
    (void)kare::read_plan(text, err);
    return err;
}

} // namespace kare_test

#endif
