#ifndef PAGEMILL_PROCESS_CONTROL_H
#define PAGEMILL_PROCESS_CONTROL_H

/// Asks the kernel to send `signal` to this process when its parent dies (Linux's
/// PR_SET_PDEATHSIG; prctl is variadic, so Swift cannot call it directly). Returns 0, or -1
/// with errno set; -1 with ENOSYS where the system has no such request.
int pagemill_set_parent_death_signal(int signal);

#endif
