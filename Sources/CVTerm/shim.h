#ifndef XSFAI_CVTERM_SHIM_H
#define XSFAI_CVTERM_SHIM_H
#include <vterm.h>

/* CSI argument accessors: the CSI_ARG* macros of vterm.h are function-like and do not import. */

/// The value of a CSI argument, or -1 when the argument was left out.
static inline long xsfai_csi_arg_value(long arg) {
    return CSI_ARG_IS_MISSING(arg) ? -1 : (long)CSI_ARG(arg);
}

/// Non-zero when a colon-separated sub-parameter follows this argument (`38:2:r:g:b`).
static inline int xsfai_csi_arg_has_more(long arg) {
    return CSI_ARG_HAS_MORE(arg) ? 1 : 0;
}

/// An argument that was left out, encoded as libvterm encodes it.
static inline long xsfai_csi_arg_missing(void) {
    return CSI_ARG_MISSING;
}

/// An argument encoded as libvterm encodes it: `value` (-1: left out), with the sub-parameter flag.
static inline long xsfai_csi_arg_with_more(long value, int more) {
    long arg = value < 0 ? CSI_ARG_MISSING : value;
    return more ? (arg | CSI_ARG_FLAG_MORE) : arg;
}
#endif
