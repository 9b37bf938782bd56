// A plan keeps its own invariants: random sequences of public calls either
// apply or are refused leaving the plan as it was, and the plan stays one
// its document holds: write_plan writes it, read_plan reads it back to the
// same document, and the report is made without complaint.
#include "fixtures.hpp"
#include "random_plans.hpp"

#include <kare/json.hpp>

#include <boost/test/unit_test.hpp>

#include <iterator>
#include <string>

using kare_test::day;

namespace {

class random_calls {
public:
    explicit random_calls(std::uint64_t seed) : gen_(seed), plan_(gen_.empty_plan()) {}

    kare::plan& plan() noexcept { return plan_; }

    /// One public call with random, sometimes bad, arguments; what it was.
    std::string step()
    {
        kare::plan& p = plan_;
        switch (gen_.pick(10)) {
        case 0: {
            static const char* codes[] = {"USD", "EUR", "JPY", "BHD", "usd", "US", "", "EURO"};
            static const unsigned months[] = {0, 1, 4, 12, 13};
            kare::plan_settings s;
            s.currency = codes[gen_.pick(std::size(codes))];
            s.fiscal_year_start_month = months[gen_.pick(std::size(months))];
            p.set_settings(s);
            return "set_settings " + s.currency + " " + std::to_string(s.fiscal_year_start_month);
        }
        case 1: {
            static const char* codes[] = {"USD", "JPY", "bad"};
            const char* code = codes[gen_.pick(std::size(codes))];
            p.set_currency(code);
            return std::string("set_currency ") + code;
        }
        case 2: {
            const unsigned month = static_cast<unsigned>(gen_.pick(14));
            p.set_fiscal_year_start_month(month);
            return "set_fiscal_year_start_month " + std::to_string(month);
        }
        case 3: {
            const std::string id = "A" + std::to_string(gen_.pick(12));
            p.add_account(gen_.account_for(p, id));
            return "add_account " + id;
        }
        case 4: {
            const std::string id = some_account();
            const kare::date on = day(gen_.chance(0.5) ? "2026-05-01" : "2026-06-01");
            switch (gen_.pick(3)) {
            case 0: p.assign(id, static_cast<kare::category>(gen_.pick(4)), on); break;
            case 1: p.fire(id, on, "Costs too much.", "end_relationship"); break;
            default: p.move(id, kare::placement::unassigned(), on, "Not sure yet."); break;
            }
            return "decide " + id;
        }
        case 5: {
            kare::deal d;
            d.id = "D" + std::to_string(gen_.pick(8));
            d.account = gen_.chance(0.8) ? some_account() : "nowhere";
            static const unsigned digits[] = {0, 2, 2, 3};
            d.amount = kare::money::from_minor(static_cast<std::int64_t>(gen_.pick(100000)),
                                               digits[gen_.pick(std::size(digits))]);
            d.stage = "proposal";
            d.opened = day("2026-01-01");
            d.expected_close = day(gen_.chance(0.9) ? "2026-09-30" : "2025-12-31");
            p.add_deal(d);
            return "add_deal " + d.id + " " + d.amount.to_string();
        }
        case 6: {
            const std::string id = "D" + std::to_string(gen_.pick(8));
            if (gen_.chance(0.5))
                p.close_deal(id, kare::deal_outcome::won, day("2026-07-01"));
            else
                p.remove_deal(id);
            return "close or remove deal " + id;
        }
        case 7: {
            const std::string id = some_account();
            p.remove_account(id);
            return "remove_account " + id;
        }
        case 8: {
            kare::activity a;
            a.on = day(gen_.chance(0.5) ? "2026-03-02" : "2026-06-15");
            a.rep = gen_.chance(0.5) ? "ana" : "bo";
            a.account = some_account();
            a.type = gen_.chance(0.8) ? "dial" : "telepathy";
            p.add_activity(a);
            return "add_activity " + a.account;
        }
        default: {
            static const char* names[] = {"Plan", "", "Plan\twith a tab", "Plan \xE2\x80\x94 2027",
                                          "\"quoted\" \\ back"};
            const char* name = names[gen_.pick(std::size(names))];
            p.set_name(name);
            return std::string("set_name ") + name;
        }
        }
    }

private:
    std::string some_account()
    {
        const auto& accounts = plan_.accounts();
        if (accounts.empty() || gen_.chance(0.1))
            return "A" + std::to_string(gen_.pick(12));
        return accounts[gen_.pick(accounts.size())].id;
    }

    kare_test::random_plans gen_;
    kare::plan plan_;
};

} // namespace

BOOST_AUTO_TEST_SUITE(plan_invariants)

BOOST_AUTO_TEST_CASE(no_sequence_of_calls_leaves_a_plan_the_reader_refuses)
{
    std::size_t applied = 0, refused = 0;
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        random_calls calls(seed);
        kare::plan& p = calls.plan();
        std::string doc = kare::write_plan(p);
        for (int step = 0; step < 40; ++step) {
            const std::string before = doc;
            std::string what;
            bool ok = true;
            try {
                what = calls.step();
            } catch (const kare::error& e) {
                ok = false;
                what = std::string("refused: ") + e.what();
            }
            doc = kare::write_plan(p);
            const std::string where = "seed " + std::to_string(seed) + ", step " +
                                      std::to_string(step) + " (" + what + ")";
            if (!ok) {
                ++refused;
                BOOST_TEST(doc == before, where << ": a refused call changed the plan");
                continue;
            }
            ++applied;
            try {
                BOOST_TEST(kare::write_plan(kare::read_plan(doc)) == doc, where);
                (void)kare::make_report(p, day("2027-01-01"));
            } catch (const kare::error& e) {
                BOOST_FAIL(where << ": " << e.path() << ": " << e.what());
            }
        }
    }
    // Both branches run often enough to mean something.
    BOOST_TEST(applied > 500u);
    BOOST_TEST(refused > 300u);
}

BOOST_AUTO_TEST_CASE(settings_are_checked_when_set)
{
    kare::plan p;
    p.add_rep({"ann", "Ann", kare::rep_style::hunter});
    p.add_account(kare_test::decided_account("A", "ann", kare::relationship::client,
                                             kare::placement()));
    kare::deal d;
    d.id = "D";
    d.account = "A";
    d.amount = kare::money::from_minor(150000, 2);
    d.stage = "proposal";
    d.opened = day("2026-01-01");
    d.expected_close = day("2026-09-30");
    p.add_deal(d);

    const auto refused = [&](auto&& call, kare::errc code, const std::string& path) {
        const kare::plan_settings before = p.settings();
        try {
            call();
        } catch (const kare::error& e) {
            BOOST_TEST((e.code() == code));
            BOOST_TEST(e.path() == path);
            BOOST_TEST((p.settings() == before));
            return;
        }
        BOOST_FAIL("accepted; expected a refusal at " + path);
    };
    // The deal's amount has two digits; the yen has none.
    refused([&] { p.set_currency("JPY"); }, kare::errc::conflict, "deals[0].amount");
    refused([&] { p.set_currency("usd"); }, kare::errc::invalid_plan, "settings.currency");
    refused([&] { p.set_fiscal_year_start_month(13); }, kare::errc::invalid_plan,
            "settings.fiscal_year_start_month");
    refused([&] { p.set_fiscal_year_start_month(0); }, kare::errc::invalid_plan,
            "settings.fiscal_year_start_month");
    refused([&] { p.set_name("bad\x01name"); }, kare::errc::invalid_plan, "name");
    BOOST_TEST(p.name().empty());

    p.set_currency("EUR"); // the same two digits
    p.set_fiscal_year_start_month(4);
    BOOST_TEST(p.settings().currency == "EUR");
    BOOST_TEST(p.settings().fiscal_year_start_month == 4u);
    p.remove_deal("D");
    p.set_currency("JPY");
    BOOST_TEST(p.settings().currency == "JPY");
}

BOOST_AUTO_TEST_SUITE_END()
