#ifndef XSFAI_CVTERM_SHIM_H
#define XSFAI_CVTERM_SHIM_H
#include <vterm.h>
#endif
