// The canonical text written as it is produced: a document's large arrays
// (a report's accounts, findings, priorities) go out member by member, each
// built as a small JSON value and written in the same canonical form as
// `to_canonical_text`, so that no tree of the whole document is ever held.
#ifndef KARE_SRC_CANONICAL_STREAM_HPP
#define KARE_SRC_CANONICAL_STREAM_HPP

#include <boost/json/fwd.hpp>

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

namespace kare {
inline namespace v1 {
namespace detail {

/// Appends the canonical text of `v` as it stands at nesting level `indent`
/// (no final newline): what `to_canonical_text` writes for it inside a document.
void append_canonical(std::string& out, const boost::json::value& v, int indent);

/// Where streamed text goes: a string that becomes the whole document, or
/// an output stream fed in chunks of about 64 KB. Once the stream fails,
/// nothing more is written; its state tells the caller.
///
/// A bound (`bound`) counts the bytes as they are produced: the text is
/// checked after each member or item and before it is handed on, so a
/// stream never receives more than the bound, and the writer stops with
/// `limit_exceeded` at most one item past it.
class canonical_stream {
public:
    /// Builds the whole document in `whole`.
    explicit canonical_stream(std::string& whole) : text_(whole) {}
    /// Writes to `out` in chunks.
    explicit canonical_stream(std::ostream& out) : text_(chunk_), out_(&out) {}
    canonical_stream(const canonical_stream&) = delete;
    canonical_stream& operator=(const canonical_stream&) = delete;

    /// The text not yet handed on.
    std::string& text() noexcept { return text_; }
    /// Hands the text on when a chunk is full (to a stream only).
    void maybe_flush();
    /// Hands the rest on.
    void finish();
    /// Refuses to produce more than `max_bytes`: past them the writer throws
    /// `error` `limit_exceeded` with `message`.
    void bound(std::size_t max_bytes, std::string message)
    {
        max_bytes_ = max_bytes;
        over_message_ = std::move(message);
    }

private:
    void check_bound() const;

    std::string chunk_;
    std::string& text_;
    std::ostream* out_ = nullptr;
    std::size_t handed_on_ = 0; // bytes already written to out_
    std::size_t max_bytes_ = static_cast<std::size_t>(-1);
    std::string over_message_;
};

class object_stream;

/// A JSON array of objects or arrays written item by item: `[]` when it
/// stays empty, else one item per line, as the canonical form writes them.
/// (An array of scalars is written whole, on one line, as a member value.)
class array_stream {
public:
    /// Starts an array at nesting level `indent`; nothing is written yet.
    array_stream(canonical_stream& s, int indent) : s_(s), indent_(indent) {}
    /// Writes one item, which must be an object or an array.
    void item(const boost::json::value& v);
    /// Starts one item that is an object, streamed by the object returned
    /// (which must be ended before the next item).
    object_stream object_item();
    /// Closes the array.
    void end();

private:
    canonical_stream& s_;
    int indent_;
    bool empty_ = true;
};

/// A JSON object written member by member, in the order written: `{}` when
/// it stays empty. A member may itself be streamed (`array_member`,
/// `object_member`): its key is written at once and its value follows.
class object_stream {
public:
    /// Starts an object at nesting level `indent`; nothing is written yet.
    object_stream(canonical_stream& s, int indent) : s_(s), indent_(indent) {}
    /// Writes one member whose value is known whole.
    void member(std::string_view key, const boost::json::value& v);
    /// Writes a member's key; its value is streamed by the array returned.
    array_stream array_member(std::string_view key);
    /// Writes a member's key; its value is streamed by the object returned.
    object_stream object_member(std::string_view key);
    /// Closes the object.
    void end();

private:
    void key(std::string_view key);

    canonical_stream& s_;
    int indent_;
    bool empty_ = true;
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
