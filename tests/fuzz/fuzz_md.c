/* fuzz_md.c -- libFuzzer target: the md reader, then every writer. */
#define FUZZ_FORMAT RP_FORMAT_MD
#include "fuzz.h"
