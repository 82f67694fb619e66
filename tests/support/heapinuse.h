#pragma once

#include <malloc.h>

#include <cstddef>

// Bytes the heap holds now: glibc's count, or under AddressSanitizer its allocator's (whose
// mallinfo2() clang's runtime answers with zeros; freed memory waiting in ASan's quarantine
// is not counted as held).
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TERTULIA_HEAP_FROM_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TERTULIA_HEAP_FROM_ASAN 1
#endif

#ifdef TERTULIA_HEAP_FROM_ASAN
#include <sanitizer/allocator_interface.h>
#endif

inline size_t heapInUse()
{
#ifdef TERTULIA_HEAP_FROM_ASAN
    return __sanitizer_get_current_allocated_bytes();
#else
    return mallinfo2().uordblks;
#endif
}
