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
