/// @file
/// @brief Where in a plan an error is: keys and list positions, as data.
#ifndef KARE_LOCATION_HPP
#define KARE_LOCATION_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kare {
inline namespace v1 {

/// One step of a `location`: a key of an object, or a position in a list,
/// optionally with the id of the record found there.
struct location_segment {
    /// Which of the two a step is.
    enum class kind : unsigned char { key, index };
    kind what = kind::key; ///< A key or a position.
    std::string key;       ///< The key, for `kind::key`.
    std::size_t index = 0; ///< The position, from 0, for `kind::index`.
    std::string id;        ///< The id of the record at that position, or empty.

    friend bool operator==(const location_segment&, const location_segment&) = default;
};

/// Where in a plan something is, as a list of steps from the plan down:
/// `deals`, position 3 (the deal `D-104`), `amount`. The engine names places
/// this way and never spells a path; `to_path` renders one in the document's
/// syntax (`deals[3].amount`), `to_labelled_path` adds the ids a person looks
/// for (`deals[3] (D-104).amount`).
class location {
public:
    location() = default;

    /// This location followed by `name`.
    [[nodiscard]] location key(std::string_view name) const&
    {
        location out(*this);
        out.push_key(name);
        return out;
    }
    [[nodiscard]] location key(std::string_view name) &&
    {
        push_key(name);
        return std::move(*this);
    }
    /// This location followed by position `i`, whose record has id `id`
    /// (empty when it has none or it is unknown).
    [[nodiscard]] location at(std::size_t i, std::string_view id = {}) const&
    {
        location out(*this);
        out.push_index(i, id);
        return out;
    }
    [[nodiscard]] location at(std::size_t i, std::string_view id = {}) &&
    {
        push_index(i, id);
        return std::move(*this);
    }
    /// `list` followed by position `i`: the record `list[i]`, with id `id`.
    [[nodiscard]] location item(std::string_view list, std::size_t i, std::string_view id = {}) const
    {
        return key(list).at(i, id);
    }

    /// Appends a key.
    void push_key(std::string_view name) { segments_.push_back({location_segment::kind::key, std::string(name), 0, {}}); }
    /// Appends a position, with the id of its record or empty.
    void push_index(std::size_t i, std::string_view id = {})
    {
        segments_.push_back({location_segment::kind::index, {}, i, std::string(id)});
    }
    /// Removes the last step; nothing when empty.
    void pop() noexcept
    {
        if (!segments_.empty())
            segments_.pop_back();
    }
    /// Names the record at the last position `id` (the last step must be a position).
    void label(std::string_view id)
    {
        if (!segments_.empty() && segments_.back().what == location_segment::kind::index)
            segments_.back().id = std::string(id);
    }

    /// The steps, from the plan down.
    const std::vector<location_segment>& segments() const noexcept { return segments_; }
    /// True when the location names no place.
    bool empty() const noexcept { return segments_.empty(); }

    friend bool operator==(const location&, const location&) = default;

private:
    std::vector<location_segment> segments_;
};

/// The location in the plan document's path syntax: keys joined by `.`,
/// positions in brackets (`accounts[11].attributes.mood`); empty for an empty
/// location. This is what `error::path()` and the C API's path report.
std::string to_path(const location& where);

/// As `to_path`, with the id of each record after its position
/// (`accounts[11] (LMN-012).attributes.mood`): what a person reads.
std::string to_labelled_path(const location& where);

} // namespace v1
} // namespace kare

#endif
