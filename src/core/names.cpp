// Names of the small enumerations, as they appear in documents.
#include <kare/account.hpp>
#include <kare/deal.hpp>
#include <kare/rep.hpp>

#include <array>

namespace kare {
inline namespace v1 {

namespace {
constexpr std::array<std::string_view, 3> relationship_names{"prospect", "client",
                                                             "former_client"};
constexpr std::array<std::string_view, 3> rep_style_names{"hunter", "farmer", "both"};
constexpr std::array<std::string_view, 3> deal_outcome_names{"open", "won", "lost"};
constexpr std::array<std::string_view, 4> honesty_state_names{"dead", "unqualified", "stalled",
                                                              "qualified"};

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view name)
{
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name)
            return static_cast<Enum>(i);
    return std::nullopt;
}
} // namespace

std::string_view to_string(relationship r) noexcept
{
    return relationship_names[static_cast<std::size_t>(r)];
}

std::optional<relationship> relationship_from_string(std::string_view name) noexcept
{
    return lookup<relationship>(relationship_names, name);
}

std::string_view to_string(rep_style s) noexcept
{
    return rep_style_names[static_cast<std::size_t>(s)];
}

std::optional<rep_style> rep_style_from_string(std::string_view name) noexcept
{
    return lookup<rep_style>(rep_style_names, name);
}

std::string_view to_string(deal_outcome o) noexcept
{
    return deal_outcome_names[static_cast<std::size_t>(o)];
}

std::optional<deal_outcome> deal_outcome_from_string(std::string_view name) noexcept
{
    return lookup<deal_outcome>(deal_outcome_names, name);
}

std::string_view to_string(honesty_state s) noexcept
{
    return honesty_state_names[static_cast<std::size_t>(s)];
}

std::optional<honesty_state> honesty_state_from_string(std::string_view name) noexcept
{
    return lookup<honesty_state>(honesty_state_names, name);
}

} // namespace v1
} // namespace kare
