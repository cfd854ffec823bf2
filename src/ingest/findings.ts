import { ChangesetError, type Problem } from '../write/changeset.js';

/**
 * What a reader finds wrong with a file, in one place for every format. A defect of one item (an
 * object, a cluster, a reference) skips that item with a warning naming its position and words in
 * the file (`values[12] "APT31" related[2]: has no dest-uuid; the reference was skipped`); only a
 * file that cannot be read as a whole is refused, and then nothing is written.
 */
export class Findings {
  readonly warnings: string[] = [];
  private readonly refusals: Problem[] = [];
  /** Defects of the items being checked, innermost last. */
  private readonly open: Problem[][] = [];

  /** The file as a whole cannot be read: it is refused (see refuseIfAny). */
  refuse(at: string, message: string): void {
    this.refusals.push({ at, message });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** A defect of the item being checked (inside item()); outside one, it refuses the file. */
  defect(at: string, message: string): void {
    const current = this.open[this.open.length - 1];
    if (current === undefined) this.refuse(at, message);
    else current.push({ at, message });
  }

  /**
   * Checks one item: defects found while `check` runs skip it (null is returned), each becoming a
   * warning that ends with what was skipped ("the object", "the reference").
   */
  item<T>(what: string, check: () => T): T | null {
    const defects: Problem[] = [];
    this.open.push(defects);
    let result: T;
    try {
      result = check();
    } finally {
      this.open.pop();
    }
    if (defects.length === 0) return result;
    for (const defect of defects) this.warn(`${defect.at}: ${defect.message}; ${what} was skipped`);
    return null;
  }

  /** Throws ChangesetError when the file as a whole was refused. */
  refuseIfAny(origin: string): void {
    if (this.refusals.length > 0) throw new ChangesetError(origin, this.refusals);
  }
}
