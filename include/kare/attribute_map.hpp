/// @file
/// @brief An account's attribute values by field name, in one sorted block.
#ifndef KARE_ATTRIBUTE_MAP_HPP
#define KARE_ATTRIBUTE_MAP_HPP

#include <kare/value.hpp>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace kare {
inline namespace v1 {

/// Attribute values by field name, sorted by name so documents are canonical.
///
/// The interface is the part of `std::map<std::string, value>` accounts use
/// (find, `operator[]`, emplace, erase, iteration in key order); the storage
/// is one sorted vector, since an account holds a handful of attributes and a
/// plan holds millions of accounts: a tree node per value cost more than the
/// value. Inserting or erasing invalidates iterators and references. Keys
/// must not be changed through an iterator.
class attribute_map {
public:
    using key_type = std::string;                      ///< Field names.
    using mapped_type = value;                         ///< Attribute values.
    using value_type = std::pair<std::string, value>;  ///< One attribute.
    using size_type = std::size_t;                     ///< Counts.
    using iterator = value_type*;                      ///< In key order.
    using const_iterator = const value_type*;          ///< In key order.

    /// No attributes.
    attribute_map() = default;
    /// The attributes listed; a repeated name keeps its first value, as
    /// `std::map` does.
    /// @param init name and value pairs, in any order
    attribute_map(std::initializer_list<value_type> init)
    {
        entries_.reserve(init.size());
        for (const auto& e : init)
            emplace(e.first, e.second);
    }

    /// The attributes in `entries`, sorted once: building a large map this
    /// way costs n log n where inserting one by one out of order costs n^2.
    /// A repeated name keeps its first value.
    /// @param entries name and value pairs, in any order
    explicit attribute_map(std::vector<value_type> entries) : entries_(std::move(entries))
    {
        const auto by_name = [](const value_type& a, const value_type& b) { return a.first < b.first; };
        if (!std::is_sorted(entries_.begin(), entries_.end(), by_name))
            std::stable_sort(entries_.begin(), entries_.end(), by_name);
        const auto same_name = [](const value_type& a, const value_type& b) { return a.first == b.first; };
        entries_.erase(std::unique(entries_.begin(), entries_.end(), same_name), entries_.end());
    }

    /// @return the first attribute in name order
    iterator begin() noexcept { return entries_.data(); }
    /// @return past the last attribute
    iterator end() noexcept { return entries_.data() + entries_.size(); }
    /// @return the first attribute in name order
    const_iterator begin() const noexcept { return entries_.data(); }
    /// @return past the last attribute
    const_iterator end() const noexcept { return entries_.data() + entries_.size(); }
    /// @return the first attribute in name order
    const_iterator cbegin() const noexcept { return begin(); }
    /// @return past the last attribute
    const_iterator cend() const noexcept { return end(); }

    /// @return whether there are no attributes
    bool empty() const noexcept { return entries_.empty(); }
    /// @return how many attributes there are
    size_type size() const noexcept { return entries_.size(); }
    /// Makes room for `n` attributes in one allocation.
    /// @param n the number of attributes expected
    void reserve(size_type n) { entries_.reserve(n); }
    /// Removes every attribute.
    void clear() noexcept { entries_.clear(); }

    /// The first attribute whose name is not before `key`.
    /// @param key a field name
    /// @return its position, or `end()`
    iterator lower_bound(std::string_view key) noexcept
    {
        return std::lower_bound(begin(), end(), key,
                                [](const value_type& e, std::string_view k) { return e.first < k; });
    }
    /// The first attribute whose name is not before `key`.
    /// @param key a field name
    /// @return its position, or `end()`
    const_iterator lower_bound(std::string_view key) const noexcept
    {
        return const_cast<attribute_map*>(this)->lower_bound(key);
    }

    /// The attribute named `key`.
    /// @param key a field name
    /// @return its position, or `end()`
    iterator find(std::string_view key) noexcept
    {
        auto it = lower_bound(key);
        return it != end() && it->first == key ? it : end();
    }
    /// The attribute named `key`.
    /// @param key a field name
    /// @return its position, or `end()`
    const_iterator find(std::string_view key) const noexcept
    {
        return const_cast<attribute_map*>(this)->find(key);
    }
    /// @param key a field name
    /// @return 1 when the attribute is present, else 0
    size_type count(std::string_view key) const noexcept { return find(key) != end() ? 1 : 0; }
    /// @param key a field name
    /// @return whether the attribute is present
    bool contains(std::string_view key) const noexcept { return find(key) != end(); }

    /// The value of `key`.
    /// @throws std::out_of_range when it is absent
    /// @param key a field name
    /// @return its value
    value& at(std::string_view key)
    {
        auto it = find(key);
        if (it == end())
            throw std::out_of_range("no attribute named '" + std::string(key) + "'");
        return it->second;
    }
    /// The value of `key`.
    /// @throws std::out_of_range when it is absent
    /// @param key a field name
    /// @return its value
    const value& at(std::string_view key) const { return const_cast<attribute_map*>(this)->at(key); }

    /// The value of `key`, inserted as `0.0` (a default `value`) when absent.
    /// @param key a field name
    /// @return its value
    value& operator[](std::string_view key) { return try_emplace(key).first->second; }

    /// Inserts `key` with a value built from `args` unless it is present.
    /// @param key a field name
    /// @param args what the value is built from
    /// @return the attribute's position, and whether it was inserted
    template <class... Args>
    std::pair<iterator, bool> try_emplace(std::string_view key, Args&&... args)
    {
        auto it = lower_bound(key);
        if (it != end() && it->first == key)
            return {it, false};
        const auto at = it - begin();
        entries_.emplace(entries_.begin() + at, std::piecewise_construct,
                         std::forward_as_tuple(key), std::forward_as_tuple(std::forward<Args>(args)...));
        return {begin() + at, true};
    }
    /// Inserts `key` with value `v` unless it is present.
    /// @param key a field name
    /// @param v its value
    /// @return the attribute's position, and whether it was inserted
    template <class V>
    std::pair<iterator, bool> emplace(std::string_view key, V&& v)
    {
        return try_emplace(key, std::forward<V>(v));
    }
    /// Inserts `e` unless its name is present.
    /// @param e a name and value
    /// @return the attribute's position, and whether it was inserted
    std::pair<iterator, bool> insert(value_type e)
    {
        return try_emplace(e.first, std::move(e.second));
    }
    /// Sets `key` to `v`, inserting it when absent.
    /// @param key a field name
    /// @param v its value
    /// @return the attribute's position, and whether it was inserted
    template <class V>
    std::pair<iterator, bool> insert_or_assign(std::string_view key, V&& v)
    {
        auto r = try_emplace(key, std::forward<V>(v));
        if (!r.second)
            r.first->second = std::forward<V>(v);
        return r;
    }

    /// Removes the attribute named `key`.
    /// @param key a field name
    /// @return 1 when it was present, else 0
    size_type erase(std::string_view key)
    {
        auto it = find(key);
        if (it == end())
            return 0;
        erase(it);
        return 1;
    }
    /// Removes the attribute at `pos`.
    /// @param pos a valid position
    /// @return the position of the attribute after it
    iterator erase(const_iterator pos)
    {
        const auto at = pos - begin();
        entries_.erase(entries_.begin() + at);
        return begin() + at;
    }

    /// Equal when they hold the same names with equal values.
    friend bool operator==(const attribute_map&, const attribute_map&) = default;

private:
    std::vector<value_type> entries_; // sorted by name, names unique
};

} // namespace v1
} // namespace kare

#endif
