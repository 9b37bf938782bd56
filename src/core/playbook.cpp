#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/playbook.hpp>

namespace kare {
inline namespace v1 {

playbook default_playbook(category c)
{
    // The seeds' words: each quadrant's attributes turned into what to do and ask.
    switch (c) {
    case category::keep:
        return {{{"Temperature meeting", "A regular check on how the client feels about us, "
                                         "before a problem becomes a reason to leave."},
                 {"Quarterly review", "An up-front contract each quarter: what the review covers, "
                                      "what each side brings, what happens next."},
                 {"Client scorecard", "The client rates us once a quarter; a falling score is "
                                      "the first sign of risk."}},
                {"Is a quarterly review with an up-front contract on record?",
                 "Are they still buying regularly?",
                 "Is anything raising the risk: a new executive, a frozen budget, a competitor?",
                 "Are we still easy to do business with?"}};
    case category::attain:
        return {{{"Dials", "Steady outreach to the prospects on the focus list."},
                 {"Conversations", "Find the pain, the budget and the decision process."},
                 {"Referral ask", "Ask clients for an introduction: the cheapest way in."},
                 {"LinkedIn touches", "Stay visible to the people who decide."}},
                {"Are they ready, willing and able: pain, budget, a decision process?",
                 "Who do they buy from today, and why?",
                 "Is the growth potential worth the cost of pursuit?",
                 "Who decides, and have we met them?"}};
    case category::recapture:
        return {{{"\"Where are they now\" call", "Find out what changed since they stopped "
                                                 "buying and who decides now."},
                 {"Recapture meeting", "Put right what went wrong and make a new offer."}},
                {"Is the cost of pursuit acceptable?",
                 "Are there decision makers who still favour us?",
                 "Why did they stop: our fault, a frozen budget, a new executive?",
                 "Are they still using the product?",
                 "What is the growth potential?",
                 "What is their strategic value to us?"}};
    case category::expand:
        return {{{"Heat map", "What they buy and don't buy: the whitespace is the next sale."},
                 {"Expand attempts", "Reach into more products, divisions, parent and sister "
                                     "companies, subsidiaries and JV partners."},
                 {"Expand meeting", "Meet a new division or buyer with a proposal."}},
                {"Which of our products do they not buy yet (the heat map)?",
                 "Which divisions, parent or sister companies, subsidiaries or JV partners "
                 "could buy?",
                 "Who sponsors us inside, and who else should know us?",
                 "Is this still one of our most profitable clients?"}};
    }
    return {};
}

void validate(const playbook& book, const location& where)
{
    if (book.actions.size() > max_playbook_items)
        throw error(errc::invalid_plan,
                    "more than " + std::to_string(max_playbook_items) + " actions", where.key("actions"));
    if (book.questions.size() > max_playbook_items)
        throw error(errc::invalid_plan,
                    "more than " + std::to_string(max_playbook_items) + " questions",
                    where.key("questions"));
    for (std::size_t i = 0; i < book.actions.size(); ++i) {
        const location at = where.item("actions", i);
        detail::check_name(book.actions[i].name, "the action's name", at.key("name"));
        detail::check_prose(book.actions[i].description, "the action's description",
                            at.key("description"));
    }
    for (std::size_t i = 0; i < book.questions.size(); ++i)
        detail::check_name(book.questions[i], "the question", where.item("questions", i));
}

} // namespace v1
} // namespace kare
