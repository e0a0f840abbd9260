/**
 * Output for people: colours only when the stream is a terminal (and NO_COLOR is not set), so logs,
 * pipes and CI see plain text.
 */
type Stream = { isTTY?: boolean };

function colour(code: number): (text: string, stream?: Stream) => string {
  return (text, stream = process.stdout) => (useColour(stream) ? `\u001b[${code}m${text}\u001b[39m` : text);
}

/** Whether to colour text written to `stream`. */
export function useColour(stream: Stream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0") return true;
  return stream.isTTY === true;
}

export const paint = { red: colour(31), green: colour(32), yellow: colour(33), cyan: colour(36) };
