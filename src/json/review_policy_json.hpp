// The review policy and the product catalogue in the plan document;
// plan_reader.cpp and plan_writer.cpp call these at the matching keys.
#ifndef KARE_SRC_REVIEW_POLICY_JSON_HPP
#define KARE_SRC_REVIEW_POLICY_JSON_HPP

#include "document_reader.hpp"

#include <kare/product.hpp>
#include <kare/review_policy.hpp>

#include <boost/json.hpp>

#include <cstddef>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// The value at `policy.review`; the caller has entered `policy`.
review_policy read_review_policy(document_reader& in, const boost::json::value& v,
                                 std::size_t max_items);

/// The value at `products`; the caller has entered the key.
std::vector<product> read_products(document_reader& in, const boost::json::value& v,
                                   std::size_t max_items);

/// `policy.review` as written in the canonical document.
boost::json::object review_policy_json(const review_policy& policy);

/// `products` as written in the canonical document.
boost::json::array products_json(const std::vector<product>& catalogue);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
