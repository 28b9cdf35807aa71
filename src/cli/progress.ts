// Progress on stderr: a redrawn bar with an ETA on a terminal, one line per file otherwise (logs).

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "[#####-----] 5/10  50%  ETA 0:12" — the ETA is the mean time per finished file so far. */
export function formatProgress(done: number, total: number, elapsedMs: number, barWidth = 24): string {
  const fraction = total > 0 ? done / total : 1;
  const filled = Math.round(fraction * barWidth);
  const bar = '#'.repeat(filled) + '-'.repeat(barWidth - filled);
  const eta = done > 0 && done < total ? `  ETA ${formatDuration((elapsedMs / done) * (total - done))}` : '';
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `[${bar}] ${done}/${total} ${percent}${eta}`;
}

export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly sink: ProgressSink,
  ) {}

  /** Prints a message (to `to`, default the bar's own stream) without tearing the bar. */
  log(message: string, to: ProgressSink = this.sink): void {
    this.clear();
    to.write(`${message}\n`);
    this.draw();
  }

  step(name: string): void {
    this.done++;
    const line = formatProgress(this.done, this.total, Date.now() - this.started);
    if (this.sink.isTTY) this.draw();
    else this.sink.write(`${line}  ${name}\n`);
  }

  finish(): void {
    this.clear();
  }

  private draw(): void {
    if (!this.sink.isTTY) return;
    this.sink.write(`\r${formatProgress(this.done, this.total, Date.now() - this.started)}`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.sink.isTTY && this.drawn) this.sink.write('\r\x1b[2K');
    this.drawn = false;
  }
}
