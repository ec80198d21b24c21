#include <sqlite3.h>

/// Turns off SQLite's memory statistics, which take a global mutex on every allocation; Swift
/// cannot call the variadic sqlite3_config. Must run before SQLite initializes; later it only
/// returns SQLITE_MISUSE.
static inline int pagemill_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
