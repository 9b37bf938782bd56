// Text a writer streams, handed to C in one buffer grown as it is written
// (no second copy of a large document), freed with kare_string_free.
#ifndef KARE_CAPI_STREAMED_TEXT_HPP
#define KARE_CAPI_STREAMED_TEXT_HPP

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <ostream>
#include <streambuf>

namespace kare::capi {

/// A stream buffer over memory from malloc, grown geometrically; `release`
/// hands it over NUL-terminated, else the destructor frees it.
class malloc_text_buffer : public std::streambuf {
public:
    malloc_text_buffer() = default;
    malloc_text_buffer(const malloc_text_buffer&) = delete;
    malloc_text_buffer& operator=(const malloc_text_buffer&) = delete;
    ~malloc_text_buffer() override { std::free(data_); }

    /// The text, NUL-terminated, now the caller's; `size` receives its length.
    char* release(std::size_t& size)
    {
        reserve(size_ + 1);
        data_[size_] = '\0';
        size = size_;
        char* text = data_;
        data_ = nullptr;
        size_ = capacity_ = 0;
        return text;
    }

protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override
    {
        const auto count = static_cast<std::size_t>(n);
        reserve(size_ + count);
        std::memcpy(data_ + size_, s, count);
        size_ += count;
        return n;
    }

    int_type overflow(int_type c) override
    {
        if (traits_type::eq_int_type(c, traits_type::eof()))
            return traits_type::not_eof(c);
        const char ch = traits_type::to_char_type(c);
        xsputn(&ch, 1);
        return c;
    }

private:
    // Throws std::bad_alloc, which the stream passes on (badbit is in its exception mask).
    void reserve(std::size_t needed)
    {
        if (needed <= capacity_)
            return;
        std::size_t grown = capacity_ < 4096 ? 4096 : capacity_ + capacity_ / 2;
        if (grown < needed)
            grown = needed;
        void* more = std::realloc(data_, grown);
        if (!more)
            throw std::bad_alloc();
        data_ = static_cast<char*>(more);
        capacity_ = grown;
    }

    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

/// Runs `write` on a stream into one growing buffer and hands the text to
/// C: `*out` (the caller frees it with kare_string_free) and `*out_len`
/// when not NULL. An exception thrown while writing passes through and
/// nothing is handed over.
template <class Writer>
void give_streamed(char** out, std::size_t* out_len, Writer&& write)
{
    malloc_text_buffer buffer;
    std::ostream stream(&buffer);
    stream.exceptions(std::ios::badbit);
    write(stream);
    std::size_t size = 0;
    *out = buffer.release(size);
    if (out_len)
        *out_len = size;
}

} // namespace kare::capi

#endif
