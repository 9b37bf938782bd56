// kare_plan_*: loading, saving, accessors and whole accounts.
#include "codes.hpp"
#include "firewall.hpp"
#include "read_options.hpp"
#include "streamed_text.hpp"
#include "../../src/io/atomic_file.hpp"
#include "../../src/io/read_file.hpp"

#include <kare/classify.hpp>
#include <kare/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <ostream>

using namespace kare::capi;

namespace {

kare_status load_into(kare_plan** out, std::string_view json, const kare::read_limits& limits)
{
    auto handle = std::make_unique<kare_plan>();
    handle->plan = kare::read_plan(json, limits);
    *out = handle.release();
    return KARE_OK;
}

// A file path: passed to the system as it is (not checked as UTF-8), but a
// NUL byte inside the counted length would cut it short.
std::string path_arg(const char* path, size_t path_len)
{
    return std::string(text(path, path_len, "path", text_kind::document));
}

void load_file_into(kare_plan** out, const std::string& path, const kare::read_limits& limits)
{
    // The size is checked before a byte is read; only regular files are read.
    const std::string contents = kare::io::read_file(path, limits.max_document_bytes);
    load_into(out, contents, limits);
}

} // namespace

extern "C" {

kare_status kare_plan_load(kare_plan** out, const char* json, size_t json_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        load_into(out, text(json, json_len, "json", text_kind::document), {});
    });
}

kare_status kare_plan_load_with_options(kare_plan** out, const char* json, size_t json_len,
                                        const kare_read_options* options)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        const kare::read_limits limits = limits_arg(options);
        load_into(out, text(json, json_len, "json", text_kind::document), limits);
    });
}

kare_status kare_plan_load_file(kare_plan** out, const char* path)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        load_file_into(out, path_arg(path, KARE_NUL_TERMINATED), {});
    });
}

kare_status kare_plan_load_file_with_options(kare_plan** out, const char* path,
                                             const kare_read_options* options)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        load_file_into(out, path_arg(path, KARE_NUL_TERMINATED), limits_arg(options));
    });
}

kare_status kare_plan_load_file_v2(kare_plan** out, const char* path, size_t path_len,
                                   const kare_read_options* options)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        const std::string file = path_arg(path, path_len);
        load_file_into(out, file, limits_arg(options));
    });
}

kare_status kare_read_options_init(kare_read_options* options, uint32_t version)
{
    return guard([&] {
        require(options, "options");
        check_options_version(version, KARE_READ_OPTIONS_VERSION, "version");
        *options = kare_read_options{};
        options->version = version;
    });
}

void kare_plan_free(kare_plan* plan)
{
    if (may_free(plan))
        delete plan;
}

kare_status kare_plan_to_json(char** out, size_t* out_len, const kare_plan* plan)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        std::shared_lock read(plan->lock);
        give_streamed(out, out_len, [&](std::ostream& stream) { kare::write_plan(plan->plan, stream); });
    });
}

kare_status kare_plan_account_count(size_t* out, const kare_plan* plan)
{
    return guard([&] {
        require(out, "out");
        require(plan, "plan");
        std::shared_lock read(plan->lock);
        *out = plan->plan.accounts().size();
    });
}

kare_status kare_plan_rep_count(size_t* out, const kare_plan* plan)
{
    return guard([&] {
        require(out, "out");
        require(plan, "plan");
        std::shared_lock read(plan->lock);
        *out = plan->plan.reps().size();
    });
}

kare_status kare_plan_account_placement(int32_t* out, const kare_plan* plan,
                                        const char* account_id, size_t id_len)
{
    return guard([&] {
        require(out, "out");
        require(plan, "plan");
        const auto id = text(account_id, id_len, "account_id", text_kind::name);
        std::shared_lock read(plan->lock);
        const auto index = plan->plan.account_index(id);
        if (!index)
            throw kare::error(kare::errc::not_found,
                              "no account has the id '" + std::string(id) + "'");
        // The plan keeps every verdict current: no evaluation here.
        *out = placement_code(plan->plan.placement_of(*index).result);
    });
}

kare_status kare_plan_placements(char** out, size_t* out_len, size_t* out_count,
                                 const kare_plan* plan, const char* rep)
{
    return kare_plan_placements_v2(out, out_len, out_count, plan, rep, KARE_NUL_TERMINATED);
}

kare_status kare_plan_placements_v2(char** out, size_t* out_len, size_t* out_count,
                                    const kare_plan* plan, const char* rep, size_t rep_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(out_count, "out_count");
        require(plan, "plan");
        const std::string owner = optional_text(rep, rep_len, "rep", text_kind::name);
        std::shared_lock read(plan->lock);
        const kare::plan& p = plan->plan;
        if (!owner.empty() && !p.find_rep(owner))
            throw kare::error(kare::errc::not_found, "no rep has the id '" + owner + "'");
        const auto& accounts = p.accounts();
        const auto in_scope = [&](const kare::account& a) {
            return owner.empty() || a.owner == owner;
        };
        // One allocation sized up front: a byte per account, then the ids.
        std::size_t count = 0;
        std::size_t id_bytes = 0;
        for (const auto& a : accounts) {
            if (in_scope(a)) {
                ++count;
                id_bytes += a.id.size() + 1;
            }
        }
        const std::size_t size = count + id_bytes;
        char* buffer = static_cast<char*>(std::malloc(size + 1));
        if (!buffer)
            throw std::bad_alloc();
        char* code = buffer;
        char* id = buffer + count;
        for (std::size_t i = 0; i < accounts.size(); ++i) {
            const auto& a = accounts[i];
            if (!in_scope(a))
                continue;
            // The plan keeps every verdict current: no evaluation here.
            *code++ = static_cast<char>(placement_code(p.placement_of(i).result));
            std::memcpy(id, a.id.data(), a.id.size());
            id += a.id.size();
            *id++ = '\0';
        }
        buffer[size] = '\0';
        *out = buffer;
        *out_count = count;
        if (out_len)
            *out_len = size;
    });
}

kare_status kare_plan_replace_sections(kare_plan* plan, const char* json, size_t json_len)
{
    return write_document(plan, json, json_len, [](kare::plan& p, std::string_view doc) {
        p = kare::replace_sections(p, doc); // built whole, then moved in: no half change
    });
}

kare_status kare_plan_add_rep(kare_plan* plan, const char* json, size_t json_len)
{
    return write_document(plan, json, json_len, [](kare::plan& p, std::string_view doc) {
        p.add_rep(kare::read_rep(doc, p));
    });
}

kare_status kare_plan_add_account(kare_plan* plan, const char* json, size_t json_len)
{
    return write_document(plan, json, json_len, [](kare::plan& p, std::string_view doc) {
        p.add_account(kare::read_account(doc, p));
    });
}

kare_status kare_plan_save_file(const kare_plan* plan, const char* path)
{
    return kare_plan_save_file_v2(plan, path, KARE_NUL_TERMINATED);
}

kare_status kare_plan_save_file_v2(const kare_plan* plan, const char* path, size_t path_len)
{
    return guard([&] {
        require(plan, "plan");
        const std::string file = path_arg(path, path_len);
        kare::io::staged_stream staged(file);
        {
            std::shared_lock read(plan->lock);
            kare::write_plan(plan->plan, staged.stream());
        }
        // Outside the lock: writers of the plan need not wait for the sync to disk.
        staged.commit();
    });
}

kare_status kare_plan_replace_account(kare_plan* plan, const char* json, size_t json_len)
{
    return write_document(plan, json, json_len, [](kare::plan& p, std::string_view doc) {
        p.replace_account(kare::read_account(doc, p));
    });
}

kare_status kare_plan_remove_account(kare_plan* plan, const char* account_id, size_t id_len)
{
    return guard([&] {
        require(plan, "plan");
        const auto id = text(account_id, id_len, "account_id", text_kind::name);
        std::unique_lock write(plan->lock);
        plan->plan.remove_account(id);
    });
}

} // extern "C"
