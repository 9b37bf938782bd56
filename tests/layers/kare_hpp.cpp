// The whole C++ API but JSON, used as a program would, without Boost.
#include <kare/kare.hpp>

int main()
{
    kare::plan p;
    p.add_rep({"ann", "Ann", kare::rep_style::hunter});
    kare::account acme;
    acme.id = "A-1";
    acme.name = "Acme";
    acme.owner = "ann";
    p.add_account(std::move(acme));
    const kare::report r = kare::make_report(p, *kare::date::parse("2026-11-23"));
    // One account, counted once.
    return r.accounts.size() == 1 && r.counts.total() == 1 ? 0 : 1;
}
