// How nbformat writes a notebook, so that a generated notebook is byte-identical to Jupyter's own save. Pure.

/** nbformat's multiline strings: a list of lines, each but the last with its "\n". */
export const sourceLines = (text: string): string[] => (text === "" ? [] : text.split(/(?<=\n)/));

// JSON with sorted keys, as nbformat.write (json.dumps(sort_keys=True, indent=1, ensure_ascii=False)).
const sortKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
        )
      : value;

/** A notebook's file text as nbformat writes it. */
export const notebookJson = (notebook: unknown): string => `${JSON.stringify(sortKeys(notebook), null, 1)}\n`;
