/* fuzz_akn.c -- libFuzzer target: the akn reader, then every writer. */
#define FUZZ_FORMAT RP_FORMAT_AKN
#include "fuzz.h"
