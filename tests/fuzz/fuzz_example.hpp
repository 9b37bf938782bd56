// The bundled example plan, embedded at build time so fuzzers need no files.
#ifndef KARE_FUZZ_EXAMPLE_HPP
#define KARE_FUZZ_EXAMPLE_HPP

#include <kare/json.hpp>

#include <fstream>
#include <sstream>

namespace kare_fuzz {

inline kare::plan example_plan()
{
    std::ifstream file(KARE_FUZZ_EXAMPLE, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return kare::read_plan(text.str());
}

} // namespace kare_fuzz

#endif
