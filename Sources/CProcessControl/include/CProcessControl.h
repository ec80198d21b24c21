#ifndef PAGEMILL_PROCESS_CONTROL_H
#define PAGEMILL_PROCESS_CONTROL_H

/// Asks the kernel to send `signal` to this process when its parent dies (Linux's
/// PR_SET_PDEATHSIG; prctl is variadic, so Swift cannot call it directly). Returns 0, or -1
/// with errno set; -1 with ENOSYS where the system has no such request.
int pagemill_set_parent_death_signal(int signal);

/// Has malloc keep freed memory for reuse: blocks up to `mmap_threshold` bytes come from the
/// heap rather than fresh mappings, and up to `trim_threshold` free bytes stay at its top
/// (glibc's mallopt; elsewhere nothing). A worker allocates and frees a page's worth of large
/// arrays for every page, and each fresh mapping is paid again in page faults. Returns 0 when
/// both settings took, -1 otherwise.
int pagemill_keep_freed_memory(long mmap_threshold, long trim_threshold);

#endif
