// The product catalogue: the list whitespace and heat maps are measured
// against.
#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>

#include <algorithm>
#include <set>

namespace kare {
inline namespace v1 {

const product* plan::find_product(std::string_view id) const noexcept
{
    auto it = std::find_if(products_.begin(), products_.end(),
                           [&](const product& p) { return p.id == id; });
    return it == products_.end() ? nullptr : &*it;
}

void plan::set_products(std::vector<product> catalogue)
{
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        const location where = location().item("products", i, catalogue[i].id);
        detail::check_id(catalogue[i].id, "the product id", where.key("id"));
        detail::check_name(catalogue[i].name, "the product name", where.key("name"), true);
        if (!ids.insert(catalogue[i].id).second)
            throw error(errc::invalid_plan,
                        "the product id '" + catalogue[i].id + "' is used twice", where.key("id"));
    }
    if (!ids.empty())
        for (std::size_t a = 0; a < accounts_.size(); ++a) {
            const auto& bought = accounts_[a].products;
            for (std::size_t k = 0; k < bought.size(); ++k)
                if (!ids.count(bought[k]))
                    throw error(errc::invalid_plan,
                                "the product '" + bought[k] + "' is not in the plan's catalogue",
                                location()
                                    .item("accounts", a, accounts_[a].id)
                                    .item("products", k));
        }
    products_ = std::move(catalogue);
    product_ids_.swap(ids);
}

} // namespace v1
} // namespace kare
