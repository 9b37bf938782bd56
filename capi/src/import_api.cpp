// kare_plan_import_csv and the shipped mappings: CRM exports into a plan.
#include "firewall.hpp"
#include "read_options.hpp"

#include <kare/import.hpp>

#include <mutex>
#include <type_traits>
#include <vector>

using namespace kare::capi;

namespace {

// The import commits by moving the new plan in after every allocation is
// done: the move must not fail half way.
static_assert(std::is_nothrow_move_assignable_v<kare::plan>);

// Errors in the mapping say so first: the files name themselves.
kare::import_mapping mapping_arg(std::string_view json)
{
    try {
        return kare::read_import_mapping(json);
    } catch (const kare::error& e) {
        throw kare::error(e.code(), e.what(),
                          e.path().empty() ? "mapping" : "mapping: " + e.path());
    }
}

// Either kind of file record: the first kind's name is NUL-terminated.
std::size_t name_length(const kare_csv_file&) { return KARE_NUL_TERMINATED; }
std::size_t name_length(const kare_csv_file_v2& file) { return file.name_len; }

template <typename File>
std::vector<kare::csv_source> files_arg(const File* files, size_t count)
{
    if (count > 0)
        require(files, "files");
    std::vector<kare::csv_source> sources;
    sources.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        const std::string at = "files[" + std::to_string(i) + "]";
        // The name is echoed in errors and the import report: checked as a name.
        const std::string name(
            text(files[i].name, name_length(files[i]), (at + ".name").c_str(), text_kind::name));
        const auto bytes = text(files[i].text, files[i].text_len, (at + ".text").c_str(),
                                 text_kind::document);
        sources.push_back(kare::csv_source{name, std::string(bytes)});
    }
    return sources;
}

template <typename File>
kare_status import(char** out, size_t* out_len, kare_plan* plan, const char* mapping,
                   size_t mapping_len, const File* files, size_t file_count, const char* as_of,
                   size_t as_of_len, const kare_read_options* options)
{
    return guard([&] {
        if (out)
            *out = nullptr;
        require(plan, "plan");
        const kare::import_limits limits = import_limits_arg(options);
        const kare::import_mapping parsed = mapping_arg(text(mapping, mapping_len, "mapping", text_kind::document));
        const std::vector<kare::csv_source> sources = files_arg(files, file_count);
        const kare::date day = date_arg(as_of, as_of_len, "as_of");

        // Exclusive for the whole import: a mutation between reading the
        // plan and replacing it would be lost.
        std::unique_lock write(plan->lock);
        kare::import_result result = kare::import_csv(plan->plan, parsed, sources, day, limits);
        char* report = nullptr;
        size_t report_len = 0;
        if (out)
            give_string(&report, &report_len, kare::write_import_report(result.report));
        plan->plan = std::move(result.plan);
        if (out) {
            *out = report;
            if (out_len)
                *out_len = report_len;
        }
    });
}

} // namespace

extern "C" {

kare_status kare_import_mapping_builtin(const char** out, size_t* out_len, const char* name)
{
    return kare_import_mapping_builtin_v2(out, out_len, name, KARE_NUL_TERMINATED);
}

kare_status kare_import_mapping_builtin_v2(const char** out, size_t* out_len, const char* name,
                                           size_t name_len)
{
    return guard([&] {
        require(out, "out");
        const std::string_view wanted = text(name, name_len, "name", text_kind::name);
        // The shipped documents are string literals: NUL-terminated, static.
        const std::string_view mapping = kare::builtin_mapping(wanted);
        if (mapping.empty())
            throw kare::error(kare::errc::not_found, "no mapping ships as '" + std::string(wanted) +
                                                         "'; the shipped ones are 'hubspot' and "
                                                         "'salesforce'");
        *out = mapping.data();
        if (out_len)
            *out_len = mapping.size();
    });
}

kare_status kare_plan_import_csv(char** out, size_t* out_len, kare_plan* plan,
                                 const char* mapping, size_t mapping_len,
                                 const kare_csv_file* files, size_t file_count, const char* as_of)
{
    return import(out, out_len, plan, mapping, mapping_len, files, file_count, as_of,
                  KARE_NUL_TERMINATED, nullptr);
}

kare_status kare_plan_import_csv_v2(char** out, size_t* out_len, kare_plan* plan,
                                    const char* mapping, size_t mapping_len,
                                    const kare_csv_file_v2* files, size_t file_count,
                                    const char* as_of, size_t as_of_len,
                                    const kare_read_options* options)
{
    return import(out, out_len, plan, mapping, mapping_len, files, file_count, as_of, as_of_len,
                  options);
}

} // extern "C"
