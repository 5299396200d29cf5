/* banned.h - functions that are easy to misuse; included in every unit. */
#ifndef TQL_BANNED_H
#define TQL_BANNED_H

#define TQL_BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) TQL_BANNED(strcpy)
#undef strcat
#define strcat(x, y) TQL_BANNED(strcat)
#undef sprintf
#define sprintf(...) TQL_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) TQL_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) TQL_BANNED(strtok)
#undef atoi
#define atoi(x) TQL_BANNED(atoi)
#undef gets
#define gets(x) TQL_BANNED(gets)

#endif
