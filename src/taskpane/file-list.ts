/**
 * The pane's list of picked files. Picking adds to the list rather than replacing it, so trackers
 * from several folders can go into one import. A file with the name of one already listed replaces
 * it in place: the user edited it and picked it again, and two entries of one name would read the
 * same sheets twice under one name (provenance and the review key sheets by file name).
 */
export function addFiles<T extends { name: string }>(
  current: readonly T[],
  picked: readonly T[],
): { files: T[]; added: string[]; replaced: string[] } {
  const files = [...current];
  const added: string[] = [];
  const replaced: string[] = [];
  for (const file of picked) {
    const at = files.findIndex((f) => f.name === file.name);
    if (at >= 0) {
      files[at] = file;
      if (!replaced.includes(file.name) && !added.includes(file.name)) replaced.push(file.name);
    } else {
      files.push(file);
      added.push(file.name);
    }
  }
  return { files, added, replaced };
}

/** What changed, in a sentence for the screen reader's status line. */
export function describeAdded(result: { added: string[]; replaced: string[] }): string {
  const parts: string[] = [];
  if (result.added.length > 0) parts.push(`Added ${result.added.join(", ")}.`);
  if (result.replaced.length > 0) parts.push(`Replaced ${result.replaced.join(", ")} with the file picked again.`);
  return parts.join(" ");
}
