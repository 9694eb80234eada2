/* fuzz_text.c -- libFuzzer target: the text reader, then every writer. */
#define FUZZ_FORMAT RP_FORMAT_TEXT
#include "fuzz.h"
