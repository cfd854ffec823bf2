/** Lucene query for the user's words: special characters escaped, each word matched whole or as a prefix. */
export function searchQuery(text: string): string {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .filter((word) => word !== '' && !/^(AND|OR|NOT)$/.test(word));
  return words.map((word) => `(${word} OR ${word}*)`).join(' ');
}
