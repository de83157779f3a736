#ifndef XSFAI_CNCURSESW_SHIM_H
#define XSFAI_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <sys/ioctl.h>
#include <unistd.h>
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
static inline attr_t xsfai_a_italic(void) { return A_ITALIC; }
static inline attr_t xsfai_a_blink(void) { return A_BLINK; }
static inline int xsfai_color_pairs(void) { return COLOR_PAIRS; }
static inline int xsfai_key_code_yes(void) { return KEY_CODE_YES; }
static inline int xsfai_key_max(void) { return KEY_MAX; }
/* The terminal's size from the tty (ioctl is variadic and does not import). */
static inline int xsfai_terminal_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}

#endif
