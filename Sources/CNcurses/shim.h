#ifndef KEFU_NCURSES_SHIM_H
#define KEFU_NCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <ncursesw/ncurses.h>
extern int wcwidth(wchar_t);

/* Swift 6 rejects ncurses' mutable C globals and cannot see its function-like macros:
   these accessors are the only way the terminal layer reaches them. */
static inline WINDOW *kefu_stdscr(void) { return stdscr; }
static inline void kefu_signal_default(int sig) { signal(sig, SIG_DFL); }
static inline int kefu_colors(void) { return COLORS; }
static inline int kefu_color_pairs(void) { return COLOR_PAIRS; }
static inline int kefu_width(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline int kefu_height(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline attr_t kefu_a_normal(void) { return A_NORMAL; }
static inline attr_t kefu_a_bold(void) { return A_BOLD; }
static inline attr_t kefu_a_reverse(void) { return A_REVERSE; }
static inline attr_t kefu_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kefu_a_dim(void) { return A_DIM; }
static inline int kefu_key_resize(void) { return KEY_RESIZE; }
static inline int kefu_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t kefu_mouse_mask_wanted(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int kefu_mouse_is_click(mmask_t s) { return (s & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int kefu_mouse_is_wheel_up(mmask_t s) { return (s & BUTTON4_PRESSED) != 0; }
static inline int kefu_mouse_is_wheel_down(mmask_t s) { return (s & BUTTON5_PRESSED) != 0; }
/* Draws one cell: a character (wide or not) with attributes and an (extended) colour pair. */
static inline int kefu_put_cell(WINDOW *w, int y, int x, const wchar_t *ch, attr_t attrs, int pair) {
    cchar_t c;
    setcchar(&c, ch, attrs, 0, &pair);
    return mvwadd_wch(w, y, x, &c);
}
/* True when the current LC_CTYPE codeset is UTF-8. */
static inline int kefu_codeset_is_utf8(void) {
    const char *c = nl_langinfo(CODESET);
    return c != NULL && (strcmp(c, "UTF-8") == 0 || strcmp(c, "utf8") == 0);
}
#endif
