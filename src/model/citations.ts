/** One source's support for a claim: the source's id and, where it quotes, the verbatim quote. */
export interface Citation {
  sourceId: string;
  quote: string | null;
}

/**
 * How citations are stored: two aligned lists, because Neo4j properties cannot hold maps. An empty
 * quote means "no quote".
 */
export interface StoredCitations {
  citeSources: string[];
  citeQuotes: string[];
}

/** The sources cited, in order: the stored `citeSources`. */
export function citedSources(citations: readonly Citation[]): string[] {
  return citations.map((citation) => citation.sourceId);
}

export function encodeCitations(citations: readonly Citation[]): StoredCitations {
  return {
    citeSources: citedSources(citations),
    citeQuotes: citations.map((citation) => citation.quote ?? ''),
  };
}

/** The citations of a stored entity, relationship or alias (lists that are missing read as none). */
export function decodeCitations(sources: unknown, quotes: unknown): Citation[] {
  const ids = Array.isArray(sources) ? (sources as unknown[]).map(String) : [];
  const texts = Array.isArray(quotes) ? (quotes as unknown[]) : [];
  return ids.map((sourceId, index) => {
    const quote = texts[index];
    return { sourceId, quote: typeof quote === 'string' && quote !== '' ? quote : null };
  });
}

/** The citations with each (source, quote) once: citing the same words of a source twice adds nothing. */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = JSON.stringify([citation.sourceId, citation.quote ?? '']);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
