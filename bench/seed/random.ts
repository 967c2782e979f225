/**
 * Deterministic randomness for the region generator: the same seed gives the same region, ids included, so a
 * benchmark run can be repeated on exactly the data of an earlier one.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** mulberry32: tiny, fast, and good enough to spread made-up families; not for anything secret. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[['a', 3], ['b', 1]]` gives 'a' three times as often as 'b'. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of options) {
      r -= weight;
      if (r < 0) return value;
    }
    return options[options.length - 1]![0];
  }

  /** `n` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    this.shuffle(copy);
    return copy.slice(0, Math.min(n, copy.length));
  }

  shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
  }
}

/**
 * UUIDv7-shaped ids from a counter: time-ordered like the server's own ids (so the primary-key indexes fill by
 * appending, as they do in production), and the same for the same seed.
 */
export class IdSequence {
  private counter = 0;

  constructor(private readonly epochMs: number, private readonly seed: number) {}

  next(): string {
    const n = this.counter++;
    const ms = (this.epochMs + Math.floor(n / 4096)).toString(16).padStart(12, '0');
    const seq = (n % 4096).toString(16).padStart(3, '0');
    const tail = ((this.seed * 2654435761 + n) >>> 0).toString(16).padStart(8, '0');
    const rest = n.toString(16).padStart(12, '0').slice(-12);
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${seq}-${(8 + (n % 4)).toString(16)}${tail.slice(0, 3)}-${tail.slice(3)}${rest.slice(-7)}`;
  }
}
