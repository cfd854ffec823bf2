import unhomoglyph from 'unhomoglyph';

/**
 * The key names and aliases are looked up by: case, accents, spaces and punctuation do not count,
 * so "APT31", "apt 31" and "Apt-31" are one key. Applied alike when writing and when looking up.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The key under which names that only look different are one: besides what nameKey ignores, letters
 * that look alike ("АРТ31" in Cyrillic, "APT31" in Latin; "1" and "l") map to one prototype, by
 * Unicode's confusables table (UTS #39 skeletons, through unhomoglyph). Upper-cased first, because
 * the table maps capitals across scripts more completely than small letters. Used to warn of
 * look-alike duplicates, never as an identity.
 */
export function lookalikeKey(name: string): string {
  return nameKey(unhomoglyph(name.toUpperCase()));
}
