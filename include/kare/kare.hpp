/// @file
/// @brief Everything in the kare C++ API but JSON, in one include; no Boost
/// header is needed. JSON documents are opt-in: `<kare/json.hpp>`.
#ifndef KARE_KARE_HPP
#define KARE_KARE_HPP

#include <kare/accept_moves.hpp>
#include <kare/account_history.hpp>
#include <kare/as_of.hpp>
#include <kare/account.hpp>
#include <kare/attribute_map.hpp>
#include <kare/activity.hpp>
#include <kare/activity_policy.hpp>
#include <kare/as_of.hpp>
#include <kare/batch.hpp>
#include <kare/calendar.hpp>
#include <kare/category.hpp>
#include <kare/classify.hpp>
#include <kare/cookbook.hpp>
#include <kare/criterion.hpp>
#include <kare/csv.hpp>
#include <kare/date.hpp>
#include <kare/deal.hpp>
#include <kare/effort.hpp>
#include <kare/error.hpp>
#include <kare/finding.hpp>
#include <kare/honesty.hpp>
#include <kare/import.hpp>
#include <kare/map_view.hpp>
#include <kare/money.hpp>
#include <kare/percent.hpp>
#include <kare/pipeline.hpp>
#include <kare/plan.hpp>
#include <kare/plan_changes.hpp>
#include <kare/priority.hpp>
#include <kare/product.hpp>
#include <kare/profile.hpp>
#include <kare/progress.hpp>
#include <kare/read_limits.hpp>
#include <kare/render.hpp>
#include <kare/rep.hpp>
#include <kare/report.hpp>
#include <kare/review_checks.hpp>
#include <kare/review_policy.hpp>
#include <kare/scoreboard.hpp>
#include <kare/suggested_move.hpp>
#include <kare/summary.hpp>
#include <kare/timeline.hpp>
#include <kare/value.hpp>
#include <kare/verdict.hpp>
#include <kare/version.hpp>
#include <kare/whitespace.hpp>

#endif
