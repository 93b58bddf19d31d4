#ifndef CRONISTA_CSQLITETUNING_H
#define CRONISTA_CSQLITETUNING_H

/// Turns off SQLite's memory statistics for the whole process (SQLITE_CONFIG_MEMSTATUS), which
/// otherwise take a global mutex on every allocation SQLite makes. Must run before SQLite is
/// initialised (before the first connection opens); returns SQLITE_OK (0), or SQLITE_MISUSE (21)
/// when it is too late, and then changes nothing. sqlite3_config is variadic, so Swift cannot call
/// it: this is the only reason for this C target.
int cronista_sqlite_disable_memory_statistics(void);

#endif
