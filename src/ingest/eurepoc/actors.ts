import { nameKey } from '../../model/names.js';
import { parseInitiatorName, type InitiatorName } from './initiators.js';
import { clean } from './values.js';

/**
 * The initiators a EuRepoC file names, one imported actor per real-world group. The file writes one
 * group several ways ("APT 32/Ocean Lotus", "APT32/Ocean Lotus/Sea Lotus"); the entity resolution
 * would treat several objects of one file pointing at the same existing actor as different actors,
 * so the texts are grouped here first: texts that share an ATT&CK id are one group; a text without
 * one joins the group whose names include its first name when exactly one such group exists;
 * otherwise texts with the same first name are one group. Conservative on purpose: names that merely
 * overlap (EuRepoC lists "Magic Hound" under APT33 and under APT35) do not join groups.
 */

export interface ActorGroup {
  /** The external and proposed id: eurepoc:actor:<name key of the first name>. */
  id: string;
  name: string;
  names: string[];
  attackIds: string[];
  notes: string[];
  partOf: string[];
  /** The texts of the file that name this group. */
  texts: string[];
}

export class ActorGroups {
  private readonly parsed = new Map<string, InitiatorName | null>();
  private readonly order: string[] = [];
  private readonly groupOfText = new Map<string, ActorGroup>();
  private readonly byKey = new Map<string, ActorGroup>();
  readonly groups: ActorGroup[] = [];

  /** Notes a text naming an initiator; call for every text before build(). */
  add(raw: string): void {
    const text = clean(raw);
    if (this.parsed.has(text)) return;
    this.parsed.set(text, parseInitiatorName(text));
    this.order.push(text);
  }

  build(): void {
    const ids = new Set<string>();
    const newGroup = (first: InitiatorName): ActorGroup => {
      const base = `eurepoc:actor:${nameKey(first.name)}`;
      let id = base;
      for (let n = 2; ids.has(id); n += 1) id = `${base}-${n}`;
      ids.add(id);
      const group: ActorGroup = { id, name: first.name, names: [], attackIds: [], notes: [], partOf: [], texts: [] };
      this.groups.push(group);
      return group;
    };
    const join = (group: ActorGroup, text: string, parsed: InitiatorName): void => {
      const keys = new Set(group.names.map(nameKey));
      for (const name of parsed.names) {
        if (!keys.has(nameKey(name))) {
          keys.add(nameKey(name));
          group.names.push(name);
        }
      }
      for (const id of parsed.attackIds) if (!group.attackIds.includes(id)) group.attackIds.push(id);
      if (parsed.note !== null && !group.notes.includes(parsed.note)) group.notes.push(parsed.note);
      if (parsed.partOf !== null && !group.partOf.includes(parsed.partOf)) group.partOf.push(parsed.partOf);
      group.texts.push(text);
      this.groupOfText.set(text, group);
    };

    const byAttackId = new Map<string, ActorGroup>();
    const withIds = this.order.filter((text) => (this.parsed.get(text)?.attackIds.length ?? 0) > 0);
    const withoutIds = this.order.filter((text) => this.parsed.get(text) !== null && !withIds.includes(text));
    for (const text of withIds) {
      const parsed = this.parsed.get(text)!;
      const found = parsed.attackIds.map((id) => byAttackId.get(id)).find((group) => group !== undefined);
      const group = found ?? newGroup(parsed);
      join(group, text, parsed);
      for (const id of parsed.attackIds) if (!byAttackId.has(id)) byAttackId.set(id, group);
    }
    const namesOfIdGroups = new Map<string, Set<ActorGroup>>();
    for (const group of new Set(byAttackId.values())) {
      for (const name of group.names) {
        const set = namesOfIdGroups.get(nameKey(name)) ?? new Set();
        set.add(group);
        namesOfIdGroups.set(nameKey(name), set);
      }
    }
    const byFirstName = new Map<string, ActorGroup>();
    for (const text of withoutIds) {
      const parsed = this.parsed.get(text)!;
      const key = nameKey(parsed.name);
      const candidates = namesOfIdGroups.get(key);
      const group =
        candidates !== undefined && candidates.size === 1 ? [...candidates][0]! : (byFirstName.get(key) ?? newGroup(parsed));
      byFirstName.set(key, group);
      join(group, text, parsed);
    }
    for (const group of this.groups)
      for (const name of group.names) if (!this.byKey.has(nameKey(name))) this.byKey.set(nameKey(name), group);
  }

  /** The group a text of the file names, or null when the text names no one. */
  groupOf(raw: string): ActorGroup | null {
    return this.groupOfText.get(clean(raw)) ?? null;
  }

  /** The group one of whose names is this name (an attributing actor that is itself an initiator). */
  groupNamed(name: string): ActorGroup | null {
    return this.byKey.get(nameKey(name)) ?? null;
  }
}
