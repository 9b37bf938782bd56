// JSON support is opt-in and needs Boost.JSON: without Boost this must not compile.
#include <kare/json.hpp>

int main()
{
    return kare::write_plan(kare::plan()).empty() ? 1 : 0;
}
