#define _DEFAULT_SOURCE
#include "CSecrets.h"

#include <string.h>
#include <sys/prctl.h>

int xsfai_disable_dumping(void) {
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

void xsfai_wipe(void *bytes, size_t length) {
    if (bytes != NULL && length > 0) explicit_bzero(bytes, length);
}
