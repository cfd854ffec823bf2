/**
 * Confidence is kept twice: in the source's own words and as a 0-100 score on the STIX 2.1 scale.
 * Words are scored with the STIX 2.1 confidence appendix (the "High / Medium / Low" and the
 * words-of-estimative-probability scales); docs/model.md has the table. Words that are not in the
 * table get no score rather than a guess.
 */
// Checked in this order, so that "very unlikely" is not read as "likely".
const SCALE: Array<[RegExp, number]> = [
  [/\b(almost no chance|remote chance)\b/i, 5],
  [/\b(very unlikely|highly unlikely|highly improbable)\b/i, 15],
  [/\b(unlikely|improbable)\b/i, 30],
  [/\b(almost certain(ly)?|near(ly)? certain(ty)?)\b/i, 95],
  [/\bhigh(ly)? (degree of )?(certainty|confidence)\b/i, 85],
  [/\b(very likely|highly likely|highly probable)\b/i, 85],
  [/\b(likely|probable|probably)\b/i, 70],
  [/\b(moderate|medium) (degree of )?(certainty|confidence)\b/i, 50],
  [/\b(roughly even chance|even chance)\b/i, 50],
  [/\blow (degree of )?(certainty|confidence)\b/i, 15],
];

export function scoreConfidenceText(text: string): number | null {
  for (const [pattern, score] of SCALE) if (pattern.test(text)) return score;
  return null;
}

/** Fills in the 0-100 score from the source's words when only the words are given. */
export function withConfidenceScore<T extends Record<string, unknown>>(props: T): T {
  if (typeof props.confidenceText === 'string' && props.confidence === undefined) {
    return { ...props, confidence: scoreConfidenceText(props.confidenceText) };
  }
  return props;
}
