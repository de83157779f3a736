#ifndef XSFAI_CSECRETS_H
#define XSFAI_CSECRETS_H

#include <stddef.h>

/// Makes the process non-dumpable (prctl(PR_SET_DUMPABLE, 0)): no core file, and /proc/<pid>/mem,
/// environ and ptrace closed to other processes of the same user. prctl is variadic, which Swift
/// cannot call. Returns 0 on success, -1 with errno set.
int xsfai_disable_dumping(void);

/// Overwrites `length` bytes at `bytes` with zeros in a way the compiler may not remove
/// (explicit_bzero), as memset_s does.
void xsfai_wipe(void *bytes, size_t length);

#endif
