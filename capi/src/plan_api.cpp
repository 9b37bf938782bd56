// kare_plan_*: loading, saving, accessors and the assignment ledger.
#include "firewall.hpp"

#include <kare/classify.hpp>
#include <kare/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>

using namespace kare::capi;

namespace {

int32_t placement_code(kare::placement p) noexcept
{
    switch (p.what()) {
    case kare::placement::kind::assigned: return static_cast<int32_t>(p.cat());
    case kare::placement::kind::fired: return KARE_PLACEMENT_FIRED;
    case kare::placement::kind::unassigned: return KARE_PLACEMENT_UNASSIGNED;
    case kare::placement::kind::open: return KARE_PLACEMENT_OPEN;
    }
    return KARE_PLACEMENT_OPEN;
}

kare::placement placement_arg(int32_t code)
{
    if (code >= KARE_PLACEMENT_KEEP && code <= KARE_PLACEMENT_EXPAND)
        return kare::placement::in(static_cast<kare::category>(code));
    switch (code) {
    case KARE_PLACEMENT_FIRED: return kare::placement::fired();
    case KARE_PLACEMENT_UNASSIGNED: return kare::placement::unassigned();
    case KARE_PLACEMENT_OPEN: return kare::placement();
    default: throw bad_argument("unknown placement code " + std::to_string(code));
    }
}

// A temporary name of its own for each save: two saves to one path, from two
// threads or two processes, must not write into the same file.
std::filesystem::path temporary_beside(const std::filesystem::path& target)
{
    std::random_device entropy;
    const std::uint64_t tag = (std::uint64_t{entropy()} << 32) ^ entropy();
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".kare-tmp-%016llx",
                  static_cast<unsigned long long>(tag));
    std::filesystem::path temporary = target;
    temporary += suffix;
    return temporary;
}

kare_status load_into(kare_plan** out, std::string_view json)
{
    auto handle = std::make_unique<kare_plan>();
    handle->plan = kare::read_plan(json);
    *out = handle.release();
    return KARE_OK;
}

} // namespace

extern "C" {

kare_status kare_plan_load(kare_plan** out, const char* json, size_t json_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        load_into(out, text(json, json_len, "json"));
    });
}

kare_status kare_plan_load_file(kare_plan** out, const char* path)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(path, "path");
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            throw kare::error(kare::errc::io_error,
                              std::string("'") + path + "' is not a readable file");
        std::ifstream file(path, std::ios::binary);
        if (!file)
            throw kare::error(kare::errc::io_error, std::string("cannot open '") + path + "'");
        std::ostringstream contents;
        contents << file.rdbuf();
        if (file.bad())
            throw kare::error(kare::errc::io_error, std::string("cannot read '") + path + "'");
        load_into(out, contents.str());
    });
}

void kare_plan_free(kare_plan* plan)
{
    delete plan;
}

kare_status kare_plan_to_json(char** out, size_t* out_len, const kare_plan* plan)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        std::shared_lock read(plan->lock);
        give_string(out, out_len, kare::write_plan(plan->plan));
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
        const auto id = text(account_id, id_len, "account_id");
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
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(out_count, "out_count");
        require(plan, "plan");
        const std::string owner = optional_text(rep);
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

kare_status kare_plan_assign(kare_plan* plan, const char* account_id, int32_t category,
                             const char* on, const char* reason)
{
    return guard([&] {
        require(plan, "plan");
        const auto id = text(account_id, KARE_NUL_TERMINATED, "account_id");
        if (category < KARE_PLACEMENT_KEEP || category > KARE_PLACEMENT_EXPAND)
            throw bad_argument("category " + std::to_string(category) +
                               " is not one of KARE_PLACEMENT_KEEP..KARE_PLACEMENT_EXPAND");
        const kare::date day = date_arg(on, "on");
        std::unique_lock write(plan->lock);
        plan->plan.assign(id, static_cast<kare::category>(category), day, optional_text(reason));
    });
}

kare_status kare_plan_move(kare_plan* plan, const char* account_id, int32_t placement,
                           const char* on, const char* reason)
{
    return guard([&] {
        require(plan, "plan");
        const auto id = text(account_id, KARE_NUL_TERMINATED, "account_id");
        const kare::placement to = placement_arg(placement);
        const kare::date day = date_arg(on, "on");
        std::unique_lock write(plan->lock);
        plan->plan.move(id, to, day, optional_text(reason));
    });
}

kare_status kare_plan_fire(kare_plan* plan, const char* account_id, const char* on,
                           const char* reason, const char* action)
{
    return guard([&] {
        require(plan, "plan");
        const auto id = text(account_id, KARE_NUL_TERMINATED, "account_id");
        const kare::date day = date_arg(on, "on");
        std::unique_lock write(plan->lock);
        plan->plan.fire(id, day, optional_text(reason), optional_text(action));
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
    return guard([&] {
        require(plan, "plan");
        require(path, "path");
        const std::filesystem::path target(path);
        if (target.filename().empty())
            throw kare::error(kare::errc::io_error,
                              std::string("'") + path + "' does not name a file");
        std::string text;
        {
            std::shared_lock read(plan->lock);
            text = kare::write_plan(plan->plan);
        }
        // Write beside the target, then rename: a reader never sees half a plan.
        const std::filesystem::path temporary = temporary_beside(target);
        std::error_code ec;
        {
            std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
            file << text;
            file.close();
            if (!file) {
                std::filesystem::remove(temporary, ec);
                throw kare::error(kare::errc::io_error, "cannot write '" + temporary.string() + "'");
            }
        }
        std::filesystem::rename(temporary, target, ec);
        if (ec) {
            std::filesystem::remove(temporary, ec);
            throw kare::error(kare::errc::io_error, std::string("cannot replace '") + path + "'");
        }
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
        const auto id = text(account_id, id_len, "account_id");
        std::unique_lock write(plan->lock);
        plan->plan.remove_account(id);
    });
}

} // extern "C"
