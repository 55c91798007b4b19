/**
 * A Durable Object's one alarm, kept at the earliest due time of what it
 * drives: moved earlier when something sooner comes up, never pushed back
 * (a later alarm just fires, finds nothing due and re-arms), deleted when
 * nothing is due. Remembers the stored alarm to skip redundant writes.
 */
export class AlarmSlot {
  /** The alarm as stored, epoch ms, or null. */
  armedAt: number | null = null;

  constructor(
    private readonly storage: DurableObjectStorage,
    /** Told of every change of the stored alarm (a setAlarm() is billed as a row written). */
    private readonly onChange: (before: number | null, after: number | null) => void = () => {},
  ) {}

  /** Reads the stored alarm (once, at start-up). */
  async load(): Promise<number | null> {
    this.armedAt = await this.storage.getAlarm();
    return this.armedAt;
  }

  /** The alarm is running: it is no longer stored. */
  fired(): void {
    this.armedAt = null;
  }

  /** Keeps the alarm at `due` or earlier; none when nothing is due. */
  async arm(due: number | undefined): Promise<void> {
    const before = this.armedAt;
    await this.store(due);
    this.onChange(before, this.armedAt);
  }

  private async store(due: number | undefined): Promise<void> {
    if (due === undefined) {
      if (this.armedAt !== null) await this.storage.deleteAlarm();
      this.armedAt = null;
    } else if (this.armedAt === null || due < this.armedAt) {
      await this.storage.setAlarm(due);
      this.armedAt = due;
    }
  }
}
