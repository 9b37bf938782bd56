// The flat attribute map behaves as the std::map it replaced: same lookups,
// same insertion rules, same order, under random sequences of changes.
#include <kare/attribute_map.hpp>

#include <boost/test/unit_test.hpp>

#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using reference_map = std::map<std::string, kare::value, std::less<>>;

bool same(const kare::attribute_map& flat, const reference_map& ref)
{
    if (flat.size() != ref.size() || flat.empty() != ref.empty())
        return false;
    auto r = ref.begin();
    for (const auto& [name, v] : flat) {
        if (name != r->first || !(v == r->second))
            return false;
        ++r;
    }
    return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(attribute_map)

BOOST_AUTO_TEST_CASE(random_changes_match_a_std_map)
{
    std::mt19937_64 rng(24);
    kare::attribute_map flat;
    reference_map ref;
    const auto name = [&] { return "f" + std::to_string(rng() % 40); };
    for (int step = 0; step < 5000; ++step) {
        const std::string key = name();
        const kare::value v = static_cast<double>(rng() % 1000);
        switch (rng() % 6) {
        case 0: {
            const auto a = flat.emplace(key, v);
            const auto b = ref.emplace(key, v);
            BOOST_TEST(a.second == b.second);
            BOOST_TEST(a.first->first == b.first->first);
            break;
        }
        case 1:
            flat[key] = v;
            ref[key] = v;
            break;
        case 2: BOOST_TEST(flat.erase(key) == ref.erase(key)); break;
        case 3: {
            const auto a = flat.find(key);
            const auto b = ref.find(key);
            BOOST_TEST((a == flat.end()) == (b == ref.end()));
            if (a != flat.end())
                BOOST_TEST((a->second == b->second));
            BOOST_TEST(flat.count(key) == ref.count(key));
            break;
        }
        case 4:
            flat.insert_or_assign(key, v);
            ref.insert_or_assign(key, v);
            break;
        default:
            if (step % 500 == 0) {
                flat.clear();
                ref.clear();
            }
            break;
        }
        BOOST_TEST_REQUIRE(same(flat, ref), "step " << step);
    }
}

BOOST_AUTO_TEST_CASE(built_at_once_it_sorts_and_keeps_the_first_of_a_repeated_name)
{
    const kare::attribute_map m(std::vector<kare::attribute_map::value_type>{
        {"risk", std::string("low")}, {"industry", std::string("retail")},
        {"risk", std::string("high")}, {"annual_revenue", 5.0}});
    reference_map ref;
    ref.emplace("risk", std::string("low"));
    ref.emplace("industry", std::string("retail"));
    ref.emplace("annual_revenue", 5.0);
    BOOST_TEST(same(m, ref));
    const kare::attribute_map listed{{"risk", std::string("low")}, {"risk", std::string("high")}};
    BOOST_TEST(std::get<std::string>(listed.at("risk")) == "low");
    BOOST_TEST(listed.size() == 1u);
}

BOOST_AUTO_TEST_CASE(at_refuses_a_missing_name_and_equality_compares_contents)
{
    kare::attribute_map a{{"seats", 10.0}};
    BOOST_CHECK_THROW(a.at("risk"), std::out_of_range);
    kare::attribute_map b;
    BOOST_TEST(!(a == b));
    b["seats"] = 10.0;
    BOOST_TEST((a == b));
    BOOST_TEST(a.contains("seats"));
    const auto after = b.erase(b.begin());
    BOOST_TEST((after == b.end()));
    BOOST_TEST(b.empty());
}

BOOST_AUTO_TEST_SUITE_END()
