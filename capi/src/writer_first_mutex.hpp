// The lock of a kare_plan: shared by readers, exclusive for a writer, and a
// writer that is waiting goes before readers that arrive after it.
// std::shared_mutex is glibc's rwlock, which prefers readers: with eight
// threads building reports in a loop, one mutation waited for minutes.
#ifndef KARE_CAPI_WRITER_FIRST_MUTEX_HPP
#define KARE_CAPI_WRITER_FIRST_MUTEX_HPP

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace kare::capi {

/// A SharedMutex (usable with std::shared_lock and std::unique_lock) that
/// prefers writers: once a writer waits, new readers wait behind it, so a
/// writer waits at most for the readers already inside. Not recursive: a
/// thread holding it must not lock it again, shared or not.
class writer_first_mutex {
public:
    void lock()
    {
        std::unique_lock<std::mutex> guard(state_);
        ++writers_waiting_;
        writer_turn_.wait(guard, [this] { return !writing_ && readers_ == 0; });
        --writers_waiting_;
        writing_ = true;
    }

    bool try_lock()
    {
        std::lock_guard<std::mutex> guard(state_);
        if (writing_ || readers_ != 0)
            return false;
        writing_ = true;
        return true;
    }

    void unlock()
    {
        std::lock_guard<std::mutex> guard(state_);
        writing_ = false;
        if (writers_waiting_ != 0)
            writer_turn_.notify_one();
        else
            reader_turn_.notify_all();
    }

    void lock_shared()
    {
        std::unique_lock<std::mutex> guard(state_);
        reader_turn_.wait(guard, [this] { return !writing_ && writers_waiting_ == 0; });
        ++readers_;
    }

    bool try_lock_shared()
    {
        std::lock_guard<std::mutex> guard(state_);
        if (writing_ || writers_waiting_ != 0)
            return false;
        ++readers_;
        return true;
    }

    void unlock_shared()
    {
        std::lock_guard<std::mutex> guard(state_);
        if (--readers_ == 0 && writers_waiting_ != 0)
            writer_turn_.notify_one();
    }

private:
    std::mutex state_;
    std::condition_variable writer_turn_;
    std::condition_variable reader_turn_;
    std::size_t readers_ = 0;
    std::size_t writers_waiting_ = 0;
    bool writing_ = false;
};

} // namespace kare::capi

#endif
