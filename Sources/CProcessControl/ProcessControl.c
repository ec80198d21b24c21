#include "CProcessControl.h"
#include <errno.h>

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
