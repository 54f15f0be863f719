// In-memory input/output history of this kernel session, answering history_request (tail, range, search).

/** One executed cell as history_reply lists it. */
export interface HistoryEntry {
  readonly line: number;
  readonly input: string;
  output: string | null;
}

/** What a history_request asks for (Jupyter messaging spec). */
export interface HistoryRequest {
  output?: boolean;
  raw?: boolean;
  hist_access_type?: "range" | "tail" | "search";
  session?: number;
  start?: number;
  stop?: number;
  n?: number;
  pattern?: string;
  unique?: boolean;
}

/** This kernel process is session 1 (history is not kept across restarts). */
export const historySession = 1;

// Shell glob (`*`, `?`) to an anchored regular expression, as IPython's history search uses.
const globToRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[\\s\\S]*")
      .replace(/\?/g, "[\\s\\S]")}$`,
  );

/** The session's history. */
export class History {
  private readonly entries: HistoryEntry[] = [];

  /** Record a stored cell; returns its entry so the output can be filled in afterwards. */
  add(line: number, input: string): HistoryEntry {
    const entry: HistoryEntry = { line, input, output: null };
    this.entries.push(entry);
    return entry;
  }

  /** Answer a request with [session, line, input] or [session, line, [input, output]] triples. */
  query(request: HistoryRequest): unknown[] {
    const selected = this.select(request);
    return selected.map((e) => [historySession, e.line, request.output ? [e.input, e.output] : e.input]);
  }

  private select(request: HistoryRequest): HistoryEntry[] {
    const n = request.n ?? 10;
    switch (request.hist_access_type) {
      case "range": {
        if (request.session !== undefined && request.session !== historySession && request.session !== 0) return [];
        const start = request.start ?? 1;
        const stop = request.stop ?? Number.POSITIVE_INFINITY;
        return this.entries.filter((e) => e.line >= start && e.line < stop);
      }
      case "search": {
        const re = globToRegExp(request.pattern ?? "*");
        let found = this.entries.filter((e) => re.test(e.input));
        if (request.unique) {
          const seen = new Set<string>();
          found = found
            .reverse()
            .filter((e) => !seen.has(e.input) && seen.add(e.input))
            .reverse();
        }
        return request.n === undefined ? found : found.slice(-n);
      }
      default:
        return n > 0 ? this.entries.slice(-n) : [];
    }
  }
}
