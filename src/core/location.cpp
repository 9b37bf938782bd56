// The one place a location becomes text.
#include <kare/location.hpp>

namespace kare {
inline namespace v1 {

namespace {

std::string render(const location& where, bool with_ids)
{
    std::string out;
    for (const location_segment& s : where.segments()) {
        if (s.what == location_segment::kind::index) {
            out += '[';
            out += std::to_string(s.index);
            out += ']';
            if (with_ids && !s.id.empty()) {
                out += " (";
                out += s.id;
                out += ')';
            }
        } else {
            if (!out.empty())
                out += '.';
            out += s.key;
        }
    }
    return out;
}

} // namespace

std::string to_path(const location& where)
{
    return render(where, false);
}

std::string to_labelled_path(const location& where)
{
    return render(where, true);
}

} // namespace v1
} // namespace kare
