// The product heat map: what each client buys and does not buy.
#include "review_context.hpp"

#include <kare/plan.hpp>
#include <kare/whitespace.hpp>

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace kare {
inline namespace v1 {

namespace detail {

heat_map heat_map_of(const plan& p, std::string_view rep, const std::vector<placement>& placements)
{
    heat_map map;
    map.products = p.products();
    map.buyers.assign(map.products.size(), 0);
    if (map.products.empty())
        return map;
    std::vector<heat_map_row> keep;
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        const account& a = p.accounts()[i];
        if (!rep.empty() && a.owner != rep)
            continue;
        const placement where = placements[i];
        if (!where.is_assigned() ||
            (where.cat() != category::expand && where.cat() != category::keep))
            continue;
        heat_map_row row;
        row.id = a.id;
        row.name = a.name;
        row.owner = a.owner;
        row.cat = where.cat();
        row.recorded = !a.products.empty();
        row.bought.reserve(map.products.size());
        // An account may buy much of a large catalogue: look its products up
        // by hash, or the map costs catalogue x bought per account.
        std::unordered_set<std::string_view> owned;
        if (a.products.size() > 16)
            owned.insert(a.products.begin(), a.products.end());
        for (std::size_t k = 0; k < map.products.size(); ++k) {
            const bool buys = owned.empty()
                                  ? std::find(a.products.begin(), a.products.end(),
                                              map.products[k].id) != a.products.end()
                                  : owned.count(map.products[k].id) != 0;
            row.bought.push_back(buys);
            if (buys)
                ++map.buyers[k];
            else
                row.whitespace.push_back(map.products[k].id);
        }
        (row.cat == category::expand ? map.rows : keep).push_back(std::move(row));
    }
    map.rows.insert(map.rows.end(), std::make_move_iterator(keep.begin()),
                    std::make_move_iterator(keep.end()));
    return map;
}

} // namespace detail

heat_map make_heat_map(const plan& p, std::string_view rep)
{
    detail::require_rep(p, rep);
    return detail::heat_map_of(p, rep, detail::placements_in_scope(p, rep));
}

} // namespace v1
} // namespace kare
