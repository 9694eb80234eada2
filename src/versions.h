/* versions.h -- language versions of one resolution (versions.c): what
 * says that inputs in different languages are one Work. */
#ifndef RP_VERSIONS_H
#define RP_VERSIONS_H

/* A symbol as a key: blanks, full-width forms, Cyrillic look-alike
 * letters and leading zeros set aside ("S/RES/338 (1973)",
 * "S/RES/338（1973）" and "S/RES/0338(1973)" are one).  malloc'd. */
char	*version_key(const char *symbol);
/* The symbol a file name spells ("S_RES_0338_1973_fr.txt"), or NULL. */
char	*symbol_of_name(const char *path);
/* The file name less its language token ("udhr-ar.txt", ara: "udhr"),
 * or NULL. */
char	*name_key(const char *path, const char *lang);
/* Place of an ISO 639-2 code in the UN order (ar zh en fr ru es); 6 for
 * any other. */
int	 version_rank(const char *lang);
/* The BCP 47 tag of an ISO 639-2 code ("ara": "ar"; others as they are). */
const char *version_tag(const char *lang);

#endif
