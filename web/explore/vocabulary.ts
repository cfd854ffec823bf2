/**
 * How the graph view names and draws the model's vocabulary: a colour AND a shape per kind (so that
 * kinds read apart in print and for colour-blind readers too), and relationship types and stances
 * as the phrases an analyst would say ("expresses concern about", not EXPRESSES_CONCERN_ABOUT).
 */

export interface KindStyle {
  colour: string;
  /** A cytoscape node shape. */
  shape: string;
  /** Node size in pixels: responses, the nodes analysts come for, are drawn larger. */
  size: number;
}

/** Colours from the Okabe–Ito and Tableau palettes, picked to stay apart for colour-blind readers. */
export const KIND_STYLES: Record<string, KindStyle> = {
  Response: { colour: '#f0a202', shape: 'star', size: 40 },
  ThreatActor: { colour: '#d62728', shape: 'diamond', size: 32 },
  State: { colour: '#1f77b4', shape: 'round-rectangle', size: 30 },
  Organization: { colour: '#17becf', shape: 'hexagon', size: 28 },
  Campaign: { colour: '#8c564b', shape: 'pentagon', size: 32 },
  Person: { colour: '#9467bd', shape: 'ellipse', size: 24 },
  PersonGroup: { colour: '#e377c2', shape: 'triangle', size: 28 },
  Source: { colour: '#7f7f7f', shape: 'rectangle', size: 20 },
  AttackPattern: { colour: '#2ca02c', shape: 'vee', size: 22 },
  Malware: { colour: '#bcbd22', shape: 'octagon', size: 22 },
  Tool: { colour: '#6b8e23', shape: 'tag', size: 22 },
};
export const OTHER_KIND_STYLE: KindStyle = { colour: '#aab7b8', shape: 'barrel', size: 20 };

export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind] ?? OTHER_KIND_STYLE;
}

/** Kinds named for people, where the enum name is not what one would say. */
const KIND_NAMES: Record<string, string> = {
  ThreatActor: 'Threat actor',
  PersonGroup: 'Group of people',
  AttackPattern: 'Technique',
  CourseOfAction: 'Mitigation',
  StixObject: 'Other STIX object',
};

export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}

/** Phrases for the relationship types whose enum name does not read as one. */
const RELATIONSHIP_PHRASES: Record<string, string> = {
  REFERS_TO: 'refers to',
  DESIGNATED_CRITICAL_INFRASTRUCTURE_BY: 'critical infrastructure of',
  OBJECT_REF: 'refers to object',
  SUBTECHNIQUE_OF: 'sub-technique of',
  POSSIBLY_SAME_AS: 'possibly the same as',
};

const STANCE_PHRASES: Record<string, string> = {
  NAMES_RESPONSIBLE: 'names as responsible',
  ALLUDES_TO: 'alludes to',
  DOES_NOT_NAME: 'does not name',
};

/** SOME_ENUM_VALUE as "some enum value". */
export function words(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

export function relationshipPhrase(type: string): string {
  return RELATIONSHIP_PHRASES[type] ?? words(type);
}

export function stancePhrase(stance: string): string {
  return STANCE_PHRASES[stance] ?? words(stance);
}

/** What a drawn relationship says: a REFERS_TO reads as its stance. */
export function edgePhrase(edge: { type: string; stance: string | null }): string {
  return edge.type === 'REFERS_TO' && edge.stance ? stancePhrase(edge.stance) : relationshipPhrase(edge.type);
}

/** Every relationship type, for the filter (the same list as the schema's RelationshipType). */
export const RELATIONSHIP_TYPES = [
  'TARGETS',
  'CONDUCTED_BY',
  'ATTRIBUTED_TO',
  'SPONSORED_BY',
  'ISSUED_BY',
  'ON_BEHALF_OF',
  'CONCERNS',
  'REFERS_TO',
  'ACKNOWLEDGES',
  'MEMBER_OF',
  'PART_OF',
  'HOLDS_ROLE',
  'DESIGNATED_CRITICAL_INFRASTRUCTURE_BY',
  'USES',
  'LOCATED_AT',
  'ORIGINATES_FROM',
  'MITIGATES',
  'SUBTECHNIQUE_OF',
  'REVOKED_BY',
  'RELATED_TO',
  'DERIVED_FROM',
  'DUPLICATE_OF',
  'INDICATES',
  'SIGHTING_OF',
  'OBJECT_REF',
  'POSSIBLY_SAME_AS',
] as const;

/** A legend swatch: the kind's shape in its colour, as a small inline SVG. */
export function shapeSvg(style: KindStyle, size = 14): string {
  const s = size;
  const h = s / 2;
  const polygon = (points: Array<[number, number]>): string =>
    `<polygon points="${points.map(([x, y]) => `${x * s},${y * s}`).join(' ')}"/>`;
  const shapes: Record<string, string> = {
    star: polygon([
      [0.5, 0],
      [0.62, 0.35],
      [1, 0.38],
      [0.7, 0.6],
      [0.8, 1],
      [0.5, 0.76],
      [0.2, 1],
      [0.3, 0.6],
      [0, 0.38],
      [0.38, 0.35],
    ]),
    diamond: polygon([
      [0.5, 0],
      [1, 0.5],
      [0.5, 1],
      [0, 0.5],
    ]),
    'round-rectangle': `<rect x="1" y="2" width="${s - 2}" height="${s - 4}" rx="3"/>`,
    rectangle: `<rect x="1" y="2" width="${s - 2}" height="${s - 4}"/>`,
    hexagon: polygon([
      [0.25, 0.05],
      [0.75, 0.05],
      [1, 0.5],
      [0.75, 0.95],
      [0.25, 0.95],
      [0, 0.5],
    ]),
    pentagon: polygon([
      [0.5, 0],
      [1, 0.38],
      [0.81, 1],
      [0.19, 1],
      [0, 0.38],
    ]),
    triangle: polygon([
      [0.5, 0],
      [1, 1],
      [0, 1],
    ]),
    vee: polygon([
      [0, 0],
      [0.5, 0.4],
      [1, 0],
      [0.5, 1],
    ]),
    octagon: polygon([
      [0.3, 0],
      [0.7, 0],
      [1, 0.3],
      [1, 0.7],
      [0.7, 1],
      [0.3, 1],
      [0, 0.7],
      [0, 0.3],
    ]),
    tag: polygon([
      [0, 0.1],
      [0.7, 0.1],
      [1, 0.5],
      [0.7, 0.9],
      [0, 0.9],
    ]),
    ellipse: `<circle cx="${h}" cy="${h}" r="${h - 1}"/>`,
  };
  const body = shapes[style.shape] ?? `<rect x="1" y="1" width="${s - 2}" height="${s - 2}" rx="5"/>`;
  return `<svg width="${s}" height="${s}" viewBox="0 0 ${s} ${s}" aria-hidden="true" fill="${style.colour}" stroke="#1c2833" stroke-width="0.8">${body}</svg>`;
}
