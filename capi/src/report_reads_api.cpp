// kare_report_account_* and kare_report_finding_*: a report read value by
// value, without JSON. Strings are the report's own and live as long as it.
#include "codes.hpp"
#include "firewall.hpp"

#include <kare/json.hpp>

using namespace kare::capi;

namespace {

template <typename T>
const T& item_at(const std::vector<T>& items, size_t index, const char* what)
{
    if (index >= items.size())
        throw bad_argument(std::string(what) + " index " + std::to_string(index) +
                           " is past the " + std::to_string(items.size()) + " " + what + "s");
    return items[index];
}

const kare::account_result& account_at(const kare_report* report, size_t index)
{
    return item_at(require(report, "report")->report.accounts, index, "account");
}

const kare::finding& finding_at(const kare_report* report, size_t index)
{
    return item_at(require(report, "report")->report.findings, index, "finding");
}

void give_borrowed(const char** out, size_t* out_len, const std::string& text)
{
    *out = text.c_str();
    if (out_len)
        *out_len = text.size();
}

std::size_t failed_leaves(const kare::rule_outcome& outcome) noexcept
{
    std::size_t failed = 0;
    for (const auto& check : outcome.checks)
        failed += check.held ? 0 : 1;
    return failed;
}

} // namespace

extern "C" {

kare_status kare_report_account_count(size_t* out, const kare_report* report)
{
    return guard([&] {
        require(out, "out");
        *out = require(report, "report")->report.accounts.size();
    });
}

kare_status kare_report_account_id(const char** out, size_t* out_len, const kare_report* report,
                                   size_t index)
{
    return guard([&] {
        require(out, "out");
        give_borrowed(out, out_len, account_at(report, index).id);
    });
}

kare_status kare_report_account_name(const char** out, size_t* out_len, const kare_report* report,
                                     size_t index)
{
    return guard([&] {
        require(out, "out");
        give_borrowed(out, out_len, account_at(report, index).name);
    });
}

kare_status kare_report_account_owner(const char** out, size_t* out_len,
                                      const kare_report* report, size_t index)
{
    return guard([&] {
        require(out, "out");
        give_borrowed(out, out_len, account_at(report, index).owner);
    });
}

kare_status kare_report_account_placement(int32_t* out, const kare_report* report, size_t index)
{
    return guard([&] {
        require(out, "out");
        *out = placement_code(account_at(report, index).outcome.result);
    });
}

kare_status kare_report_account_basis(const char** out, const kare_report* report, size_t index)
{
    return guard([&] {
        require(out, "out");
        *out = kare::to_string(account_at(report, index).outcome.basis).data();
    });
}

kare_status kare_report_account_candidates(uint32_t* out, const kare_report* report, size_t index)
{
    return guard([&] {
        require(out, "out");
        uint32_t bits = 0;
        for (kare::category c : account_at(report, index).outcome.candidates)
            bits |= 1u << static_cast<unsigned>(c);
        *out = bits;
    });
}

kare_status kare_report_account_failed_criteria(size_t* out, const kare_report* report,
                                                size_t index, int32_t category)
{
    return guard([&] {
        require(out, "out");
        const kare::account_result& a = account_at(report, index);
        if (category < KARE_PLACEMENT_KEEP || category > KARE_PLACEMENT_EXPAND)
            throw bad_argument("category " + std::to_string(category) +
                               " is not one of KARE_PLACEMENT_KEEP..KARE_PLACEMENT_EXPAND");
        const auto& outcome = a.outcome.profiles[static_cast<std::size_t>(category)];
        if (!outcome)
            throw kare::error(kare::errc::not_found,
                              std::string("the plan has no ") + kare_placement_str(category) +
                                  " profile");
        *out = failed_leaves(*outcome);
    });
}

kare_status kare_report_finding_severity(const char** out, const kare_report* report,
                                         size_t index)
{
    return guard([&] {
        require(out, "out");
        *out = kare::to_string(finding_at(report, index).severity).data();
    });
}

kare_status kare_report_finding_subject(const char** out_kind, const char** out_id,
                                        const kare_report* report, size_t index)
{
    return guard([&] {
        const kare::finding& f = finding_at(report, index);
        if (out_kind)
            *out_kind = kare::to_string(f.subject).data();
        if (out_id)
            *out_id = f.subject_id.c_str();
    });
}

kare_status kare_report_finding_message(const char** out, size_t* out_len,
                                        const kare_report* report, size_t index)
{
    return guard([&] {
        require(out, "out");
        give_borrowed(out, out_len, finding_at(report, index).message);
    });
}

kare_status kare_report_finding_figures_json(char** out, size_t* out_len,
                                             const kare_report* report, size_t index)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        give_string(out, out_len, kare::write_figures(finding_at(report, index).figures));
    });
}

} // extern "C"
