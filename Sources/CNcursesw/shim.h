#ifndef XSFAI_CNCURSESW_SHIM_H
#define XSFAI_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

/* Macros and globals do not import into Swift 6: accessor functions. */
static inline WINDOW *xsfai_stdscr(void) { return stdscr; }
static inline int xsfai_lines(void) { return LINES; }
static inline int xsfai_cols(void) { return COLS; }
static inline int xsfai_colors(void) { return COLORS; }
static inline attr_t xsfai_a_bold(void) { return A_BOLD; }
static inline attr_t xsfai_a_reverse(void) { return A_REVERSE; }
static inline attr_t xsfai_a_underline(void) { return A_UNDERLINE; }
static inline attr_t xsfai_a_dim(void) { return A_DIM; }
static inline attr_t xsfai_a_normal(void) { return A_NORMAL; }
static inline int xsfai_key_resize(void) { return KEY_RESIZE; }

#endif
