#include "CProcessControl.h"
#include <errno.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#ifdef __linux__
#include <sys/prctl.h>

int pagemill_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}
#else
int pagemill_set_parent_death_signal(int signal) {
    (void)signal;
    errno = ENOSYS;
    return -1;
}
#endif

#if defined(__GLIBC__)
int pagemill_keep_freed_memory(long mmap_threshold, long trim_threshold) {
    int mapped = mallopt(M_MMAP_THRESHOLD, (int)mmap_threshold);
    int trimmed = mallopt(M_TRIM_THRESHOLD, (int)trim_threshold);
    return mapped == 1 && trimmed == 1 ? 0 : -1;
}
#else
int pagemill_keep_freed_memory(long mmap_threshold, long trim_threshold) {
    (void)mmap_threshold;
    (void)trim_threshold;
    return -1;
}
#endif
