// Versions, status names, the last-error record and string ownership.
#include "firewall.hpp"

#include <kare/version.hpp>

#include <cstdlib>

static_assert(KARE_C_VERSION_NUMBER == KARE_VERSION_NUMBER,
              "kare.h and kare/version.hpp disagree on the version");

namespace kare::capi {

namespace {

// The last error, per thread: libgit2's model. Owned here, valid until the
// thread's next kare call.
struct last_error {
    kare_status code = KARE_OK;
    std::string message;
    std::string path;
    std::string labelled_path;
    const char* fallback = nullptr; // used when copying the message failed
};

last_error& thread_error() noexcept
{
    thread_local last_error record;
    return record;
}

} // namespace

void set_error(kare_status code, const char* message, const char* path) noexcept
{
    last_error& e = thread_error();
    e.code = code;
    try {
        e.message = message;
        e.path = path;
        e.labelled_path = path;
        e.fallback = nullptr;
    } catch (...) {
        e.message.clear();
        e.path.clear();
        e.labelled_path.clear();
        e.fallback = "out of memory while recording an error";
    }
}

void set_error(kare_status code, const error& failure) noexcept
{
    last_error& e = thread_error();
    e.code = code;
    try {
        e.message = failure.what();
        e.path = failure.path();
        e.labelled_path = failure.labelled_path();
        e.fallback = nullptr;
    } catch (...) {
        e.message.clear();
        e.path.clear();
        e.labelled_path.clear();
        e.fallback = "out of memory while recording an error";
    }
}

void clear_error() noexcept
{
    last_error& e = thread_error();
    e.code = KARE_OK;
    e.message.clear();
    e.path.clear();
    e.labelled_path.clear();
    e.fallback = nullptr;
}

kare_status status_of(errc code) noexcept
{
    return -static_cast<kare_status>(code);
}

void give_string(char** out, std::size_t* out_len, const std::string& text)
{
    char* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (!copy)
        throw std::bad_alloc();
    std::memcpy(copy, text.data(), text.size());
    copy[text.size()] = '\0';
    *out = copy;
    if (out_len)
        *out_len = text.size();
}

} // namespace kare::capi

using namespace kare::capi;

extern "C" {

uint32_t kare_version_number(void)
{
    return KARE_VERSION_NUMBER;
}

const char* kare_version_string(void)
{
#define KARE_STR2(x) #x
#define KARE_STR(x) KARE_STR2(x)
    return KARE_STR(KARE_VERSION_MAJOR) "." KARE_STR(KARE_VERSION_MINOR) "." KARE_STR(
        KARE_VERSION_PATCH);
#undef KARE_STR
#undef KARE_STR2
}

uint32_t kare_abi_version(void)
{
    return KARE_C_ABI_VERSION;
}

const char* kare_status_str(kare_status status)
{
    if (status == KARE_ERROR_MISUSE)
        return "misuse";
    if (status > 0 || status < KARE_ERROR_INTERNAL)
        return "unknown";
    return kare::to_string(static_cast<kare::errc>(-status)).data();
}

const char* kare_placement_str(int32_t placement)
{
    switch (placement) {
    case KARE_PLACEMENT_KEEP: return "keep";
    case KARE_PLACEMENT_ATTAIN: return "attain";
    case KARE_PLACEMENT_RECAPTURE: return "recapture";
    case KARE_PLACEMENT_EXPAND: return "expand";
    case KARE_PLACEMENT_FIRED: return "fired";
    case KARE_PLACEMENT_UNASSIGNED: return "unassigned";
    case KARE_PLACEMENT_OPEN: return "open";
    default: return "unknown";
    }
}

const char* kare_honesty_str(int32_t state)
{
    switch (state) {
    case KARE_HONESTY_DEAD: return "dead";
    case KARE_HONESTY_UNQUALIFIED: return "unqualified";
    case KARE_HONESTY_STALLED: return "stalled";
    case KARE_HONESTY_QUALIFIED: return "qualified";
    case KARE_HONESTY_CLOSED: return "closed";
    default: return "unknown";
    }
}

const char* kare_outcome_str(int32_t outcome)
{
    switch (outcome) {
    case KARE_OUTCOME_OPEN: return "open";
    case KARE_OUTCOME_WON: return "won";
    case KARE_OUTCOME_LOST: return "lost";
    default: return "unknown";
    }
}

kare_status kare_error_code(void)
{
    return thread_error().code;
}

const char* kare_error_message(void)
{
    const last_error& e = thread_error();
    return e.fallback ? e.fallback : e.message.c_str();
}

const char* kare_error_path(void)
{
    return thread_error().path.c_str();
}

const char* kare_error_labelled_path(void)
{
    return thread_error().labelled_path.c_str();
}

void kare_error_clear(void)
{
    clear_error();
}

void kare_string_free(char* text)
{
    std::free(text);
}

} // extern "C"
