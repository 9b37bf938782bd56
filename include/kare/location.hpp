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
    enum class kind : unsigned char {
        key,   ///< A key of an object (`amount`).
        index, ///< A position in a list (`[3]`).
    };
    kind what = kind::key; ///< A key or a position.
    std::string key;       ///< The key, for `kind::key`.
    std::size_t index = 0; ///< The position, from 0, for `kind::index`.
    std::string id;        ///< The id of the record at that position, or empty.

    /// Equal when every member is equal.
    /// @param a a step
    /// @param b another step
    /// @return whether they name the same step with the same id
    friend bool operator==(const location_segment& a, const location_segment& b) = default;
};

/// Where in a plan something is, as a list of steps from the plan down:
/// `deals`, position 3 (the deal `D-104`), `amount`. The engine names places
/// this way and never spells a path; `to_path` renders one in the document's
/// syntax (`deals[3].amount`), `to_labelled_path` adds the ids a person looks
/// for (`deals[3] (D-104).amount`).
class location {
public:
    /// The plan itself: no step.
    location() = default;

    /// This location followed by `name`.
    /// @param name a key, e.g. `amount`
    /// @return a new location, one step longer
    [[nodiscard]] location key(std::string_view name) const&
    {
        location out = with_room(1);
        out.push_key(name);
        return out;
    }
    /// This location, consumed, followed by `name`.
    /// @param name a key, e.g. `amount`
    /// @return this location, one step longer
    [[nodiscard]] location key(std::string_view name) &&
    {
        push_key(name);
        return std::move(*this);
    }
    /// This location followed by position `i`, whose record has id `id`.
    /// @param i a position in a list, from 0
    /// @param id the id of the record there; empty when it has none or it is unknown
    /// @return a new location, one step longer
    [[nodiscard]] location at(std::size_t i, std::string_view id = {}) const&
    {
        location out = with_room(1);
        out.push_index(i, id);
        return out;
    }
    /// This location, consumed, followed by position `i` (id `id`).
    /// @param i a position in a list, from 0
    /// @param id the id of the record there, or empty
    /// @return this location, one step longer
    [[nodiscard]] location at(std::size_t i, std::string_view id = {}) &&
    {
        push_index(i, id);
        return std::move(*this);
    }
    /// The record `list[i]` under this location.
    /// @param list the key of the list, e.g. `deals`
    /// @param i a position in it, from 0
    /// @param id the id of the record there, or empty
    /// @return a new location, two steps longer
    [[nodiscard]] location item(std::string_view list, std::size_t i, std::string_view id = {}) const
    {
        location out = with_room(2);
        out.push_key(list);
        out.push_index(i, id);
        return out;
    }
    /// This location followed by every step of `rest`: a place named inside a
    /// record, put under where the record is.
    /// @param rest a location relative to this one
    /// @return a new location
    [[nodiscard]] location then(const location& rest) const
    {
        location out(*this);
        out.segments_.insert(out.segments_.end(), rest.segments_.begin(), rest.segments_.end());
        return out;
    }

    /// Appends a key.
    /// @param name the key
    void push_key(std::string_view name)
    {
        // Built in place: a std::string moved into the vector made GCC 12 at
        // -O3 warn of a copy that cannot happen (-Wstringop-overread).
        location_segment& s = segments_.emplace_back();
        s.key.assign(name.data(), name.size());
    }
    /// Appends a position.
    /// @param i the position, from 0
    /// @param id the id of its record, or empty
    void push_index(std::size_t i, std::string_view id = {})
    {
        location_segment& s = segments_.emplace_back();
        s.what = location_segment::kind::index;
        s.index = i;
        s.id.assign(id.data(), id.size());
    }
    /// Removes the last step; nothing when empty.
    void pop() noexcept
    {
        if (!segments_.empty())
            segments_.pop_back();
    }
    /// Names the record at the last step, which must be a position (nothing
    /// happens otherwise).
    /// @param id the record's id
    void label(std::string_view id)
    {
        if (!segments_.empty() && segments_.back().what == location_segment::kind::index)
            segments_.back().id.assign(id.data(), id.size());
    }

    /// The steps, from the plan down.
    /// @return the steps; empty for the plan itself
    const std::vector<location_segment>& segments() const noexcept { return segments_; }
    /// Whether the location names no place.
    /// @return true when it has no step
    bool empty() const noexcept { return segments_.empty(); }

    /// Equal when the steps are.
    /// @param a a location
    /// @param b another location
    /// @return whether their steps, ids included, are equal
    friend bool operator==(const location& a, const location& b) = default;

private:
    // A copy with room for `more` steps: one allocation where a copy then a
    // longer vector would take two.
    location with_room(std::size_t more) const
    {
        location out;
        out.segments_.reserve(segments_.size() + more);
        out.segments_.assign(segments_.begin(), segments_.end());
        return out;
    }

    std::vector<location_segment> segments_;
};

/// The location in the plan document's path syntax: keys joined by `.`,
/// positions in brackets. This is what `error::path()` and the C API's
/// `kare_error_path` report.
/// @param where a location
/// @return e.g. `accounts[11].attributes.mood`; empty for an empty location
std::string to_path(const location& where);

/// As `to_path`, with the id of each record after its position: what a
/// person reads (the `kare` tool, `kare_error_labelled_path`, Python's
/// `Error.labelled_path`).
/// @param where a location
/// @return e.g. `accounts[11] (LMN-012).attributes.mood`; empty for an empty location
std::string to_labelled_path(const location& where);

} // namespace v1
} // namespace kare

#endif
