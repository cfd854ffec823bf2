import type { Random } from './random.js';

/**
 * Word lists for synthetic names and descriptions: varied enough that lookups and full-text search
 * hit a realistic spread of entities (a few common words, many rare combinations).
 */

const COLOURS = [
  'Crimson',
  'Cobalt',
  'Amber',
  'Onyx',
  'Jade',
  'Scarlet',
  'Ivory',
  'Indigo',
  'Obsidian',
  'Silver',
  'Golden',
  'Violet',
  'Ashen',
  'Copper',
  'Emerald',
  'Sapphire',
  'Umber',
  'Saffron',
  'Slate',
  'Coral',
];
const CREATURES = [
  'Panda',
  'Bear',
  'Kitten',
  'Chollima',
  'Typhoon',
  'Blizzard',
  'Sandstorm',
  'Sleet',
  'Tempest',
  'Spider',
  'Falcon',
  'Viper',
  'Jackal',
  'Lynx',
  'Kraken',
  'Hydra',
  'Mantis',
  'Scorpion',
  'Wolf',
  'Raven',
  'Dragon',
  'Tiger',
  'Hornet',
  'Cobra',
  'Owl',
  'Heron',
  'Badger',
  'Lizard',
  'Cyclone',
  'Hailstorm',
];
const VENDORS = [
  'Mandiant',
  'Microsoft',
  'CrowdStrike',
  'Secureworks',
  'Kaspersky',
  'ESET',
  'Palo Alto Networks',
  'Recorded Future',
  'Symantec',
  'Trend Micro',
  'Proofpoint',
  'Cisco Talos',
];
const SECTORS = [
  'energy',
  'telecommunications',
  'defence',
  'finance',
  'healthcare',
  'government',
  'aviation',
  'shipping',
  'media',
  'education',
  'manufacturing',
  'semiconductor',
  'water',
  'transport',
  'diplomatic',
  'research',
  'election',
  'satellite',
  'pharmaceutical',
  'logistics',
];
const ORG_WORDS = [
  'National',
  'Federal',
  'Central',
  'United',
  'Northern',
  'Eastern',
  'Western',
  'Southern',
  'Royal',
  'Metropolitan',
  'Regional',
  'Coastal',
  'Continental',
  'Atlantic',
  'Pacific',
];
const ORG_KINDS = [
  'Bank',
  'Power Grid',
  'Telecom',
  'Airlines',
  'Hospital',
  'University',
  'Railways',
  'Port Authority',
  'Water Utility',
  'Broadcasting',
  'Pipeline',
  'Shipyard',
  'Laboratory',
  'Institute',
  'Exchange',
];
const MINISTRIES = [
  'Ministry of Foreign Affairs',
  'Ministry of Defence',
  'Ministry of the Interior',
  'Ministry of Finance',
  'Ministry of Justice',
  'Ministry of Health',
  'Cyber Security Agency',
  'National Police',
  'Parliament',
  'Electoral Commission',
  'Intelligence Service',
  'Ministry of Energy',
];
const GIVEN = [
  'Anna',
  'Jan',
  'Maria',
  'Petr',
  'Elena',
  'David',
  'Sofia',
  'Tomas',
  'Laura',
  'Marek',
  'Ines',
  'Karl',
  'Yuki',
  'Amir',
  'Chen',
  'Olga',
  'Pavel',
  'Lucia',
  'Hugo',
  'Nadia',
  'Omar',
  'Eva',
  'Lars',
  'Mina',
];
const FAMILY = [
  'Novak',
  'Schmidt',
  'Rossi',
  'Dubois',
  'Kowalski',
  'Jensen',
  'Garcia',
  'Silva',
  'Tanaka',
  'Haddad',
  'Ivanova',
  'Berg',
  'Moreau',
  'Horvat',
  'Nielsen',
  'Costa',
  'Fischer',
  'Laine',
  'Petrov',
  'Ortiz',
];
const TITLES = [
  'Minister',
  'Spokesperson',
  'Director',
  'Ambassador',
  'Prime Minister',
  'President',
  'Secretary General',
  'High Representative',
  'Prosecutor',
  'Head of Cyber Policy',
];
const MALWARE_PARTS = [
  'Shadow',
  'Ghost',
  'Night',
  'Iron',
  'Black',
  'Silent',
  'Frost',
  'Storm',
  'Dark',
  'Red',
  'Steel',
  'Zero',
  'Poison',
  'Sky',
  'Deep',
];
const MALWARE_ENDS = [
  'Pad',
  'Loader',
  'Rat',
  'Door',
  'Wiper',
  'Stealer',
  'Beacon',
  'Shell',
  'Dropper',
  'Bot',
  'Kit',
  'Lock',
  'Worm',
  'Agent',
  'Hook',
];

export const SEARCH_WORDS = [
  ...SECTORS,
  'ministry',
  'espionage',
  'phishing',
  'ransomware',
  'wiper',
  'panda',
  'typhoon',
  'bear',
  'credential',
  'powershell',
  'spearphishing',
  'backdoor',
  'supply chain',
  'election',
  'diplomatic',
  'sanctions',
  'indictment',
  'solidarity',
  'apt',
  'lazarus',
  'sandworm',
];

export function actorName(random: Random, index: number): string {
  return `${random.pick(COLOURS)} ${random.pick(CREATURES)} ${index}`;
}

export function actorAliases(random: Random, index: number): Array<{ name: string; givenBy: string }> {
  const aliases = [{ name: `BG-${String(index).padStart(4, '0')}`, givenBy: 'MITRE ATT&CK' }];
  for (let i = 0, n = random.int(1, 4); i < n; i += 1) {
    aliases.push({ name: `${random.pick(COLOURS)} ${random.pick(CREATURES)} ${index}-${i}`, givenBy: random.pick(VENDORS) });
  }
  return aliases;
}

export function actorDescription(random: Random, country: string): string {
  return (
    `Threat group that conducts ${random.pick(['espionage', 'sabotage', 'financially motivated intrusions', 'influence operations'])} ` +
    `against the ${random.pick(SECTORS)} and ${random.pick(SECTORS)} sectors; public reporting links it to ${country}.`
  );
}

export function companyName(random: Random, country: string): string {
  return `${random.pick(ORG_WORDS)} ${random.pick(ORG_KINDS)} of ${country}`;
}

export function bodyName(random: Random, country: string): string {
  return `${random.pick(MINISTRIES)} of ${country}`;
}

export function personName(random: Random): string {
  return `${random.pick(GIVEN)} ${random.pick(FAMILY)}`;
}

export function roleTitle(random: Random): string {
  return random.pick(TITLES);
}

export function malwareName(random: Random, index: number): string {
  return `${random.pick(MALWARE_PARTS)}${random.pick(MALWARE_ENDS)}-${index}`;
}

export function campaignName(random: Random, actor: string, target: string, year: number): string {
  return `${actor} ${random.pick(['campaign', 'intrusions', 'operation', 'espionage campaign'])} against ${target} (${year})`;
}

export function campaignDescription(random: Random): string {
  return (
    `A ${random.pick(['spearphishing', 'supply chain', 'watering hole', 'credential harvesting', 'ransomware', 'wiper'])} ` +
    `campaign against ${random.pick(SECTORS)} networks.`
  );
}

export function sourceTitle(random: Random, index: number): string {
  return `${random.pick(['Report', 'Statement', 'Article', 'Advisory', 'Court filing'])} on ${random.pick(SECTORS)} intrusions no. ${index}`;
}

export function publisherName(random: Random): string {
  return random.pick([...VENDORS, 'Reuters', 'Associated Press', 'UPI', 'CISA', 'NCSC', 'ENISA', 'BSI', 'NUKIB']);
}

export function sector(random: Random): string {
  return random.pick(SECTORS);
}
