#include "strict_parser.hpp"

#include <boost/json/basic_parser_impl.hpp>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

std::uint64_t hash_of(std::string_view key) noexcept
{
    std::uint64_t h = 14695981039346656037ULL; // FNV-1a
    for (unsigned char c : key)
        h = (h ^ c) * 1099511628211ULL;
    return h;
}

// Past this many keys an object's hashes go into a set: a linear scan would
// make a 1,000-field account quadratic.
constexpr std::size_t scan_limit = 32;

} // namespace

// Builds the tree exactly as Boost.JSON's own handler does, and keeps, for
// each open object, the keys seen so far; for each open array, the index.
struct strict_parser::handler {
    static constexpr std::size_t max_object_size = boost::json::object::max_size();
    static constexpr std::size_t max_array_size = boost::json::array::max_size();
    static constexpr std::size_t max_key_size = boost::json::string::max_size();
    static constexpr std::size_t max_string_size = boost::json::string::max_size();

    struct key_ref {
        std::uint64_t hash;
        std::size_t offset, size;
    };
    struct frame {
        bool array;
        std::size_t index;       // arrays: the element being read
        std::size_t first_key;   // objects: where their keys start in `keys`
        std::size_t first_byte;  // ... and in `key_bytes`
        std::unique_ptr<std::unordered_set<std::uint64_t>> hashes; // past scan_limit keys
    };

    boost::json::value_stack st;
    std::vector<frame> frames;
    std::vector<key_ref> keys;
    std::string key_bytes;
    std::string pending; // a key that arrives in parts
    bool duplicate = false;
    std::string duplicate_path;
    std::string duplicate_key;

    explicit handler(boost::json::storage_ptr sp) : st(std::move(sp)) {}

    void clear()
    {
        frames.clear();
        keys.clear();
        key_bytes.clear();
        pending.clear();
        duplicate = false;
        duplicate_path.clear();
        duplicate_key.clear();
    }

    std::string_view key_at(const key_ref& k) const
    {
        return std::string_view(key_bytes).substr(k.offset, k.size);
    }

    void value_done() noexcept
    {
        if (!frames.empty() && frames.back().array)
            ++frames.back().index;
    }

    bool seen_before(frame& f, std::string_view k, std::uint64_t h)
    {
        const std::size_t count = keys.size() - f.first_key;
        if (f.hashes) {
            if (f.hashes->insert(h).second)
                return false;
        }
        for (std::size_t i = f.first_key; i < keys.size(); ++i)
            if (keys[i].hash == h && key_at(keys[i]) == k)
                return true;
        if (!f.hashes && count + 1 > scan_limit) {
            f.hashes = std::make_unique<std::unordered_set<std::uint64_t>>();
            for (std::size_t i = f.first_key; i < keys.size(); ++i)
                f.hashes->insert(keys[i].hash);
            f.hashes->insert(h);
        }
        return false;
    }

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }

    bool on_object_begin(boost::system::error_code&)
    {
        frames.push_back(frame{false, 0, keys.size(), key_bytes.size(), nullptr});
        return true;
    }

    bool on_object_end(std::size_t n, boost::system::error_code&)
    {
        const frame& f = frames.back();
        keys.resize(f.first_key);
        key_bytes.resize(f.first_byte);
        frames.pop_back();
        st.push_object(n);
        value_done();
        return true;
    }

    bool on_array_begin(boost::system::error_code&)
    {
        frames.push_back(frame{true, 0, 0, 0, nullptr});
        return true;
    }

    bool on_array_end(std::size_t n, boost::system::error_code&)
    {
        frames.pop_back();
        st.push_array(n);
        value_done();
        return true;
    }

    bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&)
    {
        pending.append(s.data(), s.size());
        st.push_chars(s);
        return true;
    }

    bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec)
    {
        std::string_view k(s.data(), s.size());
        if (!pending.empty()) {
            pending.append(k);
            k = pending;
        }
        frame& f = frames.back();
        const std::uint64_t h = hash_of(k);
        if (seen_before(f, k, h)) {
            duplicate = true;
            duplicate_key.assign(k);
            duplicate_path = current_path(k);
            ec = boost::json::error::syntax;
            return false;
        }
        keys.push_back(key_ref{h, key_bytes.size(), k.size()});
        key_bytes.append(k);
        pending.clear();
        st.push_key(s);
        return true;
    }

    // The path of key `k` of the innermost object, as the plan reader writes
    // paths. An outer object's current key is the last it recorded: its keys
    // end where those of the next object inside it begin.
    std::string current_path(std::string_view k) const
    {
        std::string out;
        for (std::size_t i = 0; i < frames.size(); ++i) {
            const frame& f = frames[i];
            if (f.array) {
                out += "[" + std::to_string(f.index) + "]";
                continue;
            }
            std::string_view segment = k;
            if (i + 1 != frames.size()) {
                std::size_t end = keys.size();
                for (std::size_t j = i + 1; j < frames.size(); ++j)
                    if (!frames[j].array) {
                        end = frames[j].first_key;
                        break;
                    }
                if (end == f.first_key)
                    continue;
                segment = key_at(keys[end - 1]);
            }
            if (!out.empty())
                out += '.';
            out.append(segment);
        }
        return out;
    }

    bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&)
    {
        st.push_chars(s);
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code&)
    {
        st.push_string(s);
        value_done();
        return true;
    }
    bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t i, boost::json::string_view, boost::system::error_code&)
    {
        st.push_int64(i);
        value_done();
        return true;
    }
    bool on_uint64(std::uint64_t u, boost::json::string_view, boost::system::error_code&)
    {
        st.push_uint64(u);
        value_done();
        return true;
    }
    bool on_double(double d, boost::json::string_view, boost::system::error_code&)
    {
        st.push_double(d);
        value_done();
        return true;
    }
    bool on_bool(bool b, boost::system::error_code&)
    {
        st.push_bool(b);
        value_done();
        return true;
    }
    bool on_null(boost::system::error_code&)
    {
        st.push_null();
        value_done();
        return true;
    }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }
};

strict_parser::strict_parser(boost::json::storage_ptr sp, const boost::json::parse_options& options)
    : parser_(std::make_unique<boost::json::basic_parser<handler>>(options, std::move(sp)))
{
}

strict_parser::~strict_parser() = default;

void strict_parser::reset(boost::json::storage_ptr sp) noexcept
{
    parser_->reset();
    parser_->handler().clear();
    parser_->handler().st.reset(std::move(sp));
}

std::size_t strict_parser::write(const char* data, std::size_t size, boost::system::error_code& ec)
{
    const std::size_t n = parser_->write_some(false, data, size, ec);
    if (!ec && n < size) {
        ec = boost::json::error::extra_data;
        parser_->fail(ec);
    }
    return n;
}

boost::json::value strict_parser::release()
{
    return parser_->handler().st.release();
}

bool strict_parser::found_duplicate() const noexcept
{
    return parser_->handler().duplicate;
}

const std::string& strict_parser::duplicate_path() const noexcept
{
    return parser_->handler().duplicate_path;
}

const std::string& strict_parser::duplicate_key() const noexcept
{
    return parser_->handler().duplicate_key;
}

} // namespace detail
} // namespace v1
} // namespace kare
